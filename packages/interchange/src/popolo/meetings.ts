import {
  committeeInfo,
  DEFAULT_TIME_ZONE,
  type DutyRecordState,
  liveActs,
  meetingOf,
  startOfDateInput,
} from '@lvzhi/core';
import { popoloDate, popoloDateTime } from './popoloDates.ts';
import { popoloIds } from './popoloIds.ts';
import type { PopoloEvent, PopoloSpeech } from './popoloTypes.ts';

const STATUSES = ['present', 'excused', 'absent'] as const;

/**
 * Every meeting or activity (会议与活动) as an event within its term: members present as `attendees`,
 * attendance by status as `counts`; every speech (发言) at it as a speech. Retracted facts are left out,
 * corrected ones appear as corrected.
 */
export function meetingsToPopolo(
  state: DutyRecordState,
  names: ReadonlyMap<string, string>,
): { readonly events: PopoloEvent[]; readonly speeches: PopoloSpeech[] } {
  const meetings: { at: number; event: PopoloEvent; speeches: PopoloSpeech[] }[] = [];
  for (const streamId of Object.keys(state.byStream)) {
    if (!streamId.startsWith('meeting-')) continue;
    const meetingId = streamId.slice('meeting-'.length);
    const m = meetingOf(state, meetingId);
    if (!m) continue;
    const committeeId = m.committeeId as string;
    const timeZone = committeeInfo(state, committeeId)?.timeZone ?? DEFAULT_TIME_ZONE;
    const startsOn = m.startsOn as string;
    const eventId = popoloIds.meeting(meetingId);
    const acts = liveActs(state, state.byMeeting[meetingId]);
    const attendance = acts.filter((a) => a.type === 'AttendanceRecorded');
    const attendees = attendance
      .filter((a) => a.data.status === 'present')
      .map((a) => a.data.memberId as string)
      .sort()
      .map((memberId) => {
        const name = names.get(memberId);
        return { id: popoloIds.person(memberId), ...(name === undefined ? {} : { name }) };
      });
    const event: PopoloEvent = {
      id: eventId,
      name: m.title as string,
      classification: m.kind as string,
      organization_id: popoloIds.committee(committeeId),
      start_date: popoloDate(startsOn),
      ...(typeof m.endsOn === 'string' ? { end_date: popoloDate(m.endsOn) } : {}),
      parent_id: popoloIds.term(committeeId, m.term as number),
      identifiers: [{ scheme: 'lvzhi-meeting', identifier: meetingId }],
      attendees,
      counts: STATUSES.map((status) => ({
        option: status,
        value: attendance.filter((a) => a.data.status === status).length,
      })),
    };
    const date = popoloDateTime(startsOn, timeZone);
    const speeches = acts
      .filter((a) => a.type === 'SpeechRecorded')
      .map((a) => ({
        id: popoloIds.recorded('speech', a.eventId),
        creator_id: popoloIds.person(a.data.memberId as string),
        event_id: eventId,
        type: a.data.mode as string,
        date,
      }));
    meetings.push({ at: startOfDateInput(startsOn, timeZone), event, speeches });
  }
  meetings.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return { events: meetings.map((m) => m.event), speeches: meetings.flatMap((m) => m.speeches) };
}

import { z } from 'zod';
import type { DecisionContext } from '../commandHandling/decision.ts';
import { defineCommand } from '../commandHandling/decision.ts';
import { identical } from '../corrections/keyedRecords.ts';
import { MeetingId, MemberId } from '../ids/ids.ts';
import { currentMeeting } from '../meetings/meetingState.ts';
import { checkNotAfterRecording, recordOnMember } from '../members/memberCommands.ts';
import { isStandingAt, longLeaveAt, seatAt } from '../members/membership.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { Instant, instantText, startOfDateInput } from '../time/localDate.ts';

/** present; excused (请假获准); absent (无故缺席: no leave, or leave refused). */
export const AttendanceStatus = z.enum(['present', 'excused', 'absent']);
/** In what capacity a member attended: as member, as observer (列席) or as speaker. */
export const Capacity = z.enum(['member', 'observer', 'speaker']);
/** How a member attended. */
export const Channel = z.enum(['in-person', 'video', 'online']);
/** Why leave was granted for one meeting. */
export const LeaveReason = z.enum([
  'illness',
  'maternity',
  'higher-level-meeting',
  'official-abroad',
  'work',
  'other',
]);

/** Records one member's attendance at one meeting (出席/请假/缺席). */
export const RecordAttendance = z.strictObject({
  meetingId: MeetingId,
  memberId: MemberId,
  status: AttendanceStatus,
  capacity: Capacity.default('member'),
  channel: Channel.default('in-person'),
  fractionAttended: z.number().optional(),
  leaveReason: LeaveReason.optional(),
});
export type RecordAttendance = z.infer<typeof RecordAttendance>;

/** Records a speech (发言): oral, or written and possibly listed in the proceedings. */
export const RecordSpeech = z.strictObject({
  meetingId: MeetingId,
  memberId: MemberId,
  mode: z.enum(['oral', 'written']),
  listed: z.boolean().default(false),
});
export type RecordSpeech = z.infer<typeof RecordSpeech>;

const meetingFacts = { committeeId: z.string(), occurredAt: Instant };
/** An attendance was recorded; carries the meeting's committee and start. */
export const AttendanceRecorded = RecordAttendance.extend(meetingFacts);
export type AttendanceRecorded = z.infer<typeof AttendanceRecorded>;
/** A speech was recorded; carries the meeting's committee and start. */
export const SpeechRecorded = RecordSpeech.extend(meetingFacts);
export type SpeechRecorded = z.infer<typeof SpeechRecorded>;

/** The meeting, the member's seat at its start, and the start instant; or the refusal. */
function seatAtMeeting(meetingId: string, memberId: string, ctx: DecisionContext) {
  const meeting = currentMeeting(ctx.meeting(meetingId));
  if (!meeting) return err(rejection('unknown-meeting', 'meetingId', meetingId));
  const member = ctx.member(memberId);
  if (member.appointments.length === 0) return err(rejection('unknown-member', 'memberId', memberId));
  const committee = ctx.committee(meeting.committeeId);
  const at = startOfDateInput(meeting.startsOn, committee.timeZone);
  const late = checkNotAfterRecording(at, ctx, 'meetingId', meetingId);
  if (late) return err(late);
  const seat = seatAt(member, meeting.committeeId, committee, at);
  if (!seat) return err(rejection('not-seated', 'memberId', memberId));
  return ok({ meeting, member, committee, seat, at });
}

export const recordAttendance = defineCommand({
  name: 'RecordAttendance',
  schema: RecordAttendance,
  eventType: 'AttendanceRecorded',
  decide: (data, ctx) => {
    const key = `attendance:${data.meetingId}`;
    if (identical(ctx.member(data.memberId).acts, key, data)) return ok('no-op');
    if (data.status === 'excused' && data.leaveReason === undefined) {
      return err(rejection('leave-reason-required', 'leaveReason'));
    }
    if (data.status !== 'excused' && data.leaveReason !== undefined) {
      return err(rejection('leave-reason-not-allowed', 'leaveReason', data.leaveReason));
    }
    if (data.fractionAttended !== undefined && !(data.fractionAttended >= 0 && data.fractionAttended <= 1)) {
      return err(rejection('fraction-out-of-range', 'fractionAttended', data.fractionAttended));
    }
    const found = seatAtMeeting(data.meetingId, data.memberId, ctx);
    if (!found.ok) return found;
    const { meeting, member, committee, seat, at } = found.value;
    if (
      meeting.kind === 'standing' &&
      data.capacity !== 'observer' &&
      !isStandingAt(member, seat, committee.timeZone, at)
    ) {
      return err(rejection('not-standing-member', 'capacity', data.capacity));
    }
    if (data.status === 'present' && longLeaveAt(member, committee.timeZone, at)) {
      return err(rejection('on-long-leave', 'status', data.status));
    }
    return recordOnMember(
      data.memberId,
      key,
      'AttendanceRecorded',
      data,
      { committeeId: meeting.committeeId, occurredAt: instantText(at) },
      ctx,
      { code: 'conflicts-with-recorded', field: 'status' },
    );
  },
});

export const recordSpeech = defineCommand({
  name: 'RecordSpeech',
  schema: RecordSpeech,
  eventType: 'SpeechRecorded',
  decide: (data, ctx) => {
    const key = `speech:${data.meetingId}:${data.mode}`;
    if (identical(ctx.member(data.memberId).acts, key, data)) return ok('no-op');
    const found = seatAtMeeting(data.meetingId, data.memberId, ctx);
    if (!found.ok) return found;
    const { meeting, member, committee, at } = found.value;
    if (
      data.listed &&
      (data.mode !== 'written' || !['plenary', 'standing', 'consultation'].includes(meeting.kind))
    ) {
      return err(rejection('field-not-allowed', 'listed', data.listed));
    }
    if (data.mode === 'oral' && longLeaveAt(member, committee.timeZone, at)) {
      return err(rejection('on-long-leave', 'mode', data.mode));
    }
    return recordOnMember(
      data.memberId,
      key,
      'SpeechRecorded',
      data,
      { committeeId: meeting.committeeId, occurredAt: instantText(at) },
      ctx,
      { code: 'conflicts-with-recorded', field: 'mode' },
    );
  },
});

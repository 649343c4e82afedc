import { z } from 'zod';
import { defineCommand } from '../commandHandling/decision.ts';
import { fingerprint } from '../commandHandling/fingerprint.ts';
import { CommitteeId, MeetingId, streamIds, TermNumber } from '../ids/ids.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { DateInput, Instant, instantText, startOfDateInput } from '../time/localDate.ts';

/** Kinds of meeting and activity (会议与活动). */
export const MeetingKind = z.enum([
  'plenary',
  'standing',
  'chairman',
  'special-committee',
  'consultation',
  'inspection',
  'research',
  'supervision',
  'study',
  'sector',
  'other',
]);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** Schedules a meeting or activity of a committee within a term (and plenary session). */
export const ScheduleMeeting = z.strictObject({
  meetingId: MeetingId,
  committeeId: CommitteeId,
  kind: MeetingKind,
  title: z.string().min(1).max(500),
  startsOn: DateInput,
  endsOn: DateInput.optional(),
  term: TermNumber,
  session: z.int().min(1).max(99).optional(),
});
export type ScheduleMeeting = z.infer<typeof ScheduleMeeting>;

/** A meeting was scheduled. */
export const MeetingScheduled = ScheduleMeeting.extend({ occurredAt: Instant });
export type MeetingScheduled = z.infer<typeof MeetingScheduled>;

export const scheduleMeeting = defineCommand({
  name: 'ScheduleMeeting',
  schema: ScheduleMeeting,
  eventType: 'MeetingScheduled',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    const term = committee.terms.get(data.term);
    if (!term) return err(rejection('unknown-term', 'term', data.term));
    const starts = startOfDateInput(data.startsOn, committee.timeZone);
    if (starts < term.startMs || starts > term.endMs)
      return err(rejection('outside-term', 'startsOn', data.startsOn));
    if (data.endsOn !== undefined && startOfDateInput(data.endsOn, committee.timeZone) < starts) {
      return err(rejection('invalid-date-range', 'endsOn', data.endsOn));
    }
    const meeting = ctx.meeting(data.meetingId);
    if (meeting.scheduled) {
      return meeting.fingerprint === fingerprint(data)
        ? ok('no-op')
        : err(rejection('already-exists', 'meetingId', data.meetingId));
    }
    return ok({
      streamId: streamIds.meeting(data.meetingId),
      type: 'MeetingScheduled',
      data: { ...data, occurredAt: instantText(starts) },
    });
  },
});

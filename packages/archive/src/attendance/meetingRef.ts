import type { DutyRecordState } from '@lvzhi/core';
import { actsOfType, dataOf } from '../scope/archiveScope.ts';

/** The meeting an attendance or speech was at, as scheduled (corrections merged). */
export interface MeetingRef {
  readonly meetingId: string;
  /** The `MeetingScheduled` event; undefined when the record never saw the meeting. */
  readonly eventId: string | undefined;
  readonly title: string | undefined;
  /** plenary, standing, chairman, special-committee, consultation, inspection, research, … */
  readonly kind: string | undefined;
  readonly committeeId: string | undefined;
  readonly term: number | undefined;
  readonly session: number | undefined;
  readonly startsOn: string | undefined;
  /** The meeting's own record was retracted: acts at it count in no total. */
  readonly retracted: boolean;
}

/** The meeting a record names, whether or not its schedule was retracted. */
export function meetingRef(state: DutyRecordState, meetingId: string): MeetingRef {
  const scheduled = actsOfType(state, state.byStream[`meeting-${meetingId}`], ['MeetingScheduled']);
  const act = scheduled.find((a) => !a.retraction) ?? scheduled[0];
  if (!act) {
    return {
      meetingId,
      eventId: undefined,
      title: undefined,
      kind: undefined,
      committeeId: undefined,
      term: undefined,
      session: undefined,
      startsOn: undefined,
      retracted: false,
    };
  }
  const d = dataOf(act, 'MeetingScheduled');
  return {
    meetingId,
    eventId: act.eventId,
    title: d.title,
    kind: d.kind,
    committeeId: d.committeeId,
    term: d.term,
    session: d.session,
    startsOn: d.startsOn,
    retracted: act.retraction !== undefined,
  };
}

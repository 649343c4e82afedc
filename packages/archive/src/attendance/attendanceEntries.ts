import type { RecordedAct } from '@lvzhi/core';
import { type LongLeaveEntry, leaveAt } from '../activities/longLeaves.ts';
import { type Traced, traced } from '../corrections/amendmentNotes.ts';
import {
  type ArchiveScope,
  actsOfType,
  byOccurrence,
  dataOf,
  duringSeat,
  inYear,
  occurredMs,
  whenOf,
} from '../scope/archiveScope.ts';
import { type MeetingRef, meetingRef } from './meetingRef.ts';

/** Why the member was not there: the approved leave's reason, or `'no leave'` for an absence (无故缺席). */
export type AbsenceReason =
  | 'illness'
  | 'maternity'
  | 'higher-level-meeting'
  | 'official-abroad'
  | 'work'
  | 'other'
  | 'no leave';

/** An attendance (出席/请假/缺席) at a meeting or activity; an absence always carries its reason. */
export interface AttendanceEntry extends Traced {
  readonly meeting: MeetingRef;
  /** The meeting's start date, local to the committee. */
  readonly date: string;
  readonly year: number;
  readonly status: 'present' | 'excused' | 'absent';
  /** member, observer (列席) or speaker. */
  readonly capacity: string;
  /** in-person, video or online. */
  readonly channel: string;
  readonly fractionAttended: number | undefined;
  /** Set for `excused` and `absent`, never for `present`. */
  readonly absenceReason: AbsenceReason | undefined;
  /** The long leave the meeting fell in, if any. */
  readonly longLeave: LongLeaveEntry | undefined;
}

/** A speech (发言) at a meeting: oral, or written and possibly listed in the proceedings. */
export interface SpeechEntry extends Traced {
  readonly meeting: MeetingRef;
  readonly date: string;
  readonly year: number;
  readonly mode: 'oral' | 'written';
  readonly listed: boolean;
}

/** True when an act at a meeting belongs to the scope's seat: the meeting's committee and term. */
function atSeatMeeting(scope: ArchiveScope, act: RecordedAct, meeting: MeetingRef): boolean {
  if (meeting.committeeId !== undefined && meeting.term !== undefined) {
    return meeting.committeeId === scope.seat.committeeId && meeting.term === scope.seat.term;
  }
  return act.data.committeeId === scope.seat.committeeId && duringSeat(scope, act);
}

function meetingActs(scope: ArchiveScope, type: 'AttendanceRecorded' | 'SpeechRecorded') {
  return actsOfType(scope.state, scope.state.byMember[scope.memberId], [type])
    .map((act) => ({
      act,
      key: act.data.meetingId as string,
      meeting: meetingRef(scope.state, act.data.meetingId as string),
    }))
    .filter((x) => atSeatMeeting(scope, x.act, x.meeting) && inYear(scope, whenOf(scope, x.act).year))
    .sort(byOccurrence);
}

/** The member's attendances in the scope, in meeting order, each absence with its reason. */
export function attendanceEntries(scope: ArchiveScope, leaves: readonly LongLeaveEntry[]): AttendanceEntry[] {
  return meetingActs(scope, 'AttendanceRecorded').map(({ act, meeting }) => {
    const d = dataOf(act, 'AttendanceRecorded');
    return {
      ...traced(act),
      meeting,
      ...whenOf(scope, act),
      status: d.status,
      capacity: d.capacity,
      channel: d.channel,
      fractionAttended: d.fractionAttended,
      // Core requires a reason with `excused`; 'other' only guards data recorded before that rule.
      absenceReason:
        d.status === 'present' ? undefined : d.status === 'excused' ? (d.leaveReason ?? 'other') : 'no leave',
      longLeave: leaveAt(scope, leaves, occurredMs(act)),
    };
  });
}

/** The member's speeches in the scope, in meeting order. */
export function speechEntries(scope: ArchiveScope): SpeechEntry[] {
  return meetingActs(scope, 'SpeechRecorded').map(({ act, meeting }) => {
    const d = dataOf(act, 'SpeechRecorded');
    return { ...traced(act), meeting, ...whenOf(scope, act), mode: d.mode, listed: d.listed };
  });
}

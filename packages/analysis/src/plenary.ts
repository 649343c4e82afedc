import { liveActs } from '@lvzhi/core';
import {
  LEAVE_REASONS,
  type LeaveReason,
  type PlenaryFigures,
  type PlenaryMeetingFigures,
} from './analysisTypes.ts';
import { type LeaveSpan, leavesOf, onLeaveAt } from './longLeave.ts';
import type { MeetingEntry, RecordIndex } from './recordIndex.ts';
import { inYear, type Scope, seatedAt } from './yearScope.ts';

/** A member's plenary attendance over the year. */
export interface MemberPlenary {
  readonly expected: number;
  readonly present: number;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The plenaries (全体会议) of the scope's committees that start in the year, by start then id. */
export function plenariesInYear(index: RecordIndex, scope: Scope): MeetingEntry[] {
  return [...index.meetings.values()]
    .filter((m) => m.kind === 'plenary' && inYear(scope, m.committeeId, m.start))
    .sort((a, b) => a.start - b.start || (a.meetingId < b.meetingId ? -1 : 1));
}

/**
 * Plenary attendance: every member seated at a plenary's (current, possibly corrected) start is expected there
 * and is exactly one of present, excused, absent or not recorded; attendance records of members not seated
 * then are left out. Turnout is present / expected; `fractionAttended` is not looked at.
 */
export function plenaryAttendance(
  index: RecordIndex,
  scope: Scope,
): { figures: PlenaryFigures; perMember: Map<string, MemberPlenary> } {
  const perMember = new Map<string, { expected: number; present: number }>();
  const leaves = new Map<string, LeaveSpan[]>();
  const channels = { inPerson: 0, video: 0, online: 0 };
  const reasons = Object.fromEntries(LEAVE_REASONS.map((r) => [r, 0])) as Record<LeaveReason, number>;
  const byMeeting: PlenaryMeetingFigures[] = [];
  for (const meeting of plenariesInYear(index, scope)) {
    const records = new Map<string, Record<string, unknown>>();
    for (const act of liveActs(index.state, index.state.byMeeting[meeting.meetingId])) {
      if (act.type === 'AttendanceRecorded') records.set(act.data.memberId as string, act.data);
    }
    const row = { expected: 0, present: 0, excused: 0, absent: 0, notRecorded: 0, onLongLeave: 0 };
    for (const member of scope.members.values()) {
      if (!seatedAt(member, meeting.committeeId, meeting.start)) continue;
      const mine = perMember.get(member.memberId) ?? { expected: 0, present: 0 };
      perMember.set(member.memberId, mine);
      row.expected++;
      mine.expected++;
      if (!leaves.has(member.memberId)) leaves.set(member.memberId, leavesOf(index, member));
      if (onLeaveAt(leaves.get(member.memberId)!, meeting.start)) row.onLongLeave++;
      const record = records.get(member.memberId);
      const status = record?.status as 'present' | 'excused' | 'absent' | undefined;
      if (status === undefined) row.notRecorded++;
      else row[status]++;
      if (status === 'present') {
        mine.present++;
        const channel = record?.channel;
        if (channel === 'video') channels.video++;
        else if (channel === 'online') channels.online++;
        else channels.inPerson++;
      } else if (status === 'excused') {
        const reason = record?.leaveReason as LeaveReason | undefined;
        reasons[reason !== undefined && reason in reasons ? reason : 'other']++;
      }
    }
    byMeeting.push({
      meetingId: meeting.meetingId,
      committeeId: meeting.committeeId,
      title: meeting.title,
      startsOn: meeting.startsOn,
      term: meeting.term,
      session: meeting.session,
      ...row,
      turnout: ratio(row.present, row.expected),
    });
  }
  const sum = (k: 'expected' | 'present' | 'excused' | 'absent' | 'notRecorded' | 'onLongLeave') =>
    byMeeting.reduce((n, m) => n + m[k], 0);
  const figures: PlenaryFigures = {
    meetings: byMeeting.length,
    expected: sum('expected'),
    present: sum('present'),
    excused: sum('excused'),
    absent: sum('absent'),
    notRecorded: sum('notRecorded'),
    onLongLeave: sum('onLongLeave'),
    turnout: ratio(sum('present'), sum('expected')),
    presentByChannel: channels,
    excusedByReason: reasons,
    byMeeting,
  };
  return { figures, perMember };
}

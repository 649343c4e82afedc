import { endOfDateInput, startOfDateInput } from '@lvzhi/core';
import { type Traced, traced } from '../corrections/amendmentNotes.ts';
import { type ArchiveScope, actsOfType, compareText, dataOf, yearBounds } from '../scope/archiveScope.ts';

/** A long leave (长期请假: illness, maternity, posting abroad) declared for the member, with its reason. */
export interface LongLeaveEntry extends Traced {
  readonly from: string;
  /** The last day of leave; undefined while open-ended. */
  readonly to: string | undefined;
  readonly reason: string;
}

function spanOf(
  scope: ArchiveScope,
  leave: { from: string; to: string | undefined },
): readonly [number, number] {
  return [
    startOfDateInput(leave.from, scope.timeZone),
    leave.to === undefined ? Number.POSITIVE_INFINITY : endOfDateInput(leave.to, scope.timeZone),
  ];
}

/** The member's long leaves overlapping the seat (and the year, when filtered), in date order. */
export function longLeaveEntries(scope: ArchiveScope): LongLeaveEntry[] {
  const [from, to] = yearBounds(scope);
  return actsOfType(scope.state, scope.state.byMember[scope.memberId], ['LongLeaveDeclared'])
    .map((act): LongLeaveEntry => {
      const d = dataOf(act, 'LongLeaveDeclared');
      return { ...traced(act), from: d.from, to: d.to, reason: d.reason };
    })
    .filter((l) => {
      const [start, end] = spanOf(scope, l);
      return start <= Math.min(to, scope.span[1]) && end >= Math.max(from, scope.span[0]);
    })
    .sort((a, b) => compareText(a.from, b.from) || compareText(a.eventId, b.eventId));
}

/** The live long leave covering an instant, if any. */
export function leaveAt(
  scope: ArchiveScope,
  leaves: readonly LongLeaveEntry[],
  atMs: number,
): LongLeaveEntry | undefined {
  return leaves.find((l) => {
    const [start, end] = spanOf(scope, l);
    return !l.retracted && start <= atMs && atMs <= end;
  });
}

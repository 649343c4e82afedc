import { endOfDateInput, startOfDateInput, yearSpan } from '@lvzhi/core';
import type { LongLeaveEntry } from './analysisTypes.ts';
import type { RecordIndex } from './recordIndex.ts';
import type { Scope, ScopeMember } from './yearScope.ts';

/** A live long leave (长期请假) of a member, with its span in the member's zone. */
export interface LeaveSpan {
  readonly reason: string;
  readonly from: string;
  readonly to: string | null;
  readonly span: readonly [number, number];
}

/** Every live long leave of a member (corrections applied), in the order declared. */
export function leavesOf(index: RecordIndex, member: ScopeMember): LeaveSpan[] {
  return index
    .memberFacts(member.memberId)
    .filter((a) => a.type === 'LongLeaveDeclared')
    .map((a) => {
      const from = a.data.from as string;
      const to = (a.data.to as string | undefined) ?? null;
      return {
        reason: a.data.reason as string,
        from,
        to,
        span: [
          startOfDateInput(from, member.timeZone),
          to === null ? Number.POSITIVE_INFINITY : endOfDateInput(to, member.timeZone),
        ] as const,
      };
    });
}

/** True when a member is on long leave at an instant. */
export function onLeaveAt(leaves: readonly LeaveSpan[], at: number): boolean {
  return leaves.some((l) => l.span[0] <= at && at <= l.span[1]);
}

/** The long leaves overlapping the year of the members in scope, by member id then start date. */
export function longLeaveEntries(index: RecordIndex, scope: Scope): LongLeaveEntry[] {
  const entries: LongLeaveEntry[] = [];
  const years = new Map<string, readonly [number, number]>();
  for (const member of scope.members.values()) {
    const year = years.get(member.timeZone) ?? yearSpan(scope.year, member.timeZone);
    years.set(member.timeZone, year);
    for (const leave of leavesOf(index, member)) {
      if (leave.span[0] > year[1] || leave.span[1] < year[0]) continue;
      entries.push({
        memberId: member.memberId,
        name: member.name,
        reason: leave.reason,
        from: leave.from,
        to: leave.to,
      });
    }
  }
  return entries.sort((a, b) =>
    a.memberId < b.memberId
      ? -1
      : a.memberId > b.memberId
        ? 1
        : a.from < b.from
          ? -1
          : a.from > b.from
            ? 1
            : 0,
  );
}

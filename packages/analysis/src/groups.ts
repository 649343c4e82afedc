import type { GroupFigures, SectorFigures, SpecialCommitteeFigures } from './analysisTypes.ts';
import type { MemberActs } from './memberActs.ts';
import type { MemberPlenary } from './plenary.ts';
import type { Scope, ScopeMember } from './yearScope.ts';

/** What group breakdowns read about each member. */
export interface MemberFacts {
  readonly acts: ReadonlyMap<string, MemberActs>;
  readonly plenary: ReadonlyMap<string, MemberPlenary>;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The figures of a group of members; proposals and items are counted once however many members share them. */
export function groupFigures(members: readonly ScopeMember[], facts: MemberFacts): GroupFigures {
  let acts = 0;
  let expected = 0;
  let present = 0;
  let nothingRecorded = 0;
  const proposals = new Set<string>();
  const opinions = new Set<string>();
  for (const m of members) {
    const mine = facts.acts.get(m.memberId);
    const plenary = facts.plenary.get(m.memberId);
    acts += mine?.total ?? 0;
    if ((mine?.total ?? 0) === 0) nothingRecorded++;
    expected += plenary?.expected ?? 0;
    present += plenary?.present ?? 0;
    for (const id of mine?.proposalIds ?? []) proposals.add(id);
    for (const id of mine?.opinionIds ?? []) opinions.add(id);
  }
  return {
    members: members.length,
    acts,
    actsPerMember: members.length === 0 ? null : acts / members.length,
    plenary: { expected, present, turnout: expected === 0 ? null : present / expected },
    proposals: proposals.size,
    opinions: opinions.size,
    nothingRecorded,
  };
}

function groupBy(scope: Scope, keys: (m: ScopeMember) => readonly string[]): [string, ScopeMember[]][] {
  const groups = new Map<string, ScopeMember[]>();
  for (const m of scope.members.values()) {
    for (const key of new Set(keys(m))) {
      const list = groups.get(key);
      if (list) list.push(m);
      else groups.set(key, [m]);
    }
  }
  return [...groups].sort(([a], [b]) => byCodeUnits(a, b));
}

/** Figures per sector (界别) of the members' primary seats, by sector name in code-unit order. */
export function bySector(scope: Scope, facts: MemberFacts): SectorFigures[] {
  return groupBy(scope, (m) => [m.sector]).map(([sector, ms]) => ({ sector, ...groupFigures(ms, facts) }));
}

/**
 * Figures per special committee (专门委员会), by name; a member of two is in both, a member of none in none.
 */
export function bySpecialCommittee(scope: Scope, facts: MemberFacts): SpecialCommitteeFigures[] {
  return groupBy(scope, (m) => m.specialCommittees).map(([specialCommittee, ms]) => ({
    specialCommittee,
    ...groupFigures(ms, facts),
  }));
}

/** Standing members (常委 at any time in the year) and ordinary members. */
export function standingVsOrdinary(
  scope: Scope,
  facts: MemberFacts,
): { standing: GroupFigures; ordinary: GroupFigures } {
  const all = [...scope.members.values()];
  return {
    standing: groupFigures(
      all.filter((m) => m.standing),
      facts,
    ),
    ordinary: groupFigures(
      all.filter((m) => !m.standing),
      facts,
    ),
  };
}

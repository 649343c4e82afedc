import {
  type CommitteeInfo,
  type DutyRecordState,
  endOfDateInput,
  startOfDateInput,
  yearSpan,
} from '@lvzhi/core';
import {
  ACT_FAMILIES,
  type ActFamily,
  type AnalysisFigures,
  type AnnualAnalysis,
  type FamilyCounts,
  type KeyFigures,
  type PreviousYear,
  type RollUpAnalysis,
} from './analysisTypes.ts';
import { distributionOf } from './distribution.ts';
import { bySector, bySpecialCommittee, type MemberFacts, standingVsOrdinary } from './groups.ts';
import { longLeaveEntries } from './longLeave.ts';
import { memberActs } from './memberActs.ts';
import { opinionFigures, opinionsInYear } from './opinionFigures.ts';
import { plenaryAttendance } from './plenary.ts';
import { isFiled, proposalFigures, proposalsInYear } from './proposalFunnel.ts';
import { type RecordIndex, recordIndex } from './recordIndex.ts';
import { type Scope, yearScope } from './yearScope.ts';

/** Thrown when an analysis names a committee the record does not know. */
export class UnknownCommitteeError extends Error {
  override readonly name = 'UnknownCommitteeError';
  constructor(readonly committeeId: string) {
    super(`unknown committee ${committeeId}`);
  }
}

function committeesOf(index: RecordIndex, committeeIds: readonly string[]): CommitteeInfo[] {
  return [...new Set(committeeIds)].map((id) => {
    const info = index.committees.get(id);
    if (!info) throw new UnknownCommitteeError(id);
    return info;
  });
}

function checkYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
}

const perFamily = (f: (family: ActFamily) => number) =>
  Object.fromEntries(ACT_FAMILIES.map((family) => [family, f(family)])) as Record<ActFamily, number>;

/** Everything but the comparison with the previous year. */
function yearFigures(index: RecordIndex, scope: Scope): Omit<AnalysisFigures, 'previousYear'> {
  const proposals = proposalsInYear(index, scope);
  const opinions = opinionsInYear(index, scope);
  const acts = memberActs(index, scope, proposals, opinions);
  const plenary = plenaryAttendance(index, scope);
  const facts: MemberFacts = { acts, plenary: plenary.perMember };
  const tallies = [...acts.values()];
  const members = scope.members.size;
  const totals: FamilyCounts = perFamily((f) => tallies.reduce((n, t) => n + t.counts[f], 0));
  return {
    members,
    plenary: plenary.figures,
    proposals: proposalFigures(proposals),
    opinions: opinionFigures(opinions),
    totals,
    perMember: Object.fromEntries(
      ACT_FAMILIES.map((f) => [f, members === 0 ? null : totals[f] / members]),
    ) as {
      [F in ActFamily]: number | null;
    },
    coverage: perFamily((f) => tallies.filter((t) => t.counts[f] > 0).length),
    distribution: distributionOf(tallies.map((t) => t.total)),
    bySector: bySector(scope, facts),
    bySpecialCommittee: bySpecialCommittee(scope, facts),
    standingVsOrdinary: standingVsOrdinary(scope, facts),
    membersWithNothingRecorded: [...acts].filter(([, t]) => t.total === 0).map(([id]) => id),
    longLeave: longLeaveEntries(index, scope),
  };
}

/** The headline figures of a scope, without the breakdowns. */
function keyFiguresOf(index: RecordIndex, scope: Scope): KeyFigures {
  const proposals = proposalsInYear(index, scope);
  const opinions = opinionsInYear(index, scope);
  return {
    members: scope.members.size,
    proposalsSubmitted: proposals.length,
    proposalsFiled: proposals.filter(isFiled).length,
    opinionsSubmitted: opinions.length,
    opinionsAdopted: opinions.filter((o) => o.levels.size > 0).length,
    plenaryTurnout: plenaryAttendance(index, scope).figures.turnout,
  };
}

function previousYearOf(
  index: RecordIndex,
  committees: readonly CommitteeInfo[],
  year: number,
  now: KeyFigures,
) {
  const scope = yearScope(index, committees, year - 1);
  if (scope.members.size === 0) return null;
  const then = keyFiguresOf(index, scope);
  const previous: PreviousYear = {
    year: year - 1,
    ...then,
    change: {
      members: now.members - then.members,
      proposalsSubmitted: now.proposalsSubmitted - then.proposalsSubmitted,
      proposalsFiled: now.proposalsFiled - then.proposalsFiled,
      opinionsSubmitted: now.opinionsSubmitted - then.opinionsSubmitted,
      opinionsAdopted: now.opinionsAdopted - then.opinionsAdopted,
      plenaryTurnout:
        now.plenaryTurnout === null || then.plenaryTurnout === null
          ? null
          : now.plenaryTurnout - then.plenaryTurnout,
    },
  };
  return previous;
}

function withPreviousYear(
  index: RecordIndex,
  committees: readonly CommitteeInfo[],
  year: number,
): AnalysisFigures {
  const figures = yearFigures(index, yearScope(index, committees, year));
  const now: KeyFigures = {
    members: figures.members,
    proposalsSubmitted: figures.proposals.submitted,
    proposalsFiled: figures.proposals.filed,
    opinionsSubmitted: figures.opinions.submitted,
    opinionsAdopted: figures.opinions.adopted,
    plenaryTurnout: figures.plenary.turnout,
  };
  return { ...figures, previousYear: previousYearOf(index, committees, year, now) };
}

/**
 * The annual overall analysis (年度整体分析) of one committee for a calendar year in its time zone: a pure query
 * over the duty-record projection's state (core's one projection; no second fold). Retracted facts count
 * nowhere and corrections count as corrected; what is known is whatever the state was folded from, so an
 * as-of analysis is this over a state folded up to a position or instant.
 * @throws UnknownCommitteeError when the record has no such committee.
 * @example annualAnalysis(state, { committeeId: 'cq', year: 2019 }).plenary.turnout
 */
export function annualAnalysis(
  state: DutyRecordState,
  options: { readonly committeeId: string; readonly year: number },
): AnnualAnalysis {
  checkYear(options.year);
  const index = recordIndex(state);
  const [committee] = committeesOf(index, [options.committeeId]);
  const info = committee!;
  const [from, to] = yearSpan(options.year, info.timeZone);
  const terms = info.terms
    .filter(
      (t) =>
        startOfDateInput(t.startsOn, info.timeZone) <= to && endOfDateInput(t.endsOn, info.timeZone) >= from,
    )
    .map((t) => t.term)
    .sort((a, b) => a - b);
  return {
    year: options.year,
    committeeId: info.committeeId,
    committeeName: info.name,
    level: info.level,
    timeZone: info.timeZone,
    terms: [...new Set(terms)],
    ...withPreviousYear(index, [info], options.year),
  };
}

/**
 * The annual analysis of several committees together (a city committee and its district and county
 * committees): each act counts once, in its own committee's year; a person seated in several of them counts
 * once, described by the seat in the first committee listed. `committees` gives each one's headline figures.
 * @throws UnknownCommitteeError when the record lacks one of the committees.
 */
export function rollUp(
  state: DutyRecordState,
  options: { readonly committeeIds: readonly string[]; readonly year: number },
): RollUpAnalysis {
  checkYear(options.year);
  if (options.committeeIds.length === 0) throw new RangeError('rollUp needs at least one committee');
  const index = recordIndex(state);
  const committees = committeesOf(index, options.committeeIds);
  return {
    year: options.year,
    committeeIds: committees.map((c) => c.committeeId),
    committees: committees.map((c) => ({
      committeeId: c.committeeId,
      committeeName: c.name,
      level: c.level,
      ...keyFiguresOf(index, yearScope(index, [c], options.year)),
    })),
    ...withPreviousYear(index, committees, options.year),
  };
}

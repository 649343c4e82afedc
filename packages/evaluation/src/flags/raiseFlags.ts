import { yearSpan } from '@lvzhi/core';
import { match } from 'ts-pattern';
import type { Flag } from '../evaluation/evaluationTypes.ts';
import { type ResolvedPeriod, type SeatedMember, seatedIn, termYears } from '../evaluation/periods.ts';
import type { FlagRule, Policy } from '../policy/policySchema.ts';
import type { Fact } from '../record/facts.ts';
import type { RecordContext } from '../record/recordContext.ts';
import { selectFacts } from '../record/selectFacts.ts';
import { type Assessment, assess } from '../scoring/assess.ts';
import { unionEvidence } from '../scoring/points.ts';

/** Everything a flag rule may look at for one member. */
export interface FlagInput {
  readonly policy: Policy;
  readonly ctx: RecordContext;
  readonly period: ResolvedPeriod;
  readonly member: SeatedMember;
  /** All the member's acts in the committee, in order of occurrence. */
  readonly facts: readonly Fact[];
  /** The acts of the period. */
  readonly periodFacts: readonly Fact[];
  readonly assessment: Assessment;
  readonly now: number;
}

type Raise = (year: number | undefined, evidence: readonly string[], detail?: readonly string[]) => Flag;

const itemEvidence = (a: Assessment) => unionEvidence((a.scored?.items ?? []).map((i) => i.evidence));

/** The seat event of the latest seat a member held in a year, if any. */
function seatInYear(input: FlagInput, year: number): string | undefined {
  const [from, to] = yearSpan(year, input.ctx.timeZone);
  return input.member.seats.filter((s) => seatedIn(input.ctx, [s], from, to)).at(-1)?.appointmentEventId;
}

function gradeInConsecutiveYears(
  rule: Extract<FlagRule, { kind: 'grade-in-consecutive-years' }>,
  input: FlagInput,
  raise: Raise,
): Flag[] {
  if (input.period.kind !== 'year') return [];
  const year = input.period.year;
  const grades: [number, Assessment][] = [[year, input.assessment]];
  for (let back = 1; back < rule.years; back++) {
    const seat = seatInYear(input, year - back);
    if (seat === undefined) return [];
    grades.push([
      year - back,
      assess(
        input.policy,
        input.facts.filter((f) => f.year === year - back),
        seat,
      ),
    ]);
  }
  if (!grades.every(([, a]) => a.grade !== null && rule.grades.includes(a.grade))) return [];
  grades.reverse();
  return [
    raise(
      year,
      unionEvidence(grades.map(([, a]) => itemEvidence(a))),
      grades.map(([y, a]) => `${y}:${a.grade}`),
    ),
  ];
}

function threshold(rule: Extract<FlagRule, { kind: 'threshold' }>, input: FlagInput, raise: Raise): Flag[] {
  const selected = selectFacts(input.periodFacts, rule.select, input.policy.params);
  const groups =
    rule.within === 'period'
      ? [selected]
      : [...new Set(selected.map((s) => s.fact.year))].map((y) => selected.filter((s) => s.fact.year === y));
  for (const group of groups) {
    if (group.length < rule.atLeast) continue;
    const counted = group.slice(0, rule.atLeast);
    return [raise(counted.at(-1)!.fact.year, unionEvidence(counted.map((s) => s.evidence)))];
  }
  return [];
}

function noneInConsecutiveYears(
  rule: Extract<FlagRule, { kind: 'none-in-consecutive-years' }>,
  input: FlagInput,
  raise: Raise,
): Flag[] {
  const { period, ctx, now } = input;
  if (period.kind !== 'term') return [];
  const seats = input.member.seats.filter((s) => s.term === period.term);
  // A year counts once it is over: a year still running has not yet gone without.
  const years = termYears(ctx, period.term, now).filter((y) => {
    const [from, to] = yearSpan(y, ctx.timeZone);
    return to < now && seatedIn(ctx, seats, from, to);
  });
  const active = new Set(selectFacts(input.facts, rule.select, input.policy.params).map((s) => s.fact.year));
  let run: number[] = [];
  for (const y of years) {
    run = run.length > 0 && run.at(-1) === y - 1 ? [...run, y] : [y];
    if (active.has(y)) run = [];
    if (run.length >= rule.years) return [raise(y, [input.member.seat.appointmentEventId], run.map(String))];
  }
  return [];
}

function termTotalBelow(
  rule: Extract<FlagRule, { kind: 'term-total-below' }>,
  input: FlagInput,
  raise: Raise,
): Flag[] {
  if (input.period.kind !== 'term' || input.period.to >= input.now) return [];
  const selected = selectFacts(input.periodFacts, rule.select, input.policy.params);
  if (selected.length >= rule.below) return [];
  return [
    raise(
      undefined,
      unionEvidence([[input.member.seat.appointmentEventId], ...selected.map((s) => s.evidence)]),
    ),
  ];
}

/** The flags a policy's flag rules raise for a member, in policy order. */
export function raiseFlags(input: FlagInput): Flag[] {
  const flags: Flag[] = [];
  const { period, assessment } = input;
  for (const rule of input.policy.flags) {
    const raise: Raise = (year, evidence, detail) => {
      const y = period.kind === 'year' ? period.year : year;
      const d = rule.detail ?? detail;
      return {
        code: rule.code,
        ...(y === undefined ? {} : { year: y }),
        ...(d ? { detail: d } : {}),
        evidence,
      };
    };
    const raised = match(rule)
      .with({ kind: 'score-below' }, (r) =>
        assessment.scored && assessment.scored.score < r.below
          ? [raise(undefined, itemEvidence(assessment))]
          : [],
      )
      .with({ kind: 'grade-in-consecutive-years' }, (r) => gradeInConsecutiveYears(r, input, raise))
      .with({ kind: 'threshold' }, (r) => threshold(r, input, raise))
      .with({ kind: 'none-in-consecutive-years' }, (r) => noneInConsecutiveYears(r, input, raise))
      .with({ kind: 'term-total-below' }, (r) => termTotalBelow(r, input, raise))
      .exhaustive();
    flags.push(...raised);
  }
  return flags;
}

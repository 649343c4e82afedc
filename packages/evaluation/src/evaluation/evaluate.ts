import { committeeInfo, type DutyRecordState, endOfDateInput } from '@lvzhi/core';
import { raiseFlags } from '../flags/raiseFlags.ts';
import type { Policy } from '../policy/policySchema.ts';
import { memberFacts } from '../record/memberFacts.ts';
import { type RecordContext, recordContext } from '../record/recordContext.ts';
import { assess } from '../scoring/assess.ts';
import { unionEvidence } from '../scoring/points.ts';
import { EvaluationError } from './evaluationError.ts';
import type { Evaluation, Flag, MemberEvaluation } from './evaluationTypes.ts';
import { withPercentiles } from './percentileInSector.ts';
import {
  inPeriod,
  type ResolvedPeriod,
  type SeatedMember,
  seatedMembers,
  termPeriod,
  yearPeriod,
} from './periods.ts';

/** What to evaluate: a policy, a committee, and a calendar year or a term as the policy's period requires. */
export interface EvaluateOptions {
  readonly policy: Policy;
  readonly committeeId: string;
  readonly year?: number;
  readonly term?: number;
  /**
   * The moment of evaluation (epoch ms, ISO instant, or a bare date = the end of that day in the committee's
   * zone): whether a term is completed and which years are over. Defaults to the current time; pass it for a
   * reproducible answer.
   */
  readonly now?: number | string;
}

/** An instant given as epoch ms, an ISO instant or a bare local date (end of that day). */
export function instantOf(value: number | string, timeZone: string): number {
  const ms = typeof value === 'number' ? value : endOfDateInput(value, timeZone);
  if (!Number.isFinite(ms)) throw new EvaluationError('invalid-as-of', `not an instant: ${String(value)}`);
  return ms;
}

function resolvePeriod(ctx: RecordContext, options: EvaluateOptions): ResolvedPeriod {
  const { policy, year, term } = options;
  if (policy.period === 'year' && year !== undefined && term === undefined) return yearPeriod(ctx, year);
  if (policy.period === 'term' && term !== undefined && year === undefined) return termPeriod(ctx, term);
  throw new EvaluationError(
    'period-mismatch',
    `policy ${policy.id} is evaluated per ${policy.period}: give ${policy.period === 'year' ? 'a year' : 'a term'} only`,
  );
}

function evaluateMember(
  ctx: RecordContext,
  policy: Policy,
  period: ResolvedPeriod,
  member: SeatedMember,
  now: number,
): Omit<MemberEvaluation, 'percentileInSector'> {
  const facts = memberFacts(ctx, member.memberId, member.seats);
  const periodFacts = facts.filter((f) => inPeriod(f, period));
  const seatEventId = member.seat.appointmentEventId;
  const assessment = assess(policy, periodFacts, seatEventId);
  const year = period.kind === 'year' ? { year: period.year } : {};
  const flags: Flag[] = (assessment.scored?.flags ?? []).map((f) => ({
    code: f.code,
    ...year,
    evidence: f.evidence,
  }));
  if (assessment.missing.length > 0 && policy.minimums?.flag !== undefined) {
    flags.push({ code: policy.minimums.flag, ...year, detail: assessment.missing, evidence: [seatEventId] });
  }
  if (assessment.gradeFlag !== undefined) {
    const evidence = unionEvidence((assessment.scored?.items ?? []).map((i) => i.evidence));
    flags.push({ code: assessment.gradeFlag, ...year, evidence });
  }
  flags.push(...raiseFlags({ policy, ctx, period, member, facts, periodFacts, assessment, now }));
  return {
    memberId: member.memberId,
    name: member.seat.name,
    sector: member.seat.sector,
    score: assessment.scored?.score ?? null,
    grade: assessment.grade,
    flags,
    blocks: assessment.scored?.blocks ?? [],
    items: assessment.scored?.items ?? [],
  };
}

/**
 * Evaluates every member seated in a committee in a year or a term under a policy: score, grade, flags, and
 * a breakdown in which every item cites the events it came from. Pure: the record is a `DutyRecordState`
 * (fold the log with `projectLog` as of an instant, or use `evaluateStore`). Throws `EvaluationError` for an
 * unknown committee or term, or a period the policy does not use.
 * @example
 * const result = evaluate(state, { policy: presetPolicy('tongcheng-2019'), committeeId: 'tc', year: 2019, now });
 */
export function evaluate(state: DutyRecordState, options: EvaluateOptions): Evaluation {
  const committee = committeeInfo(state, options.committeeId);
  if (!committee)
    throw new EvaluationError('unknown-committee', `no committee ${options.committeeId} in the record`);
  const ctx = recordContext(state, committee);
  const period = resolvePeriod(ctx, options);
  const now = instantOf(options.now ?? Date.now(), committee.timeZone);
  const results = seatedMembers(ctx, period)
    .map((m) => evaluateMember(ctx, options.policy, period, m, now))
    .sort((a, b) =>
      a.sector !== b.sector ? (a.sector < b.sector ? -1 : 1) : a.memberId < b.memberId ? -1 : 1,
    );
  return {
    policy: { id: options.policy.id, version: options.policy.version },
    period: period.kind === 'year' ? { year: period.year } : { term: period.term },
    committeeId: committee.committeeId,
    results: withPercentiles(results),
  };
}

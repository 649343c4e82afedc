import type { DutyRecordState } from '@lvzhi/core';
import { type Evaluation, EvaluationError, evaluate, type Policy } from '@lvzhi/evaluation';
import { UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';
import { isoOf } from './instants.ts';

/** What to evaluate: a committee, the period the policy uses, and the instant of evaluation. */
export interface EvaluationRequest {
  readonly committeeId: string;
  readonly year?: number | undefined;
  readonly term?: number | undefined;
  /** The moment of evaluation (epoch ms): which years are over, whether the term is completed. */
  readonly now: number;
  /** The instant the record was read as of, if not the whole log: reported as `asOf`. */
  readonly asOf?: number | undefined;
}

/** A usage error when the period given is not the one the policy is evaluated per. */
export function checkPeriod(
  policy: Policy,
  year: number | undefined,
  term: number | undefined,
  t: Messages,
): void {
  const fail = (message: string) => {
    throw new UsageError(message, message);
  };
  if (year === undefined && term === undefined) fail(t.evaluatePeriodMissing);
  if (year !== undefined && term !== undefined) fail(t.evaluatePeriodBoth);
  if ((policy.period === 'year') !== (year !== undefined))
    fail(t.evaluatePeriodMismatch(policy.id, policy.period));
}

/**
 * Evaluates the record under a policy, as DESIGN.md's "Evaluation output" (with `asOf` when read as of an
 * instant, as `evaluateStore` gives it); what the record cannot answer becomes an error in the user's language.
 */
export function evaluateRecord(
  state: DutyRecordState,
  policy: Policy,
  request: EvaluationRequest,
  t: Messages,
): Evaluation {
  let evaluation: Evaluation;
  try {
    evaluation = evaluate(state, {
      policy,
      committeeId: request.committeeId,
      ...(request.year === undefined ? {} : { year: request.year }),
      ...(request.term === undefined ? {} : { term: request.term }),
      now: request.now,
    });
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    if (error.code === 'unknown-committee')
      throw new Error(t.projUnknownCommittee(request.committeeId, state.committees));
    if (error.code === 'unknown-term')
      throw new Error(t.evaluateUnknownTerm(request.term ?? 0, request.committeeId));
    throw new UsageError(error.message, error.message);
  }
  if (request.asOf === undefined) return evaluation;
  const { results, ...head } = evaluation;
  return { ...head, asOf: isoOf(request.asOf), results };
}

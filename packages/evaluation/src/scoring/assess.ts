import type { Policy } from '../policy/policySchema.ts';
import type { Grade } from '../policy/vocabulary.ts';
import type { Fact } from '../record/facts.ts';
import { selectFacts } from '../record/selectFacts.ts';
import { type Scored, scoreBlocks } from './scoreBlocks.ts';

/** A member's score, unmet minimums and grade for one period. */
export interface Assessment {
  readonly scored: Scored | undefined;
  /** Ids of the minimum requirements not met, in policy order. */
  readonly missing: readonly string[];
  readonly grade: Grade | null;
  /** The flag the grade's band or `otherwise` raises. */
  readonly gradeFlag: string | undefined;
}

/** The minimum requirements a member's acts of the period do not meet. */
export function unmetMinimums(policy: Policy, facts: readonly Fact[]): string[] {
  if (!policy.minimums) return [];
  return policy.minimums.requirements
    .filter(
      (req) => !req.anyOf.some((alt) => selectFacts(facts, alt.select, policy.params).length >= alt.atLeast),
    )
    .map((req) => req.id);
}

/** Scores the period's acts, checks the minimums and grades: minimums first, then bands, then `otherwise`. */
export function assess(policy: Policy, facts: readonly Fact[], seatEventId: string): Assessment {
  const scored = policy.score
    ? scoreBlocks(policy.score, { facts, params: policy.params, seatEventId })
    : undefined;
  const missing = unmetMinimums(policy, facts);
  const grading = policy.grading;
  if (!grading || !scored) return { scored, missing, grade: null, gradeFlag: undefined };
  if (missing.length > 0 && grading.minimumsNotMet !== undefined) {
    return { scored, missing, grade: grading.minimumsNotMet, gradeFlag: undefined };
  }
  const band = grading.bands.find((b) => scored.score >= b.atLeast) ?? grading.otherwise;
  return { scored, missing, grade: band.grade, gradeFlag: band.flag };
}

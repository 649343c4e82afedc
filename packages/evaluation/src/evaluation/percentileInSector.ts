import type { MemberEvaluation } from './evaluationTypes.ts';

/**
 * Adds each member's `percentileInSector`: the share (0..1) of scored members of the same sector whose score
 * is at or below the member's. Null for a member without a score.
 */
export function withPercentiles(
  results: readonly Omit<MemberEvaluation, 'percentileInSector'>[],
): MemberEvaluation[] {
  const bySector = new Map<string, number[]>();
  for (const r of results) {
    if (r.score === null) continue;
    const scores = bySector.get(r.sector);
    if (scores) scores.push(r.score);
    else bySector.set(r.sector, [r.score]);
  }
  return results.map((r) => {
    if (r.score === null) return { ...r, percentileInSector: null };
    const scores = bySector.get(r.sector)!;
    const score = r.score;
    return { ...r, percentileInSector: scores.filter((s) => s <= score).length / scores.length };
  });
}

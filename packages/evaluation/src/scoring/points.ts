/**
 * Adds points, snapping a sum that floating point left within 1e-9 of a six-decimal value back onto it
 * (12.5 + 3 × 4.1666… is 25, not 25.000000000000004). Points are otherwise never rounded.
 */
export function sumPoints(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  const snapped = Math.round(total * 1e6) / 1e6;
  return Math.abs(snapped - total) < 1e-9 ? snapped + 0 : total;
}

/** Event ids in first-seen order, without repeats. */
export function unionEvidence(lists: Iterable<readonly string[]>): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const id of list) seen.add(id);
  return [...seen];
}

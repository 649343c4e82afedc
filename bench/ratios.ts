/**
 * The median of the per-round ratios `measured[i] / ceiling[i]` (rounds measured side by side): less swayed
 * than the ratio of the bests by one round that a noisy machine slowed or sped up.
 */
export function medianRoundRatio(measured: readonly number[], ceiling: readonly number[]): number {
  const ratios = measured.map((m, i) => m / ceiling[i]!).sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

import type { BlockPoints, Item } from '../evaluation/evaluationTypes.ts';
import type { Score } from '../policy/policySchema.ts';
import { sumPoints, unionEvidence } from './points.ts';
import { type Scoring, scoreRule } from './scoreRule.ts';

/** A member's score under a policy's `score`, with its blocks, items and the flags its rules raised. */
export interface Scored {
  readonly score: number;
  readonly blocks: BlockPoints[];
  readonly items: Item[];
  readonly flags: { readonly code: string; readonly evidence: readonly string[] }[];
}

interface Bounds {
  readonly cap?: number | undefined;
  readonly floor?: number | undefined;
}

/**
 * Bounds a total. Where it passes a cap or a floor, returns an explicit adjustment item (negative for a cap,
 * positive for a floor) citing the items it adjusts, so that the items still add up to the bounded total.
 */
function bound(
  total: number,
  items: readonly Item[],
  bounds: Bounds,
  adjust: Pick<Item, 'block' | 'rule'>,
  fallback: string,
): { points: number; adjustment?: Item } {
  const over = bounds.cap !== undefined && total > bounds.cap;
  const under = bounds.floor !== undefined && total < bounds.floor;
  if (!over && !under) return { points: total };
  const limit = over ? bounds.cap! : bounds.floor!;
  const cited = unionEvidence(
    items.filter((i) => (over ? i.points > 0 : i.points < 0)).map((i) => i.evidence),
  );
  return {
    points: limit,
    adjustment: {
      ...adjust,
      kind: over ? 'cap' : 'floor',
      points: limit - total,
      evidence: cited.length > 0 ? cited : [fallback],
    },
  };
}

/** Bounds the sum of items in place: appends the adjustment item, if any, and returns the bounded sum. */
function boundItems(
  items: Item[],
  bounds: Bounds,
  adjust: Pick<Item, 'block' | 'rule'>,
  fallback: string,
): number {
  const { points, adjustment } = bound(
    sumPoints(items.map((i) => i.points)),
    items,
    bounds,
    adjust,
    fallback,
  );
  if (adjustment) items.push(adjustment);
  return points;
}

const boundsOf = (b: Bounds) => ({
  ...(b.cap === undefined ? {} : { cap: b.cap }),
  ...(b.floor === undefined ? {} : { floor: b.floor }),
});

/**
 * Scores the blocks of a policy: each block's base and rules (each rule within its own bounds), the block
 * within its bounds; the score is the sum of the blocks, and when the score's own bounds bind, an adjustment
 * block `score` holding one adjustment item.
 */
export function scoreBlocks(score: Score, m: Scoring): Scored {
  const blocks: BlockPoints[] = [];
  const items: Item[] = [];
  const flags: Scored['flags'] = [];
  for (const block of score.blocks) {
    const blockItems: Item[] = [];
    if (block.base !== undefined) {
      blockItems.push({
        block: block.id,
        rule: block.id,
        kind: 'base',
        points: block.base,
        evidence: [m.seatEventId],
      });
    }
    for (const rule of block.rules) {
      const outcome = scoreRule(rule, block.id, m);
      boundItems(outcome.items, rule, { block: block.id, rule: rule.id }, m.seatEventId);
      blockItems.push(...outcome.items);
      flags.push(...outcome.flags);
    }
    const points = boundItems(blockItems, block, { block: block.id, rule: block.id }, m.seatEventId);
    blocks.push({ id: block.id, points, ...boundsOf(block) });
    items.push(...blockItems);
  }
  const total = sumPoints(blocks.map((b) => b.points));
  const { points, adjustment } = bound(total, items, score, { block: 'score', rule: 'score' }, m.seatEventId);
  if (adjustment) {
    items.push(adjustment);
    blocks.push({ id: 'score', points: adjustment.points, ...boundsOf(score) });
  }
  return { score: points, blocks, items, flags };
}

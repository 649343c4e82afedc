import {
  type CategoryFigures,
  PROPOSAL_CATEGORIES,
  type ProposalCategory,
  type ProposalFigures,
} from './analysisTypes.ts';
import type { ProposalEntry, RecordIndex } from './recordIndex.ts';
import { inYear, type Scope } from './yearScope.ts';

/** The live proposals of the scope's committees submitted in the year (their current submission date). */
export function proposalsInYear(index: RecordIndex, scope: Scope): ProposalEntry[] {
  return index.proposals.filter((p) => inYear(scope, p.committeeId, p.at));
}

/** Filed (立案) or merged (并案, which counts as filed). */
export const isFiled = (p: ProposalEntry): boolean => p.decision === 'filed' || p.decision === 'merged';

/**
 * The proposal funnel over the proposals submitted in the year: review decisions as currently recorded, and
 * key (重点) and excellent (优秀) marks, whenever made, counted only while the proposal stands filed or merged
 * (the funnel submitted → filed → key → excellent).
 */
export function proposalFigures(proposals: readonly ProposalEntry[]): ProposalFigures {
  const count = (test: (p: ProposalEntry) => boolean) => proposals.filter(test).length;
  const byCategory = Object.fromEntries(
    PROPOSAL_CATEGORIES.map((c) => {
      const mine = proposals.filter((p) => p.category === c);
      return [c, { submitted: mine.length, filed: mine.filter(isFiled).length }];
    }),
  ) as Record<ProposalCategory, CategoryFigures>;
  return {
    submitted: proposals.length,
    filed: count(isFiled),
    merged: count((p) => p.decision === 'merged'),
    notFiled: count((p) => p.decision === 'not-filed'),
    converted: count((p) => p.decision === 'converted'),
    returned: count((p) => p.decision === 'returned'),
    pendingReview: count((p) => p.decision === undefined),
    key: count((p) => isFiled(p) && p.key),
    excellent: count((p) => isFiled(p) && p.awarded),
    instructed: count((p) => p.instructed),
    byCategory,
    collective: count((p) => p.proposerType === 'collective'),
    fromMembers: count((p) => p.proposerType !== 'collective'),
    session: count((p) => p.timing !== 'interim'),
    interim: count((p) => p.timing === 'interim'),
  };
}

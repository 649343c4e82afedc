import type fc from 'fast-check';
import { buildHistory } from './historyBuilder.ts';
import { type HistoryOptions, historyPlanArbitrary } from './historyPlan.ts';
import type { RecordLine } from './recordLine.ts';

/**
 * Valid histories in the record format: one committee and term, members (standing changes, long leaves,
 * endings), meetings with attendances and speeches, proposals through their lifecycle, opinions with
 * adoptions and leader instructions, and other acts; every line is accepted when recorded in order, all at one
 * `meta.recordedAt` after the last act. Corrections need event ids: add them after recording with
 * `amendmentsArbitrary`.
 */
export function historyArbitrary(options: HistoryOptions = {}): fc.Arbitrary<RecordLine[]> {
  return historyPlanArbitrary(options).map(buildHistory);
}

import {
  DEFAULT_TIME_ZONE,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  projectLog,
  streamIds,
} from '@lvzhi/core';
import { type EvaluateOptions, evaluate, instantOf } from './evaluate.ts';
import type { Evaluation } from './evaluationTypes.ts';

/** `evaluate` options for a store, with the instant to read the record as of. */
export interface EvaluateStoreOptions extends EvaluateOptions {
  /**
   * Read the record as it was known at this instant: only events recorded at or before it (epoch ms, ISO
   * instant, or a bare date = the end of that day in the committee's zone). Also the default `now`.
   */
  readonly asOf?: number | string;
}

async function committeeTimeZone(store: EventStore, committeeId: string): Promise<string> {
  for await (const event of store.readStream(streamIds.committee(committeeId))) {
    if (event.type === 'CommitteeRegistered')
      return (event.data as { timeZone?: string }).timeZone ?? DEFAULT_TIME_ZONE;
  }
  return DEFAULT_TIME_ZONE;
}

/**
 * Folds a store's log (as of `asOf`, when given) into the duty record and evaluates it: what the policy said
 * then, from what was recorded then.
 * @example
 * const result = await evaluateStore(store, { policy, committeeId: 'tc', year: 2019, asOf: '2020-01-31' });
 */
export async function evaluateStore(store: EventStore, options: EvaluateStoreOptions): Promise<Evaluation> {
  const { asOf, ...rest } = options;
  const asOfMs =
    asOf === undefined ? undefined : instantOf(asOf, await committeeTimeZone(store, options.committeeId));
  const { states } = await projectLog(
    store,
    [dutyRecordProjection],
    asOfMs === undefined ? {} : { recordedAtOrBefore: asOfMs },
  );
  const state = states.get(dutyRecordProjection.name) as DutyRecordState;
  const evaluation = evaluate(state, {
    ...rest,
    ...(rest.now === undefined && asOfMs !== undefined ? { now: asOfMs } : {}),
  });
  if (asOfMs === undefined) return evaluation;
  const { results, ...head } = evaluation;
  return { ...head, asOf: new Date(asOfMs).toISOString(), results };
}

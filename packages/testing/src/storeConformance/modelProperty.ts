import {
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedVersion,
  findChainBreak,
  type ProposedEvent,
} from '@lvzhi/core';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, withFreshStore } from './eventStoreFactory.ts';
import { drain, idsOf, proposedEvents } from './fixtures.ts';
import { type ModelOutcome, type ModelRequest, StoreModel } from './storeModel.ts';

const STREAMS = ['member-1', 'member-2', 'proposal-1'] as const;

/** How a generated request picks its expected version, resolved against the model when it runs. */
type VersionChoice = 'current' | 'behind' | 'ahead' | 'no-stream' | 'exists' | 'any';

interface RequestSpec {
  readonly streamId: string;
  readonly count: number;
  readonly version: VersionChoice;
}

type Step =
  | { readonly kind: 'append'; readonly request: RequestSpec }
  | { readonly kind: 'appendMany'; readonly requests: readonly RequestSpec[] }
  | { readonly kind: 'retry'; readonly of: number; readonly streamId: string | undefined };

const requestSpec: fc.Arbitrary<RequestSpec> = fc.record({
  streamId: fc.constantFrom(...STREAMS),
  count: fc.integer({ min: 1, max: 3 }),
  version: fc.constantFrom<VersionChoice>(
    'current',
    'current',
    'behind',
    'ahead',
    'no-stream',
    'exists',
    'any',
  ),
});

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: requestSpec.map((request) => ({ kind: 'append' as const, request })) },
  {
    weight: 2,
    arbitrary: fc
      .array(requestSpec, { minLength: 1, maxLength: 3 })
      .map((requests) => ({ kind: 'appendMany' as const, requests })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('retry' as const),
      of: fc.nat(),
      streamId: fc.option(fc.constantFrom(...STREAMS), { nil: undefined, freq: 3 }),
    }),
  },
);

function resolveVersion(choice: VersionChoice, current: number): ExpectedVersion {
  switch (choice) {
    case 'current':
      return current;
    case 'behind':
      return current > 0 ? current - 1 : 1;
    case 'ahead':
      return current + 1;
    default:
      return choice;
  }
}

interface Issued {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expectedVersion: ExpectedVersion;
}

async function run(store: EventStore, requests: readonly Issued[], predicted: ModelOutcome): Promise<void> {
  const outcome = await store.appendMany(requests).then(
    (results) => ({ results }),
    (error: unknown) => ({ error }),
  );
  if (predicted.kind === 'written') {
    expect(outcome).toHaveProperty('results');
    const results = 'results' in outcome ? outcome.results : [];
    expect(results.map((r) => ({ streamId: r.streamId, eventIds: idsOf(r.events) }))).toEqual(
      predicted.results,
    );
  } else if (predicted.kind === 'concurrency') {
    const error = 'error' in outcome ? outcome.error : undefined;
    expect(error).toBeInstanceOf(ConcurrencyError);
    const { streamId, expected, actual } = error as ConcurrencyError;
    expect({ kind: 'concurrency', streamId, expected, actual }).toEqual(predicted);
  } else {
    expect('error' in outcome ? outcome.error : undefined).toBeInstanceOf(DuplicateEventIdError);
  }
}

async function expectStoreEqualsModel(store: EventStore, model: StoreModel): Promise<void> {
  const log = await drain(store.readAll({ batchSize: 4 }));
  expect(idsOf(log)).toEqual(model.log);
  for (let i = 1; i < log.length; i++)
    expect(log[i]!.globalPosition).toBeGreaterThan(log[i - 1]!.globalPosition);
  expect(await store.headPosition()).toBe(log.at(-1)?.globalPosition ?? 0);
  expect(await drain(store.listStreams())).toEqual(
    [...model.streams].map(([streamId, ids]) => ({ streamId, version: ids.length })),
  );
  for (const streamId of STREAMS) {
    const events = await drain(store.readStream(streamId));
    expect(idsOf(events)).toEqual(model.streams.get(streamId) ?? []);
    expect(findChainBreak(events)).toBeUndefined();
    expect(await store.streamVersion(streamId)).toBe(model.version(streamId));
  }
}

/** Any sequence of appends, conflicts and retries leaves the store equal to a simple model. */
export function describeModelProperty(factory: EventStoreFactory, it: ConformanceTest): void {
  describe('Given any sequence of appends over a few streams', () => {
    it('the store equals a model of per-stream lists and one global order, with every chain intact', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) =>
          withFreshStore(factory, async (store) => {
            const model = new StoreModel();
            const issued: Issued[] = [];
            for (const s of steps) {
              let requests: Issued[];
              if (s.kind === 'retry') {
                const original = issued[s.of % Math.max(issued.length, 1)];
                if (!original) continue;
                requests = [{ ...original, streamId: s.streamId ?? original.streamId }];
              } else {
                const specs = s.kind === 'append' ? [s.request] : s.requests;
                const batchHeads = new Map<string, number>();
                requests = specs.map((spec) => {
                  const current = batchHeads.get(spec.streamId) ?? model.version(spec.streamId);
                  batchHeads.set(spec.streamId, current + spec.count);
                  return {
                    streamId: spec.streamId,
                    events: proposedEvents(spec.count),
                    expectedVersion: resolveVersion(spec.version, current),
                  };
                });
              }
              issued.push(...requests);
              const modelRequests: ModelRequest[] = requests.map((r) => ({
                streamId: r.streamId,
                eventIds: idsOf(r.events),
                expectedVersion: r.expectedVersion,
              }));
              await run(store, requests, model.apply(modelRequests));
            }
            await expectStoreEqualsModel(store, model);
          }),
        ),
        { numRuns: 50 },
      );
    });
  });
}

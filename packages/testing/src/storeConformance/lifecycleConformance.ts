import { ConcurrencyError, type EventStore, StoreUnavailableError } from '@lvzhi/core';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import { drain, idsOf, proposedEvents } from './fixtures.ts';

/** Racing appends (exactly one wins) and a closed store (every operation refuses). */
export function describeLifecycleConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  describe('concurrent appends', () => {
    for (const [name, existing, expectedVersion] of [
      ['a new stream', 0, 'no-stream'],
      ['an existing stream', 2, 2],
    ] as const) {
      it(`let exactly one of two appends with the same expected version win on ${name}`, async () => {
        const earlier = proposedEvents(existing);
        if (existing > 0) await store().append('s', earlier);
        const left = proposedEvents(2);
        const right = proposedEvents(2);
        const outcomes = await Promise.allSettled([
          store().append('s', left, { expectedVersion }),
          store().append('s', right, { expectedVersion }),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
        expect((lost[0]!.reason as ConcurrencyError).actual).toBe(existing + 2);
        const winner = outcomes[0]!.status === 'fulfilled' ? left : right;
        expect(idsOf(await drain(store().readStream('s')))).toEqual(idsOf([...earlier, ...winner]));
      });
    }
  });

  describe('close', () => {
    it('makes every operation reject with StoreUnavailableError', async () => {
      const s = store();
      const events = proposedEvents(1);
      await s.append('a', events);
      await s.close();
      const operations: [string, (st: EventStore) => Promise<unknown>][] = [
        ['append', (st) => st.append('a', proposedEvents(1))],
        ['appendMany', (st) => st.appendMany([{ streamId: 'b', events: proposedEvents(1) }])],
        ['readStream', (st) => drain(st.readStream('a'))],
        ['readAll', (st) => drain(st.readAll())],
        ['readEvent', (st) => st.readEvent(events[0]!.eventId)],
        ['streamVersion', (st) => st.streamVersion('a')],
        ['headPosition', (st) => st.headPosition()],
        ['listStreams', (st) => drain(st.listStreams())],
      ];
      for (const [name, run] of operations) {
        const error = await run(s).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, name).toBeInstanceOf(StoreUnavailableError);
      }
    });

    it('can be called twice', async () => {
      await store().close();
      await expect(store().close()).resolves.toBeUndefined();
    });
  });
}

import { chainEvents, EMPTY_HEAD, findChainBreak, GENESIS_HASH } from '@lvzhi/core';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import { drain, proposedEvents } from './fixtures.ts';

/** Stores chain every stream's hashes exactly as `chainEvents` does. */
export function describeHashChainConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  describe('hash chain', () => {
    it('stores each stream as an unbroken chain starting at the genesis hash', async () => {
      await store().append('a', proposedEvents(2));
      await store().append('b', proposedEvents(3));
      await store().appendMany([
        { streamId: 'a', events: proposedEvents(1) },
        { streamId: 'b', events: proposedEvents(2) },
        { streamId: 'a', events: proposedEvents(2) },
      ]);
      for (const streamId of ['a', 'b']) {
        const events = await drain(store().readStream(streamId));
        expect(events).toHaveLength(5);
        expect(findChainBreak(events)).toBeUndefined();
        expect(events[0]!.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
      }
    });

    it('equals the chain computed independently from the proposed events', async () => {
      const first = proposedEvents(2);
      const second = proposedEvents(1);
      const third = proposedEvents(2);
      await store().append('noise', proposedEvents(3));
      await store().append('s', first);
      await store().append('noise', proposedEvents(1));
      await store().append('s', second, { expectedVersion: 2 });
      await store().appendMany([{ streamId: 's', events: third, expectedVersion: 3 }]);

      const expected = chainEvents('s', EMPTY_HEAD, [...first, ...second, ...third]);
      const stored = await drain(store().readStream('s'));
      expect(stored.map(({ globalPosition: _, ...chained }) => chained)).toEqual(expected);
    });
  });
}

import type { RecordedEvent } from '@lvzhi/core';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import { idsOf, proposedEvents, within } from './fixtures.ts';

/** Generous enough for a store that polls, short enough that a hang fails the test rather than the run. */
const LIVE_DEADLINE_MS = 2_000;

/** `subscribe`: catch-up from a checkpoint, then live events, until aborted or closed. */
export function describeSubscribeConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
    const taken: RecordedEvent[] = [];
    while (taken.length < count) {
      const next = await within(iterator.next(), LIVE_DEADLINE_MS, `event ${taken.length + 1} of ${count}`);
      if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
      taken.push(next.value);
    }
    return taken;
  }

  describe('subscribe', () => {
    it('catches up on stored events, delivers later appends, and ends when the signal aborts', async () => {
      const stored = proposedEvents(3);
      await store().append('a', stored.slice(0, 2));
      await store().append('b', stored.slice(2));
      const controller = new AbortController();
      const iterator = store().subscribe({ signal: controller.signal })[Symbol.asyncIterator]();

      const caughtUp = await take(iterator, 3);
      expect(idsOf(caughtUp)).toEqual(idsOf(stored));

      const live = proposedEvents(3);
      const waiting = iterator.next();
      await store().append('a', live.slice(0, 2), { expectedVersion: 2 });
      await store().append('c', live.slice(2));
      const first = await within(waiting, LIVE_DEADLINE_MS, 'the first live event');
      expect(first.done).toBe(false);
      const rest = await take(iterator, 2);
      expect(idsOf([first.value as RecordedEvent, ...rest])).toEqual(idsOf(live));

      const ending = iterator.next();
      controller.abort();
      expect(await within(ending, LIVE_DEADLINE_MS, 'the subscription to end after abort')).toEqual({
        done: true,
        value: undefined,
      });
    });

    it('starts strictly after the given checkpoint', async () => {
      const result = await store().append('a', proposedEvents(4));
      const controller = new AbortController();
      const iterator = store()
        .subscribe({ after: result.events[1]!.globalPosition, signal: controller.signal })
        [Symbol.asyncIterator]();
      expect(await take(iterator, 2)).toEqual(result.events.slice(2));
      const ending = iterator.next();
      controller.abort();
      expect((await within(ending, LIVE_DEADLINE_MS, 'the end')).done).toBe(true);
    });

    it('ends when the signal aborts while the consumer holds an event', async () => {
      await store().append('a', proposedEvents(2));
      const controller = new AbortController();
      const iterator = store().subscribe({ signal: controller.signal })[Symbol.asyncIterator]();
      await take(iterator, 2);
      controller.abort();
      expect((await within(iterator.next(), LIVE_DEADLINE_MS, 'the end after abort')).done).toBe(true);
    });

    it('yields nothing when the signal is already aborted', async () => {
      await store().append('a', proposedEvents(2));
      const controller = new AbortController();
      controller.abort();
      const iterator = store().subscribe({ signal: controller.signal })[Symbol.asyncIterator]();
      expect((await within(iterator.next(), LIVE_DEADLINE_MS, 'the end')).done).toBe(true);
    });

    it('ends when the store is closed while it waits', async () => {
      const iterator = store().subscribe({ pollIntervalMs: 10 })[Symbol.asyncIterator]();
      const waiting = iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await store().close();
      expect((await within(waiting, LIVE_DEADLINE_MS, 'the end after close')).done).toBe(true);
    });
  });
}

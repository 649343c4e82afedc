import { DuplicateEventIdError } from '@lvzhi/core';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import { drain, idsOf, proposedEvent, proposedEvents, snapshotOf } from './fixtures.ts';

/** Retried appends are no-ops that return the stored events; any other reuse of an event id is refused. */
export function describeIdempotencyConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  describe('idempotent retry', () => {
    it('returns the stored events and writes no duplicates, even with a stale expectedVersion', async () => {
      const events = proposedEvents(2);
      const first = await store().append('s', events, { expectedVersion: 'no-stream' });
      const before = await snapshotOf(store());
      const retry = await store().append('s', events, { expectedVersion: 'no-stream' });
      expect(retry.events).toEqual(first.events);
      expect(retry.streamId).toBe('s');
      expect(retry.nextExpectedVersion).toBe(2);
      expect(await snapshotOf(store())).toEqual(before);
    });

    it('is a no-op after the stream has moved on', async () => {
      const events = proposedEvents(2);
      const first = await store().append('s', events, { expectedVersion: 0 });
      await store().append('s', proposedEvents(1), { expectedVersion: 2 });
      const before = await snapshotOf(store());
      const retry = await store().append('s', events, { expectedVersion: 0 });
      expect(retry.events).toEqual(first.events);
      expect(await snapshotOf(store())).toEqual(before);
      expect(await store().streamVersion('s')).toBe(3);
    });

    it('is a no-op inside appendMany while the other requests are written', async () => {
      const a = proposedEvents(2);
      const first = await store().append('a', a);
      const b = proposedEvents(1);
      const results = await store().appendMany([
        { streamId: 'a', events: a, expectedVersion: 'no-stream' },
        { streamId: 'b', events: b, expectedVersion: 'no-stream' },
      ]);
      expect(results[0]!.events).toEqual(first.events);
      expect(idsOf(results[1]!.events)).toEqual(idsOf(b));
      expect(idsOf(await drain(store().readAll()))).toEqual(idsOf([...a, ...b]));
    });
  });

  describe('reused event ids', () => {
    it('refuses an id already recorded in another stream and writes nothing', async () => {
      const events = proposedEvents(1);
      await store().append('a', events);
      const before = await snapshotOf(store());
      const error = await store()
        .append('b', events)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect((error as DuplicateEventIdError).eventId).toBe(events[0]!.eventId);
      expect(await snapshotOf(store())).toEqual(before);
      expect(await store().streamVersion('b')).toBe(0);
    });

    it('refuses an append that mixes a recorded id with new ones, and writes nothing', async () => {
      const stored = proposedEvents(2);
      await store().append('a', stored);
      const fresh = proposedEvent();
      const before = await snapshotOf(store());
      await expect(store().append('a', [stored[1]!, fresh])).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await snapshotOf(store())).toEqual(before);
      expect(await store().readEvent(fresh.eventId)).toBeUndefined();
    });

    it('refuses recorded ids proposed in a different order', async () => {
      const stored = proposedEvents(2);
      await store().append('a', stored);
      const before = await snapshotOf(store());
      await expect(store().append('a', [stored[1]!, stored[0]!])).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await snapshotOf(store())).toEqual(before);
    });

    it('refuses one id proposed twice in the same append', async () => {
      const e = proposedEvent();
      await expect(store().append('a', [e, { ...e }])).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await snapshotOf(store())).toEqual({ log: [], head: 0, streams: [] });
    });

    it('refuses one id proposed in two requests of the same appendMany, writing nothing', async () => {
      const e = proposedEvent();
      await expect(
        store().appendMany([
          { streamId: 'a', events: [e] },
          { streamId: 'b', events: [e] },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await snapshotOf(store())).toEqual({ log: [], head: 0, streams: [] });
    });

    it('makes the whole appendMany fail when one request reuses a recorded id', async () => {
      const stored = proposedEvents(1);
      await store().append('a', stored);
      const before = await snapshotOf(store());
      const fresh = proposedEvents(1);
      await expect(
        store().appendMany([
          { streamId: 'c', events: fresh },
          { streamId: 'b', events: stored },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await snapshotOf(store())).toEqual(before);
      expect(await store().readEvent(fresh[0]!.eventId)).toBeUndefined();
    });
  });
}

import type { RecordedEvent } from '@lvzhi/core';
import { beforeEach, describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import { drain, idsOf, proposedEvents } from './fixtures.ts';

/** `readStream`, `readAll`, `readEvent`, `listStreams` and `headPosition` over a small fixed log. */
export function describeReadConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  describe('reading an empty store', () => {
    it('yields nothing and reports version and head position 0', async () => {
      expect(await drain(store().readAll())).toEqual([]);
      expect(await drain(store().readAll({ batchSize: 1 }))).toEqual([]);
      expect(await drain(store().readStream('missing'))).toEqual([]);
      expect(await drain(store().readStream('missing', { direction: 'backward' }))).toEqual([]);
      expect(await store().streamVersion('missing')).toBe(0);
      expect(await store().headPosition()).toBe(0);
      expect(await drain(store().listStreams())).toEqual([]);
    });
  });

  describe('reading a log of three streams', () => {
    // Log order: a1 a2 b1 a3 c1 b2 a4 a5 (8 events).
    let log: RecordedEvent[] = [];
    let streamA: string[] = [];
    beforeEach(async () => {
      const a = proposedEvents(5);
      const b = proposedEvents(2);
      await store().append('a', a.slice(0, 2));
      await store().append('b', b.slice(0, 1));
      await store().append('a', a.slice(2, 3));
      await store().append('c', proposedEvents(1));
      await store().append('b', b.slice(1));
      await store().append('a', a.slice(3));
      log = await drain(store().readAll());
      streamA = idsOf(a);
    });

    it('readStream reads forward from the start by default', async () => {
      const events = await drain(store().readStream('a'));
      expect(idsOf(events)).toEqual(streamA);
      expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    });

    it('readStream honours from and limit going forward', async () => {
      const versions = async (options: Parameters<ReturnType<typeof store>['readStream']>[1]) =>
        (await drain(store().readStream('a', options))).map((e) => e.streamVersion);
      expect(await versions({ from: 3 })).toEqual([3, 4, 5]);
      expect(await versions({ limit: 2 })).toEqual([1, 2]);
      expect(await versions({ from: 2, limit: 2 })).toEqual([2, 3]);
      expect(await versions({ from: 5, limit: 10 })).toEqual([5]);
      expect(await versions({ from: 6 })).toEqual([]);
    });

    it('readStream reads backward from the end, or from a version, with a limit', async () => {
      const versions = async (options: Parameters<ReturnType<typeof store>['readStream']>[1]) =>
        (await drain(store().readStream('a', options))).map((e) => e.streamVersion);
      expect(await versions({ direction: 'backward' })).toEqual([5, 4, 3, 2, 1]);
      expect(await versions({ direction: 'backward', from: 3 })).toEqual([3, 2, 1]);
      expect(await versions({ direction: 'backward', from: 4, limit: 2 })).toEqual([4, 3]);
      expect(await versions({ direction: 'backward', limit: 1 })).toEqual([5]);
    });

    it('readStream of a missing stream yields nothing, with version 0', async () => {
      expect(await drain(store().readStream('missing'))).toEqual([]);
      expect(await store().streamVersion('missing')).toBe(0);
      expect(await store().streamVersion('a')).toBe(5);
    });

    it('readAll yields every event once, in strictly increasing global order', async () => {
      expect(log).toHaveLength(8);
      expect(log.map((e) => `${e.streamId}${e.streamVersion}`)).toEqual([
        'a1',
        'a2',
        'b1',
        'a3',
        'c1',
        'b2',
        'a4',
        'a5',
      ]);
      for (let i = 1; i < log.length; i++)
        expect(log[i]!.globalPosition).toBeGreaterThan(log[i - 1]!.globalPosition);
    });

    it('readAll starts strictly after a checkpoint and stops at `to` inclusive', async () => {
      const p = log.map((e) => e.globalPosition);
      expect(await drain(store().readAll({ after: p[2]! }))).toEqual(log.slice(3));
      expect(await drain(store().readAll({ to: p[3]! }))).toEqual(log.slice(0, 4));
      expect(await drain(store().readAll({ after: p[1]!, to: p[5]! }))).toEqual(log.slice(2, 6));
      expect(await drain(store().readAll({ after: p[7]! }))).toEqual([]);
      expect(await drain(store().readAll({ after: p[4]!, to: p[4]! }))).toEqual([]);
    });

    it('readAll returns the same events in the same order with a batch size smaller than the log', async () => {
      const p = log.map((e) => e.globalPosition);
      for (const batchSize of [1, 3, 7]) {
        expect(await drain(store().readAll({ batchSize }))).toEqual(log);
        expect(await drain(store().readAll({ batchSize, after: p[0]!, to: p[6]! }))).toEqual(log.slice(1, 7));
      }
    });

    it('readEvent finds a recorded event by id and misses an unknown one', async () => {
      for (const e of [log[0]!, log[4]!, log[7]!]) expect(await store().readEvent(e.eventId)).toEqual(e);
      expect(await store().readEvent(proposedEvents(1)[0]!.eventId)).toBeUndefined();
    });

    it('listStreams lists each stream once, in order of first appearance, with its version', async () => {
      expect(await drain(store().listStreams())).toEqual([
        { streamId: 'a', version: 5 },
        { streamId: 'b', version: 2 },
        { streamId: 'c', version: 1 },
      ]);
    });

    it('headPosition is the global position of the last event', async () => {
      expect(await store().headPosition()).toBe(log.at(-1)!.globalPosition);
      const next = await store().append('d', proposedEvents(1));
      expect(await store().headPosition()).toBe(next.events[0]!.globalPosition);
      expect(next.events[0]!.globalPosition).toBeGreaterThan(log.at(-1)!.globalPosition);
    });
  });
}

import type { ExpectedVersion, RecordedEvent } from '@lvzhi/core';
import { describe, expect } from 'vitest';
import type { ConformanceTest } from './conformanceTest.ts';
import { type EventStoreFactory, useFreshStore } from './eventStoreFactory.ts';
import {
  asProposed,
  drain,
  expectConcurrencyError,
  idsOf,
  proposedEvent,
  proposedEvents,
  snapshotOf,
} from './fixtures.ts';
import { RecordedEventShape } from './recordedEventShape.ts';

/** Append round trips, every `expectedVersion` form, and all-or-nothing `appendMany`. */
export function describeAppendConformance(factory: EventStoreFactory, it: ConformanceTest): void {
  const store = useFreshStore(factory);

  describe('append', () => {
    it('stores events with 1-based stream versions and strictly increasing global positions', async () => {
      const a1 = proposedEvents(2);
      const b1 = proposedEvents(1);
      const a2 = proposedEvents(2);
      const r1 = await store().append('member-a', a1, { expectedVersion: 'no-stream' });
      const r2 = await store().append('member-b', b1, { expectedVersion: 'no-stream' });
      const r3 = await store().append('member-a', a2, { expectedVersion: 2 });

      expect(r1.streamId).toBe('member-a');
      expect(r1.events.map((e) => e.streamVersion)).toEqual([1, 2]);
      expect(r1.nextExpectedVersion).toBe(2);
      expect(r2.events.map((e) => e.streamVersion)).toEqual([1]);
      expect(r3.events.map((e) => e.streamVersion)).toEqual([3, 4]);
      expect(r3.nextExpectedVersion).toBe(4);

      const returned = [...r1.events, ...r2.events, ...r3.events];
      const all = await drain(store().readAll());
      expect(all).toEqual(returned);
      expect(idsOf(all)).toEqual(idsOf([...a1, ...b1, ...a2]));
      for (let i = 1; i < all.length; i++) {
        expect(all[i]!.globalPosition).toBeGreaterThan(all[i - 1]!.globalPosition);
      }
      for (const e of all) expect(RecordedEventShape.safeParse(e).error).toBeUndefined();
    });

    it('returns data and metadata exactly as proposed', async () => {
      const events = [
        proposedEvent(),
        proposedEvent({
          type: 'ProposalFiled',
          schemaVersion: 3,
          data: {
            title: '关于加强基层医疗的提案',
            tags: ['医疗', 'health'],
            amounts: [0.1, 1e21, -7],
            empty: {},
          },
          metadata: { recordedAt: '2025-03-06T01:02:03.004Z', recordedBy: 'secretariat', causationId: 'c-1' },
        }),
      ];
      await store().append('proposal-1', events);
      const read = await drain(store().readStream('proposal-1'));
      expect(read.map(asProposed)).toEqual(events.map(asProposed));
      expect(read.every((e) => e.streamId === 'proposal-1')).toBe(true);
      expect(await store().readEvent(events[1]!.eventId)).toEqual(read[1]);
    });

    it('treats an omitted expectedVersion as any', async () => {
      await store().append('s', proposedEvents(1));
      const second = await store().append('s', proposedEvents(1));
      expect(second.nextExpectedVersion).toBe(2);
      expect(await store().streamVersion('s')).toBe(2);
    });
  });

  describe('expectedVersion', () => {
    const accepted: { name: string; existing: number; expected: ExpectedVersion }[] = [
      { name: '0 on an empty stream', existing: 0, expected: 0 },
      { name: 'the exact version', existing: 2, expected: 2 },
      { name: "'no-stream' on an empty stream", existing: 0, expected: 'no-stream' },
      { name: "'exists' on a stream with events", existing: 2, expected: 'exists' },
      { name: "'any' on an empty stream", existing: 0, expected: 'any' },
      { name: "'any' on a stream with events", existing: 2, expected: 'any' },
    ];
    for (const c of accepted) {
      it(`accepts ${c.name}`, async () => {
        if (c.existing > 0) await store().append('s', proposedEvents(c.existing));
        const events = proposedEvents(2);
        const result = await store().append('s', events, { expectedVersion: c.expected });
        expect(result.nextExpectedVersion).toBe(c.existing + 2);
        expect(idsOf(await drain(store().readStream('s', { from: c.existing + 1 })))).toEqual(idsOf(events));
      });
    }

    const rejected: { name: string; existing: number; expected: ExpectedVersion }[] = [
      { name: 'a version behind the stream', existing: 2, expected: 1 },
      { name: 'a version ahead of the stream', existing: 2, expected: 3 },
      { name: 'a positive version on an empty stream', existing: 0, expected: 1 },
      { name: '0 on a stream with events', existing: 2, expected: 0 },
      { name: "'no-stream' on a stream with events", existing: 2, expected: 'no-stream' },
      { name: "'exists' on an empty stream", existing: 0, expected: 'exists' },
    ];
    for (const c of rejected) {
      it(`rejects ${c.name} with a ConcurrencyError and writes nothing`, async () => {
        await store().append('other', proposedEvents(1));
        if (c.existing > 0) await store().append('s', proposedEvents(c.existing));
        const before = await snapshotOf(store());
        const events = proposedEvents(2);
        await expectConcurrencyError(store().append('s', events, { expectedVersion: c.expected }), {
          streamId: 's',
          expected: c.expected,
          actual: c.existing,
        });
        expect(await snapshotOf(store())).toEqual(before);
        expect(await store().streamVersion('s')).toBe(c.existing);
        expect(await store().readEvent(events[0]!.eventId)).toBeUndefined();
      });
    }
  });

  describe('appendMany', () => {
    it('appends to several streams in request order, chaining a stream named twice', async () => {
      await store().append('b', proposedEvents(1));
      const a1 = proposedEvents(2);
      const b2 = proposedEvents(1);
      const a3 = proposedEvents(1);
      const results = await store().appendMany([
        { streamId: 'a', events: a1, expectedVersion: 'no-stream' },
        { streamId: 'b', events: b2, expectedVersion: 1 },
        { streamId: 'a', events: a3, expectedVersion: 2 },
      ]);
      expect(results.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([
        ['a', 2],
        ['b', 2],
        ['a', 3],
      ]);
      const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(idsOf(await drain(store().readStream('a')))).toEqual(idsOf([...a1, ...a3]));
      expect(await store().streamVersion('b')).toBe(2);
      const stored: RecordedEvent[] = results.flatMap((r) => [...r.events]);
      expect(
        await drain(store().readAll({ after: (await drain(store().readStream('b')))[0]!.globalPosition })),
      ).toEqual(stored);
    });

    it('writes nothing when a later request conflicts', async () => {
      await store().append('b', proposedEvents(1));
      const before = await snapshotOf(store());
      const a = proposedEvents(2);
      const c = proposedEvents(1);
      await expectConcurrencyError(
        store().appendMany([
          { streamId: 'a', events: a, expectedVersion: 'no-stream' },
          { streamId: 'c', events: c, expectedVersion: 'any' },
          { streamId: 'b', events: proposedEvents(1), expectedVersion: 'no-stream' },
        ]),
        { streamId: 'b', expected: 'no-stream', actual: 1 },
      );
      expect(await snapshotOf(store())).toEqual(before);
      expect(await store().streamVersion('a')).toBe(0);
      expect(await store().readEvent(c[0]!.eventId)).toBeUndefined();
    });

    it('checks a stream named twice against the version the batch itself reaches', async () => {
      const before = await snapshotOf(store());
      await expectConcurrencyError(
        store().appendMany([
          { streamId: 'a', events: proposedEvents(2), expectedVersion: 'no-stream' },
          { streamId: 'a', events: proposedEvents(1), expectedVersion: 'no-stream' },
        ]),
        { streamId: 'a', expected: 'no-stream', actual: 2 },
      );
      expect(await snapshotOf(store())).toEqual(before);
    });

    it('returns no results for no requests', async () => {
      expect(await store().appendMany([])).toEqual([]);
      expect(await store().headPosition()).toBe(0);
    });
  });
}

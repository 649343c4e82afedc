import {
  CorruptEventError,
  type FoldedEvent,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { usePostgres } from './testFixtures/usePostgres.ts';

const postgres = usePostgres();

function proposed(n: number): ProposedEvent {
  return {
    eventId: newEventId(),
    type: n % 2 === 0 ? 'AttendanceRecorded' : 'SpeechRecorded',
    schemaVersion: 1 + (n % 3),
    data: { n, text: `第 ${n} 条`, nested: { ok: n % 5 === 0 } },
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'pages-test', source: `line ${n}` },
  };
}

/** What a fold that never reads metadata sees of an event. */
function lean(e: FoldedEvent) {
  return {
    globalPosition: e.globalPosition,
    eventId: e.eventId,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
  };
}

/** What a fold sees of an event. */
function folded(e: FoldedEvent) {
  return { ...lean(e), metadata: e.metadata };
}

async function drainPages(pages: AsyncIterable<readonly FoldedEvent[]>) {
  const sizes: number[] = [];
  const events: ReturnType<typeof folded>[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    events.push(...page.map(folded));
  }
  return { sizes, events };
}

async function drain(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const items: RecordedEvent[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('PostgreSQL readPages (lean pages for folds)', () => {
  it('gives the same events as readAll, in pages of batchSize, for any after and to', async () => {
    const { store, cleanup } = await postgres.openStore();
    try {
      for (let i = 0; i < 23; i++) await store.append(`member-${i % 4}`, [proposed(i), proposed(100 + i)]);
      const all = await drain(store.readAll());
      expect(all).toHaveLength(46);
      for (const batchSize of [1, 5, 46, 2_000]) {
        for (const [after, to] of [
          [0, undefined],
          [7, undefined],
          [0, 30],
          [12, 12],
          [45, 46],
          [46, undefined],
        ] as const) {
          const expected = all
            .filter((e) => e.globalPosition > after && (to === undefined || e.globalPosition <= to))
            .map(folded);
          const { sizes, events } = await drainPages(
            store.readPages({ after, batchSize, ...(to === undefined ? {} : { to }) }),
          );
          expect(events).toEqual(expected);
          expect(sizes.every((s) => s > 0 && s <= batchSize)).toBe(true);
        }
      }
      // An early stop leaves nothing running: the store closes cleanly.
      for await (const page of store.readPages({ batchSize: 3 })) {
        expect(page).toHaveLength(3);
        break;
      }
      await expect(drainPages(store.readPages({ batchSize: 0 }))).rejects.toThrow(RangeError);
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('gives keyset pages equal to readAll where positions have gaps (pages requested ahead are dropped)', async () => {
    const { store, cleanup } = await postgres.openStore();
    try {
      for (let i = 0; i < 30; i++) {
        await store.append(`member-${i % 4}`, [proposed(i)]);
        // A refused append leaves the positions it took unused: gaps of 2 and 3 here and there.
        if (i % 7 === 3) {
          const refused = await store
            .append(
              `member-${i % 4}`,
              [proposed(200 + i), proposed(300 + i), ...(i % 2 ? [proposed(i)] : [])],
              {
                expectedVersion: 'no-stream',
              },
            )
            .catch((e: unknown) => e);
          expect(refused).toBeInstanceOf(Error);
        }
      }
      const all = await drain(store.readAll());
      expect(all).toHaveLength(30);
      expect(all.at(-1)!.globalPosition).toBeGreaterThan(30);
      for (const batchSize of [1, 2, 3, 4, 7, 30]) {
        for (const withoutMetadata of [false, true]) {
          const pages: number[][] = [];
          for await (const page of store.readPages({ batchSize, withoutMetadata })) {
            pages.push(page.map((e) => e.globalPosition));
          }
          const expected: number[][] = [];
          for (let i = 0; i < all.length; i += batchSize) {
            expected.push(all.slice(i, i + batchSize).map((e) => e.globalPosition));
          }
          expect(pages).toEqual(expected);
        }
      }
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('withoutMetadata: the same events across page boundaries, and reading metadata throws', async () => {
    const { store, cleanup } = await postgres.openStore();
    try {
      for (let i = 0; i < 7; i++) await store.append(`member-${i % 3}`, [proposed(i), proposed(50 + i)]);
      const all = await drain(store.readAll());
      for (const batchSize of [1, 3, 14, 100]) {
        const pages: FoldedEvent[][] = [];
        for await (const page of store.readPages({ batchSize, withoutMetadata: true })) pages.push([...page]);
        const events = pages.flat();
        expect(pages.every((p) => p.length > 0 && p.length <= batchSize)).toBe(true);
        expect(events.map(lean)).toEqual(all.map(lean));
        for (const e of events) expect(() => e.metadata).toThrow(/withoutMetadata/);
        // With metadata, the same pages carry it, decoded when read.
        const withMetadata = await drainPages(store.readPages({ batchSize }));
        expect(withMetadata.events).toEqual(all.map(folded));
      }
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('data comes back exactly as appended: numbers, unicode, nesting, odd keys, across pages', async () => {
    const { store, cleanup } = await postgres.openStore();
    const values: unknown[] = [
      { big: 9007199254740991, neg: -9007199254740991, tiny: 5e-324, huge: 1.7976931348623157e308 },
      { exp: 1e21, frac: 0.1 + 0.2, third: 1 / 3, zero: 0, negFrac: -0.000001, int: 12345678901234 },
      { text: '政协重庆市委员会 — 第五届 📜 e\u0301 \u0000 nul "quoted" back\\slash \n\t', emoji: '👩‍👩‍👧' },
      { nested: { a: [1, [2, [3, { deep: [null, true, false, '', {}] }]]], b: { c: { d: { e: 'f' } } } } },
      { z: 1, a: 2, m: { y: [3, 2, 1], b: null }, '': 'empty key', ключ: 'значение', __proto__x: 1 },
      [1, 'two', { three: 3 }, [4], null, true],
      'a bare string with 中文',
      42.5,
      null,
      { lone: '\ud800 and \udfff', ctrl: '\u0001\u001f\u007f', line: '\u2028\u2029' },
    ];
    try {
      const events = values.map(
        (data, i): ProposedEvent => ({ ...proposed(i), data: JSON.parse(JSON.stringify(data)) as unknown }),
      );
      for (let i = 0; i < events.length; i += 3) await store.append('member-x', events.slice(i, i + 3));
      const all = await drain(store.readAll());
      const expected = values.map((v) => JSON.parse(JSON.stringify(v)) as unknown);
      expect(all.map((e) => e.data)).toEqual(expected);
      for (const withoutMetadata of [false, true]) {
        for (const batchSize of [1, 2, 4, 1_000]) {
          const data: unknown[] = [];
          for await (const page of store.readPages({ batchSize, withoutMetadata })) {
            for (const e of page) data.push(e.data);
          }
          expect(data).toEqual(expected);
          // Exactly: the same JSON text (so no number or key was changed on the way).
          expect(data.map((d) => JSON.stringify(d))).toEqual(all.map((e) => JSON.stringify(e.data)));
        }
      }
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('stops below a transaction still in flight, like readAll (and reads past it without the guard)', async () => {
    const schema = postgres.freshSchema();
    let reach: () => void = () => {};
    let open: () => void = () => {};
    const reached = new Promise<void>((resolve) => {
      reach = resolve;
    });
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow = await postgres.openStore({
      schema,
      hooks: {
        beforeCommit: async () => {
          reach();
          await opened;
        },
      },
    });
    const fast = await postgres.openStore({ schema });
    const guarded = await postgres.openStore({ schema });
    const unguarded = await postgres.openStore({ schema, unsafeNoGapGuard: true });
    try {
      const pendingA = slow.store.append('member-a', [proposed(1)]);
      await reached;
      const committedB = await fast.store.append('member-b', [proposed(2)]);
      const [eventB] = committedB.events;
      const ids = async (store: typeof guarded.store, withoutMetadata: boolean) => {
        const ids: string[] = [];
        for await (const page of store.readPages({ withoutMetadata, batchSize: 1 })) {
          ids.push(...page.map((e) => e.eventId));
        }
        return ids;
      };
      for (const withoutMetadata of [false, true]) {
        expect(await ids(guarded.store, withoutMetadata)).toEqual([]);
        expect(await ids(unguarded.store, withoutMetadata)).toEqual([eventB!.eventId]);
      }
      open();
      const [eventA] = (await pendingA).events;
      expect(eventA!.globalPosition).toBeLessThan(eventB!.globalPosition);
      for (const withoutMetadata of [false, true]) {
        expect(await ids(guarded.store, withoutMetadata)).toEqual([eventA!.eventId, eventB!.eventId]);
      }
    } finally {
      open();
      await Promise.all([
        slow.store.close(),
        fast.store.close(),
        guarded.store.close(),
        unguarded.store.close(),
      ]);
      await slow.cleanup();
    }
  });

  it('a row whose data is not JSON is a CorruptEventError naming its position', async () => {
    const { store, schema, cleanup } = await postgres.openStore();
    try {
      await store.append('member-1', [proposed(1), proposed(2), proposed(3)]);
      await postgres.sql(`UPDATE "${schema}".events SET data = '{not json' WHERE global_position = 2`);
      for (const withoutMetadata of [false, true]) {
        const error = await drainPages(store.readPages({ withoutMetadata })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CorruptEventError);
        expect((error as CorruptEventError).position).toBe(2);
      }
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('metadata that does not decode is a CorruptEventError when read, and is never read withoutMetadata', async () => {
    const { store, schema, cleanup } = await postgres.openStore();
    try {
      await store.append('member-1', [proposed(1), proposed(2)]);
      await postgres.sql(`UPDATE "${schema}".events SET metadata = '[1' WHERE global_position = 2`);
      const positions: number[] = [];
      for await (const page of store.readPages({ withoutMetadata: true })) {
        positions.push(...page.map((e) => e.globalPosition));
      }
      expect(positions).toEqual([1, 2]);
      const pages: FoldedEvent[] = [];
      for await (const page of store.readPages()) pages.push(...page);
      expect(pages.map((e) => e.globalPosition)).toEqual([1, 2]);
      expect(pages[0]!.metadata.recordedBy).toBe('pages-test');
      const error = (() => {
        try {
          return pages[1]!.metadata;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CorruptEventError);
      expect((error as CorruptEventError).position).toBe(2);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

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

/** What a fold sees of an event. */
function folded(e: FoldedEvent) {
  return {
    globalPosition: e.globalPosition,
    eventId: e.eventId,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
  };
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
      expect((await drainPages(guarded.store.readPages())).events).toEqual([]);
      expect((await drainPages(unguarded.store.readPages())).events.map((e) => e.eventId)).toEqual([
        eventB!.eventId,
      ]);
      open();
      const [eventA] = (await pendingA).events;
      expect(eventA!.globalPosition).toBeLessThan(eventB!.globalPosition);
      expect((await drainPages(guarded.store.readPages())).events.map((e) => e.eventId)).toEqual([
        eventA!.eventId,
        eventB!.eventId,
      ]);
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
      const error = await drainPages(store.readPages()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptEventError);
      expect((error as CorruptEventError).position).toBe(2);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

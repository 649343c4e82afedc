import {
  canonicalJson,
  DuplicateEventIdError,
  findChainBreak,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresEventStore } from './postgresEventStore.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { usePostgres } from './testFixtures/usePostgres.ts';

const postgres = usePostgres();

function proposed(data: unknown = { n: 1 }): ProposedEvent {
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data,
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
  };
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function withStore<T>(use: (store: PostgresEventStore, schema: string) => Promise<T>): Promise<T> {
  const { store, schema, cleanup } = await postgres.openStore();
  try {
    return await use(store, schema);
  } finally {
    await store.close();
    await cleanup();
  }
}

describe('Given data that jsonb would alter', () => {
  it('stores data and metadata as the canonical JSON text that was hashed, so values, NUL and hashes survive', async () => {
    await withStore(async (store, schema) => {
      const data = { z: 1, a: 'nul:\u0000', m: { y: [3, 1e21, -0.5], b: null }, '': '空' };
      const [event] = (await store.append('member-1', [proposed(data)])).events;
      const [read] = await drain(store.readStream('member-1'));
      // Keys come back in canonical order (as from SQLite), not jsonb's; values are the same.
      expect(Object.keys(read!.data as object)).toEqual(['', 'a', 'm', 'z']);
      expect(read!.data).toEqual(data);
      expect(canonicalJson(read!.data)).toBe(canonicalJson(data));
      expect(read).toEqual(event);
      expect(findChainBreak([read!])).toBeUndefined();
      const [row] = await postgres.sql<{ data: string; metadata: string }>(
        `SELECT data, metadata FROM "${schema}".events`,
      );
      expect(row!.data).toBe(canonicalJson(data));
      expect(row!.metadata).toBe(canonicalJson(event!.metadata));
    });
  });
});

describe('Given several store instances on one schema (as several processes)', () => {
  it('opening them all at once applies each migration exactly once', async () => {
    const schema = postgres.freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 6 }, () => PostgresEventStore.connect(postgres.url(), { schema })),
    );
    try {
      const rows = await postgres.sql<{ version: number }>(
        `SELECT version FROM "${schema}".event_store_migrations ORDER BY version`,
      );
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      await Promise.all(stores.map((s, i) => s.append(`member-${i}`, [proposed()])));
      expect(await drain(stores[0]!.listStreams())).toHaveLength(6);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('a subscription is woken by NOTIFY when another instance appends, without waiting for its poll', async () => {
    const schema = postgres.freshSchema();
    const follower = await PostgresEventStore.connect(`${postgres.url()}?schema=${schema}`);
    const writer = await PostgresEventStore.connect(postgres.url(), { schema });
    const controller = new AbortController();
    try {
      expect(follower.schema).toBe(schema);
      const iterator = follower
        .subscribe({ signal: controller.signal, pollIntervalMs: 60_000 })
        [Symbol.asyncIterator]();
      const next = iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const appended = await writer.append('member-1', [proposed()]);
      expect((await next).value).toEqual(appended.events[0]);
      expect(Date.now() - started).toBeLessThan(2_000);
      controller.abort();
      expect((await iterator.next()).done).toBe(true);
    } finally {
      await follower.close();
      await writer.close();
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('concurrent appendMany calls over the same streams in different orders all commit, chains intact', async () => {
    const schema = postgres.freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.connect(postgres.url(), { schema })),
    );
    try {
      const streams = ['member-1', 'member-2', 'member-3', 'member-4'];
      await Promise.all(
        stores.flatMap((store, s) =>
          Array.from({ length: 10 }, (_, r) => {
            const order = s % 2 === 0 ? streams : [...streams].reverse();
            return store.appendMany(order.map((streamId) => ({ streamId, events: [proposed({ s, r })] })));
          }),
        ),
      );
      for (const streamId of streams) {
        const events = await drain(stores[0]!.readStream(streamId));
        expect(events).toHaveLength(40);
        expect(findChainBreak(events)).toBeUndefined();
      }
      const all: RecordedEvent[] = await drain(stores[0]!.readAll());
      expect(all).toHaveLength(160);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('one event id appended to two streams at once is recorded once; the other call fails and writes nothing', async () => {
    const schema = postgres.freshSchema();
    const [a, b] = await Promise.all([
      PostgresEventStore.connect(postgres.url(), { schema }),
      PostgresEventStore.connect(postgres.url(), { schema }),
    ]);
    try {
      for (let round = 0; round < 10; round++) {
        const shared = proposed({ round });
        const outcomes = await Promise.allSettled([
          a!.appendMany([
            { streamId: `x-${round}`, events: [proposed()] },
            { streamId: `a-${round}`, events: [shared] },
          ]),
          b!.appendMany([
            { streamId: `y-${round}`, events: [proposed()] },
            { streamId: `b-${round}`, events: [shared] },
          ]),
        ]);
        const failed = outcomes.filter((o) => o.status === 'rejected');
        expect(failed).toHaveLength(1);
        expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
      }
      const streams = await drain(a!.listStreams());
      expect(streams).toHaveLength(20);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });
});

describe('Given one appendMany larger than one INSERT statement', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => proposed({ i }));

  it('writes every event in request order, with intact chains', async () => {
    await withStore(async (store) => {
      const requests = Array.from({ length: 700 }, (_, i) => ({
        streamId: `member-${i % 90}`,
        events: [proposed()],
      }));
      const results = await store.appendMany(requests);
      const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      const all = await drain(store.readAll());
      expect(all).toEqual(results.flatMap((r) => r.events));
      for (let s = 0; s < 90; s++)
        expect(findChainBreak(await drain(store.readStream(`member-${s}`)))).toBeUndefined();
    });
  });

  it('a retry with a stale expected version late in the batch is a no-op while the rest is written', async () => {
    await withStore(async (store) => {
      const earlier = await store.append('member-1', many(3), { expectedVersion: 'no-stream' });
      await store.append('member-1', many(1));
      const fresh = many(600);
      const results = await store.appendMany([
        { streamId: 'member-2', events: fresh },
        {
          streamId: 'member-1',
          events: earlier.events.map(({ eventId, type, schemaVersion, data, metadata }) => ({
            eventId,
            type,
            schemaVersion,
            data,
            metadata,
          })),
          expectedVersion: 'no-stream',
        },
      ]);
      expect(results[1]!.events).toEqual(earlier.events);
      expect(results[1]!.nextExpectedVersion).toBe(3);
      expect(await store.streamVersion('member-2')).toBe(600);
      expect(await store.streamVersion('member-1')).toBe(4);
      expect((await drain(store.readAll())).length).toBe(604);
    });
  });

  it('an id already recorded early in the batch fails the whole call and writes nothing', async () => {
    await withStore(async (store) => {
      const [recorded] = (await store.append('member-1', many(1))).events;
      const before = await drain(store.readAll());
      const { eventId, type, schemaVersion, data, metadata } = recorded!;
      const error = await store
        .appendMany([
          { streamId: 'member-2', events: [{ eventId, type, schemaVersion, data, metadata }, ...many(599)] },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect((error as DuplicateEventIdError).eventId).toBe(eventId);
      expect(await drain(store.readAll())).toEqual(before);
      expect(await store.streamVersion('member-2')).toBe(0);
    });
  });
});

describe('Given an INSERT that fails after others of the same call succeeded (the COMMIT already sent)', () => {
  it('the call writes nothing, and later large calls on the same connections write everything', async () => {
    await withStore(async (store) => {
      const [recorded] = (await store.append('member-0', [proposed()])).events;
      const before = await drain(store.readAll());
      const { eventId, type, schemaVersion, data, metadata } = recorded!;
      // Rows go in stream order: member-9's event is in the last statement, after two full ones.
      const requests = [
        ...Array.from({ length: 600 }, (_, i) => ({
          streamId: `member-${1 + (i % 8)}`,
          events: [proposed()],
        })),
        { streamId: 'member-9', events: [{ eventId, type, schemaVersion, data, metadata }] },
      ];
      const error = await store.appendMany(requests).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await drain(store.readAll())).toEqual(before);
      for (let round = 0; round < 3; round++) {
        const results = await store.appendMany(
          requests.slice(0, 600).map((r) => ({ ...r, events: [proposed({ round })] })),
        );
        expect(results.flatMap((r) => r.events)).toHaveLength(600);
      }
      const all = await drain(store.readAll());
      expect(all).toHaveLength(1 + 3 * 600);
      expect(all.map((e) => e.globalPosition)).toEqual(
        [...all.map((e) => e.globalPosition)].sort((x, y) => x - y),
      );
      for (let s = 1; s <= 8; s++) {
        const stream = await drain(store.readStream(`member-${s}`));
        expect(stream).toHaveLength(3 * 75);
        expect(findChainBreak(stream)).toBeUndefined();
      }
    });
  });
});

describe('Given many writers appending to one stream with slow transactions', () => {
  it('they queue on the stream instead of failing, and every append lands once, in a chain', async () => {
    const schema = postgres.freshSchema();
    const hooks = {
      beforeCommit: async (client: pg.ClientBase) => void (await client.query('SELECT pg_sleep(0.03)')),
    };
    const stores = await Promise.all(
      Array.from({ length: 8 }, async () => (await postgres.openStore({ schema, hooks })).store),
    );
    try {
      const results = await Promise.all(
        stores.flatMap((store) => Array.from({ length: 3 }, () => store.append('meeting-1', [proposed()]))),
      );
      expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 24 }, (_, i) => i + 1),
      );
      const events = await drain(stores[0]!.readStream('meeting-1'));
      expect(findChainBreak(events)).toBeUndefined();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });
});

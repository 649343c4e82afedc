import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chainEvents,
  EMPTY_HEAD,
  findChainBreak,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
  StoreUnavailableError,
} from '@lvzhi/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

function proposed(n = 0): ProposedEvent {
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { n },
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
  };
}

function many(count: number): ProposedEvent[] {
  return Array.from({ length: count }, (_, i) => proposed(i));
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

let dir = '';
let path = '';
const opened: SqliteEventStore[] = [];
function open(options?: Parameters<typeof SqliteEventStore.open>[1]): SqliteEventStore {
  const store = SqliteEventStore.open(path, options);
  opened.push(store);
  return store;
}
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lvzhi-sqlite-'));
  path = join(dir, 'events.db');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Given a new file', () => {
  it('sets up WAL, synchronous=NORMAL, a busy timeout, the events schema and the projection state tables', () => {
    const db = open({ busyTimeoutMs: 1234 }).database;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    // Checkpoints every 10,000 WAL pages, not SQLite's 1,000 (fewer fsyncs on import).
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.prepare('SELECT version, name FROM event_store_migrations').all()).toEqual([
      { version: 1, name: 'create events' },
      { version: 2, name: 'create projection state' },
    ]);
    const columns = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all('events');
    expect(columns).toEqual([
      { name: 'global_position', type: 'INTEGER', notnull: 0, pk: 1 },
      ...[
        'event_id',
        'stream_id',
        'stream_version',
        'type',
        'schema_version',
        'data',
        'metadata',
        'recorded_at',
        'prev_hash',
        'hash',
      ].map((name) => ({
        name,
        type: ['stream_version', 'schema_version'].includes(name) ? 'INTEGER' : 'TEXT',
        notnull: 1,
        pk: 0,
      })),
    ]);
  });

  it('migrates only once when reopened', async () => {
    await open().append('s', [proposed()]);
    const again = open();
    expect(again.database.prepare('SELECT count(*) FROM event_store_migrations').pluck().get()).toBe(2);
    expect(await again.streamVersion('s')).toBe(1);
  });
});

describe('Given two instances on the same file', () => {
  it('chains each append onto the head the other instance wrote (nothing cached across calls)', async () => {
    const a = open();
    const b = open();
    const first = many(2);
    const second = many(1);
    const third = many(2);
    await a.append('s', first, { expectedVersion: 'no-stream' });
    await b.append('s', second, { expectedVersion: 2 });
    await a.append('s', third, { expectedVersion: 3 });
    const stored = await drain(b.readStream('s'));
    expect(findChainBreak(stored)).toBeUndefined();
    expect(stored.map(({ globalPosition: _, ...e }) => e)).toEqual(
      chainEvents('s', EMPTY_HEAD, [...first, ...second, ...third]),
    );
    // A retry through the other instance is still recognised.
    expect((await b.append('s', first, { expectedVersion: 'no-stream' })).events).toEqual(stored.slice(0, 2));
  });

  it("refuses 'no-stream' on a stream the other instance created, naming its version, and writes nothing", async () => {
    const a = open();
    const b = open();
    await b.append('other', many(1));
    await a.append('s', many(2), { expectedVersion: 'no-stream' });
    const attempt = b.appendMany([
      { streamId: 'fresh', events: many(1), expectedVersion: 'no-stream' },
      { streamId: 's', events: many(1), expectedVersion: 'no-stream' },
    ]);
    await expect(attempt).rejects.toMatchObject({ streamId: 's', expected: 'no-stream', actual: 2 });
    expect(await drain(b.readStream('fresh'))).toEqual([]);
    expect(await b.streamVersion('s')).toBe(2);
  });

  it('lets a subscriber of one instance see appends made through the other by polling', async () => {
    const a = open();
    const b = open();
    const controller = new AbortController();
    const iterator = a.subscribe({ signal: controller.signal, pollIntervalMs: 20 })[Symbol.asyncIterator]();
    const next = iterator.next();
    const { events } = await b.append('s', [proposed()]);
    expect((await next).value).toEqual(events[0]);
    controller.abort();
    expect((await iterator.next()).done).toBe(true);
  });
});

describe('Given a retried append after the stream moved on', () => {
  it('reports the version the original append reached, so that continuing from it conflicts', async () => {
    const store = open();
    const mine = many(2);
    await store.append('s', mine, { expectedVersion: 'no-stream' });
    await store.append('s', many(1), { expectedVersion: 2 });
    const retry = await store.append('s', mine, { expectedVersion: 'no-stream' });
    expect(retry.nextExpectedVersion).toBe(2);
    await expect(
      store.append('s', many(1), { expectedVersion: retry.nextExpectedVersion }),
    ).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 3 });
  });
});

describe('subscribe', () => {
  it('wakes up at once for an append through the same instance, without waiting for the poll', async () => {
    const store = open();
    const controller = new AbortController();
    const iterator = store
      .subscribe({ signal: controller.signal, pollIntervalMs: 60_000 })
      [Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    const { events } = await store.append('s', [proposed()]);
    expect((await next).value).toEqual(events[0]);
    expect(Date.now() - started).toBeLessThan(1_000);
    controller.abort();
    expect((await iterator.next()).done).toBe(true);
  });
});

describe('Given more events than one page', () => {
  it('readAll, readStream and listStreams page through the whole log in order', async () => {
    const store = open();
    const requests = Array.from({ length: 1_200 }, (_, i) => ({
      streamId: `s-${i % 600}`,
      events: [proposed(i)],
    }));
    await store.appendMany(requests);
    await store.append('long', many(1_100));

    const log = await drain(store.readAll());
    expect(log).toHaveLength(2_300);
    expect(log.map((e) => e.globalPosition)).toEqual(Array.from({ length: 2_300 }, (_, i) => i + 1));
    expect(await drain(store.readAll({ batchSize: 7, after: 5, to: 1_500 }))).toEqual(log.slice(5, 1_500));

    const versions = (events: RecordedEvent[]) => events.map((e) => e.streamVersion);
    const long = await drain(store.readStream('long'));
    expect(versions(long)).toEqual(Array.from({ length: 1_100 }, (_, i) => i + 1));
    expect(findChainBreak(long)).toBeUndefined();
    expect(versions(await drain(store.readStream('long', { from: 100, limit: 700 })))).toEqual(
      Array.from({ length: 700 }, (_, i) => i + 100),
    );
    expect(versions(await drain(store.readStream('long', { direction: 'backward', limit: 650 })))).toEqual(
      Array.from({ length: 650 }, (_, i) => 1_100 - i),
    );

    const streams = await drain(store.listStreams());
    expect(streams).toHaveLength(601);
    expect(streams[0]).toEqual({ streamId: 's-0', version: 2 });
    expect(streams.at(-1)).toEqual({ streamId: 'long', version: 1_100 });
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(drain(open().readAll({ batchSize: 0 }))).rejects.toBeInstanceOf(RangeError);
  });
});

describe('transaction', () => {
  it('commits synchronous work on the same connection and returns its value', () => {
    const store = open();
    store.database.exec('CREATE TABLE projection (k TEXT PRIMARY KEY, v INTEGER)');
    const value = store.transaction(() => {
      store.database.prepare("INSERT INTO projection VALUES ('a', 1)").run();
      return 42;
    });
    expect(value).toBe(42);
    expect(store.database.prepare('SELECT v FROM projection').pluck().all()).toEqual([1]);
  });

  it('rolls everything back when the work throws', () => {
    const store = open();
    store.database.exec('CREATE TABLE projection (k TEXT PRIMARY KEY, v INTEGER)');
    expect(() =>
      store.transaction(() => {
        store.database.prepare("INSERT INTO projection VALUES ('a', 1)").run();
        throw new Error('projection failed');
      }),
    ).toThrow('projection failed');
    expect(store.database.prepare('SELECT count(*) FROM projection').pluck().get()).toBe(0);
  });

  it('refuses to run on a closed store', async () => {
    const store = open();
    await store.close();
    expect(() => store.transaction(() => 1)).toThrow(StoreUnavailableError);
  });
});

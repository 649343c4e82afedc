import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptEventError, newEventId, type ProposedEvent, StoreUnavailableError } from '@lvzhi/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

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

async function failureOf(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

let dir = '';
let path = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lvzhi-sqlite-failures-'));
  path = join(dir, 'events.db');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Given a store opened read-only', () => {
  it('reads what is there and refuses appends with StoreUnavailableError naming the file', async () => {
    const writer = SqliteEventStore.open(path);
    const stored = await writer.append('s', [proposed()]);
    await writer.close();

    const reader = SqliteEventStore.open(path, { readonly: true });
    try {
      expect(await drain(reader.readAll())).toEqual(stored.events);
      const error = await failureOf(() => reader.append('s', [proposed()]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/read-only/);
      expect(await reader.streamVersion('s')).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('refuses a file that has no event store schema', async () => {
    new Database(path).close();
    const error = await failureOf(() => SqliteEventStore.open(path, { readonly: true }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(path);
  });

  // chmod does not stop root from writing, so this one only runs as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('refuses to write to a file without write permission', async () => {
    const writer = SqliteEventStore.open(path);
    await writer.append('s', [proposed()]);
    await writer.close();
    await chmod(path, 0o444);
    const error = await failureOf(async () => {
      const store = SqliteEventStore.open(path);
      try {
        await store.append('s', [proposed()]);
      } finally {
        await store.close();
      }
    });
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(path);
  });
});

describe('Given a row whose data was edited into invalid JSON', () => {
  it('reports CorruptEventError with the position, from every read path', async () => {
    const store = SqliteEventStore.open(path);
    try {
      const { events } = await store.append('s', [proposed(), proposed(), proposed()]);
      const bad = events[1]!;
      store.database
        .prepare('UPDATE events SET data = \'{"n": 1\' WHERE global_position = ?')
        .run(bad.globalPosition);

      const seen: string[] = [];
      const error = await failureOf(async () => {
        for await (const e of store.readAll()) seen.push(e.eventId);
      });
      expect(seen).toEqual([events[0]!.eventId]);
      expect(error).toBeInstanceOf(CorruptEventError);
      expect((error as CorruptEventError).position).toBe(bad.globalPosition);
      expect((error as Error).message).toContain(`position ${bad.globalPosition}`);

      for (const read of [
        () => store.readEvent(bad.eventId),
        () => drain(store.readStream('s')),
        () => drain(store.readStream('s', { direction: 'backward' })),
      ]) {
        const e = await failureOf(read);
        expect(e).toBeInstanceOf(CorruptEventError);
        expect((e as CorruptEventError).position).toBe(bad.globalPosition);
      }
      expect(await store.readEvent(events[2]!.eventId)).toEqual(events[2]);
    } finally {
      await store.close();
    }
  });
});

describe('Given a file that is not a database', () => {
  it('refuses to open it with StoreUnavailableError naming the file and the cause', async () => {
    await writeFile(path, '履职记录 — this is a text file, not SQLite.\n'.repeat(200));
    for (const options of [{}, { readonly: true }]) {
      const error = await failureOf(() => SqliteEventStore.open(path, options));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/not an SQLite database/);
    }
  });
});

describe('Given a path that cannot be opened', () => {
  it('refuses a missing directory', async () => {
    const missing = join(dir, 'no-such-dir', 'events.db');
    const error = await failureOf(() => SqliteEventStore.open(missing));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(missing);
  });

  it('refuses a file written by a newer schema', async () => {
    const store = SqliteEventStore.open(path);
    store.database.prepare("INSERT INTO event_store_migrations VALUES (99, 'future', 'x')").run();
    await store.close();
    const error = await failureOf(() => SqliteEventStore.open(path));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/schema version 99/);
  });
});

describe('Given another connection holding the write lock', () => {
  it('gives up after the busy timeout with StoreUnavailableError, and works once the lock is released', async () => {
    const store = SqliteEventStore.open(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const error = await failureOf(() => store.append('s', [proposed()]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/locked.*busy timeout/);
      expect((error as Error).message).toContain('SQLITE_BUSY');
      other.exec('ROLLBACK');
      expect((await store.append('s', [proposed()])).nextExpectedVersion).toBe(1);
    } finally {
      other.close();
      await store.close();
    }
  });
});

describe('Given a full database', () => {
  it('refuses the append with StoreUnavailableError and keeps what was there', async () => {
    const store = SqliteEventStore.open(path);
    try {
      await store.append('s', [proposed()]);
      const pages = store.database.pragma('page_count', { simple: true }) as number;
      store.database.pragma(`max_page_count = ${pages}`);
      const error = await failureOf(() => store.append('s', [proposed({ blob: 'x'.repeat(64_000) })]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/full/);
      expect(await store.streamVersion('s')).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('Given a connection closed behind the store', () => {
  it('reports StoreUnavailableError instead of a TypeError', async () => {
    const store = SqliteEventStore.open(path);
    store.database.close();
    const error = await failureOf(() => store.headPosition());
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/closed/);
    await store.close();
  });
});

import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type ProposedEvent, StoreUnavailableError } from '@lvzhi/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

const proposed = (n: number): ProposedEvent => ({
  eventId: newEventId(),
  type: 'AttendanceRecorded',
  schemaVersion: 1,
  data: { n },
  metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
});

describe.each([
  { appendThread: false, appends: 'on its own connection' },
  { appendThread: true, appends: 'on the writer thread (from the second append)' },
])('Given a SQLite store whose file goes away while it is open, appending $appends', ({ appendThread }) => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lvzhi-gone-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('an append after the file was deleted is refused, naming the file, instead of committing into nothing', async () => {
    const path = join(dir, 'log.db');
    const store = SqliteEventStore.open(path, { appendThread });
    await store.append('member-a', [proposed(1)]);
    for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
    const failed = store.append('member-a', [proposed(2)]);
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failed).rejects.toThrow(`SQLite event store '${path}': the file was removed while open`);
    await store.close();
  });

  it('an append after the file was replaced by another is refused; the new file is untouched', async () => {
    const path = join(dir, 'log.db');
    const store = SqliteEventStore.open(path, { appendThread });
    await store.append('member-a', [proposed(1)]);
    // Another database moved into its place, with the old write-ahead log gone (as a restore would do).
    const other = SqliteEventStore.open(join(dir, 'other.db'));
    await other.close();
    for (const suffix of ['-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
    await rename(join(dir, 'other.db'), path);
    await expect(store.append('member-a', [proposed(2)])).rejects.toThrow('the file was replaced while open');
    await store.close();
    const reopened = SqliteEventStore.open(path);
    expect(await reopened.headPosition()).toBe(0);
    await reopened.close();
  });

  it('the same file, still in place, takes appends as before', async () => {
    const path = join(dir, 'log.db');
    const store = SqliteEventStore.open(path, { appendThread });
    await store.append('member-a', [proposed(1)]);
    await store.append('member-a', [proposed(2)]);
    expect(await store.headPosition()).toBe(2);
    await store.close();
  });
});

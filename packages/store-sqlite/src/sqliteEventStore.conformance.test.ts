import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '@lvzhi/testing';
import { SqliteEventStore } from './sqliteEventStore.ts';

describeEventStoreConformance('SqliteEventStore (temp file)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvzhi-sqlite-'));
  return {
    store: SqliteEventStore.open(join(dir, 'events.db')),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describeEventStoreConformance('SqliteEventStore (:memory:)', async () => ({
  store: SqliteEventStore.open(':memory:'),
}));

describeEventStoreConformance('SqliteEventStore (temp file, appends on the writer thread)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvzhi-sqlite-'));
  const store = SqliteEventStore.open(join(dir, 'events.db'), { appendThread: true });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

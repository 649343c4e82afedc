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

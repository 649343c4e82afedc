import { readFileSync } from 'node:fs';
import { ProjectionRuntime, recordIndexProjection } from '@lvzhi/core';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';
import Database from 'better-sqlite3';

/** Peak resident memory of this process (VmHWM), in MB. */
function peakRssMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

/** Run in a fresh process so that its peak memory is the measured work's alone. */
const [mode, dbPath] = process.argv.slice(2);
if (mode === 'ceiling') {
  // The raw ceiling: read every row in order and JSON.parse its data.
  const db = new Database(dbPath!, { readonly: true });
  const started = performance.now();
  let n = 0;
  for (const row of db
    .prepare('SELECT data FROM events ORDER BY global_position')
    .iterate() as IterableIterator<{
    data: string;
  }>) {
    JSON.parse(row.data);
    n++;
  }
  console.log(
    JSON.stringify({ events: n, seconds: (performance.now() - started) / 1000, peakRssMb: peakRssMb() }),
  );
} else {
  const store = SqliteEventStore.open(dbPath!);
  const runtime = new ProjectionRuntime(store, new SqliteProjectionStore(store), [recordIndexProjection]);
  const head = await store.headPosition();
  const started = performance.now();
  await runtime.rebuild();
  console.log(
    JSON.stringify({ events: head, seconds: (performance.now() - started) / 1000, peakRssMb: peakRssMb() }),
  );
  await store.close();
}

/**
 * Batched append into PostgreSQL, as a ratio to a ceiling measured on the same server in the same run.
 * Ceiling: raw `pg` multi-row INSERTs (1,000 rows per statement and transaction) into a table with the same
 * columns and indexes as the store's events table, JSON.stringify included. Measured: `appendMany` with 1,000
 * one-event requests over 10,000 streams per call (locks, idempotency lookup, versions, hashing, NOTIFY).
 *
 * Run: npx tsx packages/store-postgres/bench/appendThroughput.ts [events=100000] [--fast]
 * (--fast turns fsync off; the default keeps the server durable, as production would run.)
 */
import { newEventId, type ProposedEvent } from '@lvzhi/core';
import pg from 'pg';
import { PostgresEventStore } from '../src/postgresEventStore.ts';
import { startPostgres } from '../src/testServer.ts';

const BATCH = 1_000;
const STREAMS = 10_000;
const total = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const durable = !process.argv.includes('--fast');

function makeEvents(count: number): { streamId: string; event: ProposedEvent }[] {
  return Array.from({ length: count }, (_, i) => ({
    streamId: `member-${(i * 7919) % STREAMS}`,
    event: {
      eventId: newEventId(),
      type: 'AttendanceRecorded',
      schemaVersion: 1,
      data: {
        meetingId: `meeting-${i % 500}`,
        memberId: `member-${(i * 7919) % STREAMS}`,
        status: i % 10 === 0 ? 'excused' : 'present',
        occurredAt: '2025-03-05',
        channel: 'in-person',
      },
      metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'secretariat', source: 'bench' },
    },
  }));
}

async function ceiling(url: string, events: { streamId: string; event: ProposedEvent }[]): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ceiling_events;
    CREATE TABLE ceiling_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      event_id text NOT NULL UNIQUE, stream_id text NOT NULL, stream_version integer NOT NULL,
      type text NOT NULL, schema_version integer NOT NULL, data text NOT NULL, metadata text NOT NULL,
      recorded_at text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
      UNIQUE (stream_id, stream_version))`);
  const versions = new Map<string, number>();
  const hash = 'f'.repeat(64);
  const started = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const { streamId, event } of events.slice(i, i + BATCH)) {
      const version = (versions.get(streamId) ?? 0) + 1;
      versions.set(streamId, version);
      const n = params.length;
      tuples.push(
        `($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5},$${n + 6},$${n + 7},$${n + 8},$${n + 9},$${n + 10})`,
      );
      params.push(
        event.eventId,
        streamId,
        version,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.metadata.recordedAt,
        hash,
        hash,
      );
    }
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO ceiling_events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
        recorded_at, prev_hash, hash) VALUES ${tuples.join(',')}`,
      params,
    );
    await client.query('COMMIT');
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return events.length / seconds;
}

async function measured(url: string, events: { streamId: string; event: ProposedEvent }[], schema: string) {
  const store = await PostgresEventStore.connect(url, { schema });
  const started = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    await store.appendMany(
      events.slice(i, i + BATCH).map(({ streamId, event }) => ({ streamId, events: [event] })),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return events.length / seconds;
}

const server = await startPostgres({ durable });
try {
  const url = await server.createDatabase('bench');
  console.log(
    `PostgreSQL ${server.version}, ${durable ? 'durable (fsync on)' : 'fsync off'}, ${total} events, batches of ${BATCH}`,
  );
  // Alternating rounds, so that load from other processes hits both sides alike; the median ratio counts.
  const ratios: number[] = [];
  for (let round = 1; round <= 3; round++) {
    const raw = await ceiling(url, makeEvents(total));
    const store = await measured(url, makeEvents(total), `bench_${round}`);
    ratios.push(store / raw);
    console.log(
      `round ${round}: raw pg multi-row INSERT ${Math.round(raw)} rows/s, appendMany ${Math.round(store)} events/s, ratio ${(store / raw).toFixed(2)}`,
    );
  }
  const median = [...ratios].sort((a, b) => a - b)[1]!;
  console.log(`median ratio ${median.toFixed(2)} (goal >= 0.6)`);
} finally {
  await server.stop();
}

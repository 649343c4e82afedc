import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyRequests, ProjectionRuntime, type RecordedEvent, recordIndexProjection } from '@lvzhi/core';
import { PostgresEventStore, PostgresProjectionStore } from '@lvzhi/store-postgres';
import { startPostgres, type TestPostgres } from '@lvzhi/store-postgres/testing';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';
import pg from 'pg';
import { generateYear } from './generateYear.ts';
import { medianRoundRatio } from './ratios.ts';
import { recordRate } from './record.ts';

/** Commands in the generated year of the PostgreSQL benchmark. */
export const POSTGRES_BENCH_COMMANDS = 200_000;
/** Events per `appendMany` call, and rows per raw INSERT (one transaction each). */
const BATCH = 1_000;
const SCHEMA = 'lvzhi';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The SQLite log in batches of `BATCH` consecutive events. */
async function* batchesOf(db: string): AsyncGenerator<RecordedEvent[]> {
  const store = SqliteEventStore.open(db);
  try {
    let batch: RecordedEvent[] = [];
    for await (const event of store.readAll({ batchSize: BATCH })) {
      batch.push(event);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    await store.close();
  }
}

/**
 * Copies the SQLite log into a PostgreSQL store in `schema`, `BATCH` events per `appendMany` (one request per
 * run of consecutive events of a stream, expecting the version before it), checking that every stored event
 * is the original (same id, version and hash); returns the events per second.
 */
async function copyWithAppendMany(db: string, url: string, schema: string): Promise<number> {
  const target = await PostgresEventStore.connect(url, { schema });
  try {
    let count = 0;
    const started = performance.now();
    for await (const batch of batchesOf(db)) {
      const stored = (await target.appendMany(copyRequests(batch))).flatMap((r) => r.events);
      batch.forEach((original, i) => {
        const copy = stored[i];
        if (copy?.eventId !== original.eventId || copy.hash !== original.hash) {
          throw new Error(`the copy differs from the SQLite log at event #${count + i + 1}`);
        }
      });
      count += batch.length;
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await target.close();
  }
}

/**
 * The append ceiling: raw `pg` multi-row INSERTs of the same events (`BATCH` rows per statement and
 * transaction, JSON.stringify included) into a table with the store's columns and indexes; rows per second.
 */
async function rawInsert(db: string, url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ceiling_events;
      CREATE TABLE ceiling_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id text NOT NULL UNIQUE, stream_id text NOT NULL, stream_version integer NOT NULL,
        type text NOT NULL, schema_version integer NOT NULL, data text NOT NULL, metadata text NOT NULL,
        recorded_at text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
        UNIQUE (stream_id, stream_version));
      CREATE INDEX ON ceiling_events (global_position) WHERE stream_version = 1`);
    let count = 0;
    const started = performance.now();
    for await (const batch of batchesOf(db)) {
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const e of batch) {
        const n = params.length;
        tuples.push(
          `($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5},$${n + 6},$${n + 7},$${n + 8},$${n + 9},$${n + 10})`,
        );
        params.push(
          e.eventId,
          e.streamId,
          e.streamVersion,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          e.metadata.recordedAt,
          e.prevHash,
          e.hash,
        );
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ceiling_events (event_id, stream_id, stream_version, type, schema_version, data,
          metadata, recorded_at, prev_hash, hash) VALUES ${tuples.join(',')}`,
        params,
      );
      await client.query('COMMIT');
      count += batch.length;
    }
    const rate = count / ((performance.now() - started) / 1000);
    await client.query('DROP TABLE ceiling_events');
    return rate;
  } finally {
    await client.end();
  }
}

interface Measured {
  readonly events: number;
  readonly seconds: number;
}

/** A rebuild of the record index in a fresh process: `sqlite <file>` or `postgres <url> <schema>`. */
function child(args: readonly string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'rebuild', ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** The record index as saved, with its checkpoint, as comparable text. */
function savedIndex(saved: { checkpoint: number; state: unknown } | undefined): string {
  return JSON.stringify(saved && { checkpoint: saved.checkpoint, state: saved.state });
}

/** Starts the throwaway server, or says why it cannot. */
async function tryStartPostgres(): Promise<TestPostgres | string> {
  try {
    return await startPostgres();
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

/**
 * The PostgreSQL benchmark, all in one run on one machine: records a generated year of `events` commands
 * into SQLite, copies that log into a throwaway PostgreSQL server with `appendMany` (alternating with raw
 * `pg` multi-row INSERTs of the same rows: ratio goal ≥ 0.6), then rebuilds the record index from each
 * store, alternately, each in a fresh process, and prints the best rates and their ratio PostgreSQL/SQLite
 * (goal ≥ 0.8), checking that both rebuilds saved the same index. When no PostgreSQL server can be started,
 * prints a skipped line saying why.
 */
export async function postgresRebuildBenchmark(
  options: { readonly events?: number; readonly rounds?: number } = {},
) {
  const server = await tryStartPostgres();
  if (typeof server === 'string') {
    console.log(`  skipped: no PostgreSQL server could be started (${server})`);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-pg-bench-'));
  try {
    const rounds = options.rounds ?? 2;
    const input = join(dir, 'year.jsonl');
    const total = await generateYear(input, {
      commands: options.events ?? POSTGRES_BENCH_COMMANDS,
      seed: 2019,
    });
    const db = join(dir, 'lvzhi.db');
    const { rate } = await recordRate(input, db);
    const sqlite = SqliteEventStore.open(db);
    const head = await sqlite.headPosition();
    await sqlite.close();
    console.log(`recorded ${fmt(total)} commands, ${fmt(head)} events, into SQLite (${fmt(rate)} lines/s)`);
    const url = await server.createDatabase('lvzhi_bench');
    console.log(`PostgreSQL ${server.version} (fsync off), batches of ${fmt(BATCH)}`);

    // Batched append: the copy, alternating with the raw ceiling; a second copy only for the measure.
    const raws: number[] = [];
    const appends: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const raw = await rawInsert(db, url);
      raws.push(raw);
      console.log(`  raw pg multi-row INSERT  ${fmt(raw)} rows/s`);
      const schema = round === 0 ? SCHEMA : `${SCHEMA}_append_${round}`;
      const append = await copyWithAppendMany(db, url, schema);
      appends.push(append);
      console.log(`  appendMany (copy of the log)  ${fmt(append)} events/s`);
      if (round > 0) {
        const client = new pg.Client(url);
        await client.connect();
        await client.query(`DROP SCHEMA "${schema}" CASCADE`);
        await client.end();
      }
    }
    const bestRaw = Math.max(...raws);
    const bestAppend = Math.max(...appends);
    const appendRatio = bestAppend / bestRaw;
    console.log(
      `batched append: appendMany ${fmt(bestAppend)} events/s, raw pg ${fmt(bestRaw)} rows/s, ratio ${appendRatio.toFixed(2)} (goal ≥ 0.6)${appendRatio < 0.6 ? '  BELOW THE GOAL' : ''}; median of the rounds' ratios ${medianRoundRatio(appends, raws).toFixed(2)}`,
    );

    // Rebuild of the record index from each store, alternately (SQLite first in even rounds).
    const sqliteRates: number[] = [];
    const postgresRates: number[] = [];
    const measure = (which: 'sqlite' | 'postgres') => {
      const m = which === 'sqlite' ? child(['sqlite', db]) : child(['postgres', url, SCHEMA]);
      if (m.events !== head) throw new Error(`the ${which} rebuild read ${m.events} events, not ${head}`);
      const r = m.events / m.seconds;
      (which === 'sqlite' ? sqliteRates : postgresRates).push(r);
      console.log(`  rebuild from ${which === 'sqlite' ? 'SQLite    ' : 'PostgreSQL'}  ${fmt(r)} events/s`);
    };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['sqlite', 'postgres'] as const) : (['postgres', 'sqlite'] as const);
      for (const which of order) measure(which);
    }
    const bestSqlite = Math.max(...sqliteRates);
    const bestPostgres = Math.max(...postgresRates);
    const ratio = bestPostgres / bestSqlite;
    console.log(
      `rebuild of the record index: PostgreSQL ${fmt(bestPostgres)} events/s, SQLite ${fmt(bestSqlite)} events/s, ratio ${ratio.toFixed(2)} (goal ≥ 0.8)${ratio < 0.8 ? '  BELOW THE GOAL' : ''}; median of the rounds' ratios ${medianRoundRatio(postgresRates, sqliteRates).toFixed(2)}`,
    );

    // Both rebuilds must have saved the same index.
    const sqliteStore = SqliteEventStore.open(db);
    const pgStore = await PostgresEventStore.connect(url, { schema: SCHEMA });
    try {
      const name = recordIndexProjection.name;
      const same =
        savedIndex(await new SqliteProjectionStore(sqliteStore).load(name)) ===
        savedIndex(await new PostgresProjectionStore(pgStore).load(name));
      console.log(`record index saved by both rebuilds: ${same ? 'identical' : 'DIFFERENT'}`);
      if (!same) throw new Error('the record index rebuilt from PostgreSQL differs from SQLite’s');
    } finally {
      await sqliteStore.close();
      await pgStore.close();
    }
    return { appendRatio, sqlite: bestSqlite, postgres: bestPostgres, ratio };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a fresh process: rebuild the record index from one store and print the events and seconds. */
async function rebuildChild(args: readonly string[]): Promise<void> {
  const [kind, target, schema] = args;
  const { store, states } =
    kind === 'sqlite'
      ? (() => {
          const s = SqliteEventStore.open(target!);
          return { store: s, states: new SqliteProjectionStore(s) };
        })()
      : await (async () => {
          const s = await PostgresEventStore.connect(target!, { schema: schema! });
          return { store: s, states: new PostgresProjectionStore(s) };
        })();
  try {
    const runtime = new ProjectionRuntime(store, states, [recordIndexProjection]);
    const events = await store.headPosition();
    const started = performance.now();
    await runtime.rebuild();
    console.log(JSON.stringify({ events, seconds: (performance.now() - started) / 1000 }));
  } finally {
    await store.close();
  }
}

if (resolve(process.argv[1] ?? '') === import.meta.filename && process.argv[2] === 'rebuild') {
  await rebuildChild(process.argv.slice(3));
}

import { createHash } from 'node:crypto';
import { StoreUnavailableError } from '@lvzhi/core';
import type pg from 'pg';

/** The names of one store's objects inside its PostgreSQL schema, quoted for SQL. */
export interface Tables {
  readonly schema: string;
  readonly events: string;
  readonly positions: string;
  readonly reservePositions: string;
  readonly projectionState: string;
  readonly projectionStateParts: string;
  readonly migrations: string;
  /** The LISTEN/NOTIFY channel on which appends announce themselves. */
  readonly channel: string;
  /** The advisory lock that appends take shared (exclusive when they write to many streams). */
  readonly appendLock: string;
  /** The prefix of the text whose hash is a stream's advisory lock key. */
  readonly streamLockPrefix: string;
  /** The prefix of the names of the store's prepared statements (at most 47 characters). */
  readonly statementPrefix: string;
}

/** A 64-bit advisory lock key for `text`, the same in every process. */
function advisoryKey(text: string): string {
  return BigInt.asIntN(
    64,
    BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 16)}`),
  ).toString();
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** The objects of the store in `schema` (lower-case letters, digits and `_`, at most 40 characters). */
export function tablesOf(schema: string): Tables {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `PostgreSQL schema name must be lower-case letters, digits and '_' (at most 40, not starting with a digit), got '${schema}'`,
    );
  }
  const q = (name: string) => `"${schema}"."${name}"`;
  return {
    schema: `"${schema}"`,
    events: q('events'),
    positions: q('event_positions'),
    reservePositions: q('reserve_positions'),
    projectionState: q('projection_state'),
    projectionStateParts: q('projection_state_parts'),
    migrations: q('event_store_migrations'),
    channel: `lvzhi_events_${schema}`,
    appendLock: advisoryKey(`lvzhi:append:${schema}`),
    streamLockPrefix: `lvzhi:stream:${schema}:`,
    statementPrefix: `lvzhi_${schema}_`,
  };
}

/** One step of the store's schema; applied once, in order, recorded in `event_store_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (t: Tables, lockKey: bigint) => string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create events',
    // data and metadata are kept as the exact JSON text written (not jsonb, which would reorder keys and
    // refuse \u0000); `transaction_id` is the writer's transaction, which readers compare with the oldest
    // transaction still in flight (gap safety).
    sql: (t, lockKey) => `
      CREATE SEQUENCE ${t.positions} AS bigint;
      CREATE TABLE ${t.events} (
        global_position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id text NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        metadata text NOT NULL,
        recorded_at text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      -- A stream's first event, in order of first appearance (listStreams).
      CREATE INDEX ON ${t.events} (global_position) WHERE stream_version = 1;
      -- Takes this transaction's id and n consecutive positions under one short lock, so that positions
      -- follow transaction ids: a reader that stops below the oldest transaction in flight then never
      -- passes a position that a slower transaction may still commit. The lock is a session lock, released
      -- here (also on error), so appends run concurrently after it.
      CREATE FUNCTION ${t.reservePositions}(n integer) RETURNS bigint LANGUAGE plpgsql AS $fn$
      DECLARE
        first bigint;
      BEGIN
        PERFORM pg_advisory_lock(${lockKey});
        BEGIN
          PERFORM pg_current_xact_id();
          first := nextval('${t.positions}');
          IF n > 1 THEN
            PERFORM setval('${t.positions}', first + n - 1);
          END IF;
        EXCEPTION WHEN OTHERS OR query_canceled THEN
          PERFORM pg_advisory_unlock(${lockKey});
          RAISE;
        END;
        PERFORM pg_advisory_unlock(${lockKey});
        RETURN first;
      END
      $fn$;`,
  },
  {
    version: 2,
    name: 'create projection state',
    sql: (t) => `
      CREATE TABLE ${t.projectionState} (
        slot text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL,
        checkpoint bigint NOT NULL,
        anomalies text NOT NULL,
        saved_at timestamptz NOT NULL,
        PRIMARY KEY (slot, name)
      );
      CREATE TABLE ${t.projectionStateParts} (
        slot text NOT NULL,
        name text NOT NULL,
        key text NOT NULL,
        part integer NOT NULL,
        json text NOT NULL,
        PRIMARY KEY (slot, name, key, part)
      );`,
  },
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** A stable 64-bit advisory lock key for `purpose` in `schema` (computed by the server). */
export async function lockKey(client: pg.ClientBase, purpose: string, schema: string): Promise<bigint> {
  const { rows } = await client.query<{ key: string }>('SELECT hashtextextended($1, 0)::text AS key', [
    `lvzhi:${purpose}:${schema}`,
  ]);
  return BigInt(rows[0]!.key);
}

async function appliedVersion(client: pg.ClientBase, t: Tables): Promise<number | undefined> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    t.migrations,
  ]);
  if (!rows[0]!.exists) return undefined;
  const result = await client.query<{ version: number }>(
    `SELECT coalesce(max(version), 0)::integer AS version FROM ${t.migrations}`,
  );
  return result.rows[0]!.version;
}

function assertKnown(version: number, where: string): void {
  if (version > SCHEMA_VERSION) {
    throw new StoreUnavailableError(
      `PostgreSQL event store ${where}: the schema has version ${version}, newer than the ${SCHEMA_VERSION} this build knows`,
    );
  }
}

/**
 * Brings the schema up to date in one transaction under an advisory lock, so that several processes opening
 * the store at once apply each migration exactly once; a current schema is only read (no DDL, no lock).
 */
export async function migrate(client: pg.ClientBase, schema: string, where: string): Promise<void> {
  const t = tablesOf(schema);
  const seen = await appliedVersion(client, t);
  if (seen !== undefined) assertKnown(seen, where);
  if (seen === SCHEMA_VERSION) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [await lockKey(client, 'migrate', schema)]);
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rows.length === 0) await client.query(`CREATE SCHEMA ${t.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.migrations} (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = (await appliedVersion(client, t)) ?? 0;
    assertKnown(current, where);
    const positionsLock = await lockKey(client, 'positions', schema);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql(t, positionsLock));
      await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

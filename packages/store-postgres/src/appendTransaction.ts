import type { AppendRequest, AppendResult, RecordedEvent, StreamHead } from '@lvzhi/core';
import type pg from 'pg';
import { type Emit, LookupNeeded, plan } from './appendPlan.ts';
import { EventWriter } from './eventInsert.ts';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './eventRow.ts';
import type { Tables } from './schema.ts';

/** Test seams of the append transaction (not part of the public API). */
export interface AppendHooks {
  /** Runs inside the append transaction after its writes, just before COMMIT. */
  readonly beforeCommit?: (client: pg.ClientBase) => Promise<void>;
  /**
   * UNSAFE: takes the transaction id first and positions just before the INSERT (as a store that locks
   * first and draws positions at INSERT does), so that positions no longer follow transaction ids; only to
   * prove why they must.
   */
  readonly unsafeLatePositions?: boolean;
}

/**
 * Thrown when a concurrent transaction committed a stream version or an event id this one was about to
 * write (the unique indexes): the call wrote nothing and runs again; `lookUpIds` when it must then look up
 * the proposed ids first (an id may be stored already).
 */
export class AppendRaceError extends Error {
  override readonly name = 'AppendRaceError';
  constructor(
    message: string,
    readonly lookUpIds: boolean,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

function raceOf(error: unknown): AppendRaceError | undefined {
  const { code, constraint, detail } = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== '23505' || typeof constraint !== 'string') return undefined;
  const key = String(detail ?? '');
  if (constraint.endsWith('stream_id_stream_version_key')) {
    return new AppendRaceError(`a stream version was written concurrently (${key})`, false, { cause: error });
  }
  if (constraint.endsWith('event_id_key')) {
    return new AppendRaceError(`an event id is already recorded (${key})`, true, { cause: error });
  }
  return undefined;
}

type Statement = readonly [text: string, params?: unknown[]];

/** Above this many streams, an append locks the whole store instead of each stream (bounded lock table). */
const MAX_STREAM_LOCKS = 64;

/**
 * Serializes appends to the same streams until COMMIT, so that concurrent writers queue (fairly, first come
 * first served) instead of failing on the unique index and retrying: the store lock shared, then one advisory
 * lock per stream in key order (no deadlock); an append to many streams takes the store lock alone,
 * exclusively (the lock table is bounded). Taken before the transaction has an id, so waiting holds no reader
 * back. Volatile functions in the select list run after the sort, so the locks are taken in that order.
 */
function lockStatement(t: Tables, streamIds: readonly string[]): Statement {
  if (streamIds.length > MAX_STREAM_LOCKS)
    return ['SELECT pg_advisory_xact_lock($1::bigint)', [t.appendLock]];
  return [
    `SELECT CASE WHEN ord = 0 THEN pg_advisory_xact_lock_shared(k) ELSE pg_advisory_xact_lock(k) END
      FROM (SELECT 0 AS ord, $1::bigint AS k
        UNION ALL SELECT DISTINCT 1, hashtextextended($2 || id, 0) FROM unnest($3::text[]) AS id) AS keys
      ORDER BY ord, k`,
    [t.appendLock, t.streamLockPrefix, streamIds],
  ];
}

/**
 * The heads of the call's streams and, when `reserve` > 0, that many positions taken together with the
 * transaction id (see `reserve_positions`, which must run before the transaction writes).
 */
function prepareStatement(t: Tables, streamIds: readonly string[], reserve: number): Statement {
  const first = reserve > 0 ? `(SELECT first FROM r)` : '0';
  return [
    `WITH r AS MATERIALIZED (SELECT ${t.reservePositions}($2) AS first WHERE $2 > 0)
      SELECT ${first}::text AS first, s.id AS stream_id, e.stream_version AS version, e.hash
      FROM unnest($1::text[]) AS s(id)
      LEFT JOIN LATERAL (SELECT stream_version, hash FROM ${t.events} WHERE stream_id = s.id
        ORDER BY stream_version DESC LIMIT 1) AS e ON true`,
    [streamIds, reserve],
  ];
}

function preparedOf(rows: { first: string; stream_id: string; version: number | null; hash: string }[]) {
  const heads = new Map<string, StreamHead>();
  for (const r of rows) if (r.version !== null) heads.set(r.stream_id, { version: r.version, hash: r.hash });
  return { heads, firstPosition: Number(rows[0]?.first ?? 0) };
}

/** Runs statements in order, back to back in one round trip on a client in pipeline mode; the last result. */
async function runAll(client: pg.ClientBase, statements: readonly Statement[]): Promise<pg.QueryResult> {
  if ((client as pg.ClientBase & { pipeline?: boolean }).pipeline !== true) {
    let last: pg.QueryResult | undefined;
    for (const [text, params] of statements) last = await client.query(text, params);
    return last!;
  }
  const sent = statements.map(([text, params]) => client.query(text, params));
  for (const p of sent) p.catch(() => undefined);
  return (await Promise.all(sent)).at(-1)!;
}

async function reservePositions(client: pg.ClientBase, t: Tables, count: number): Promise<number> {
  const { rows } = await client.query<{ first: string }>(`SELECT ${t.reservePositions}($1)::text AS first`, [
    count,
  ]);
  return Number(rows[0]!.first);
}

async function storedById(
  client: pg.ClientBase,
  t: Tables,
  eventIds: string[],
): Promise<Map<string, RecordedEvent>> {
  const stored = new Map<string, RecordedEvent>();
  if (eventIds.length === 0) return stored;
  const { rows } = await client.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${t.events} WHERE event_id = ANY($1::text[])`,
    [eventIds],
  );
  for (const row of rows) stored.set(row.event_id, toRecordedEvent(row));
  return stored;
}

/**
 * Runs one `appendMany` as one transaction on `client`: locks its streams, takes positions and reads their
 * heads (one round trip), plans (retries, expected versions, hash chains), and writes every new event with
 * multi-row INSERTs, a NOTIFY and the COMMIT (one more: on a client in pipeline mode the COMMIT is sent right
 * behind the writes). Ids are looked up only when `lookUpIds`,
 * or when planning without them could give another outcome; an id already stored that was not looked up
 * fails the INSERT, and this throws `AppendRaceError` so that the caller runs the call again with the lookup
 * (as it does if the unique index on stream and version ever catches a writer that bypassed the locks). Any
 * failure rolls back, so a failed call writes nothing.
 */
export async function appendInTransaction(
  client: pg.ClientBase,
  t: Tables,
  requests: readonly AppendRequest[],
  hooks: AppendHooks,
  lookUpIds: boolean,
): Promise<AppendResult[]> {
  const total = requests.reduce((n, r) => n + r.events.length, 0);
  const late = hooks.unsafeLatePositions === true;
  const streamIds = [...new Set(requests.map((r) => r.streamId))];
  try {
    // BEGIN, the locks and the heads in one round trip.
    const { rows } = await runAll(client, [
      ['BEGIN'],
      ...(total > 0 ? [lockStatement(t, streamIds)] : []),
      // UNSAFE mode: the transaction id first, as a store gets it that locks rows or writes something first,
      // and then may wait a little (on another lock) before drawing positions.
      ...(late ? [['SELECT pg_current_xact_id(), pg_sleep(random() * 0.005)'] as const] : []),
      prepareStatement(t, streamIds, late ? 0 : total),
    ]);
    const { heads, firstPosition } = preparedOf(rows);
    const ids = () => requests.flatMap((r) => r.events.map((e) => e.eventId));
    let writer = new EventWriter(client, t);
    const add: Emit = (e, dataJson, metadataJson) => writer.add(e, dataJson, metadataJson);
    const planFrom = async (first: number, emit: Emit) => {
      try {
        const stored = lookUpIds ? await storedById(client, t, ids()) : undefined;
        return plan(requests, new Map(heads), stored, first, emit);
      } catch (error) {
        if (!(error instanceof LookupNeeded)) throw error;
        // Statements already sent cannot be taken back: run the call again, looking ids up first.
        if (writer.sent)
          throw new AppendRaceError('an event id may already be recorded', true, { cause: error });
        writer = new EventWriter(client, t);
        return plan(requests, new Map(heads), await storedById(client, t, ids()), first, add);
      }
    };
    let outcome: ReturnType<typeof plan>;
    let committed = false;
    try {
      let first = firstPosition;
      if (late && (await planFrom(0, () => undefined)).written > 0) {
        // UNSAFE mode: positions drawn only after the events are planned, just before the INSERT.
        first = await reservePositions(client, t, total);
      }
      outcome = await planFrom(first, add);
      if (outcome.written === 0) {
        await client.query('ROLLBACK');
        return outcome.results;
      }
      // COMMIT goes with the writes unless a test wants to run something in between.
      committed = await writer.finish(t.channel, String(outcome.lastPosition), !hooks.beforeCommit);
    } catch (error) {
      await writer.settle();
      throw error;
    }
    if (!committed) {
      await hooks.beforeCommit?.(client);
      await client.query('COMMIT');
    }
    return outcome.results;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw raceOf(error) ?? error;
  }
}

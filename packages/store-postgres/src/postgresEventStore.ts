import {
  type AppendRequest,
  type AppendResult,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedVersion,
  type FoldedEvent,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadPagesOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  StoreUnavailableError,
  type SubscribeOptions,
} from '@lvzhi/core';
import pg from 'pg';
import { type AppendHooks, AppendRaceError, appendInTransaction } from './appendTransaction.ts';
import { resolveTarget } from './connectionTarget.ts';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './eventRow.ts';
import { LiveWakeups } from './liveWakeups.ts';
import { DecodingQuery, LogPages, NO_UPPER_BOUND, PAGE_SIZE, type TextRow } from './pagedReads.ts';
import { closedError, isRetryable, openError, toStoreError } from './postgresErrors.ts';
import { migrate, type Tables, tablesOf } from './schema.ts';

/** Options of `PostgresEventStore.connect`. */
export interface PostgresEventStoreOptions {
  /**
   * The PostgreSQL schema that holds the store's tables (created when missing); default the URL's
   * `?schema=` parameter, else `lvzhi`.
   */
  readonly schema?: string;
}

/** Test seams (not exported from the package): slow appends, and reads without the gap guard. */
export interface InternalStoreOptions extends PostgresEventStoreOptions {
  readonly hooks?: AppendHooks;
  /** Reads every committed row, ignoring transactions still in flight: UNSAFE, only to prove the guard. */
  readonly unsafeNoGapGuard?: boolean;
}

const DEFAULT_POLL_INTERVAL_MS = 250;
const MAX_ATTEMPTS = 30;

/** Errors of the port itself: the transaction was rolled back cleanly, the connection is reusable. */
function isPortError(error: unknown): boolean {
  return (
    error instanceof ConcurrencyError ||
    error instanceof DuplicateEventIdError ||
    error instanceof AppendRaceError
  );
}

/**
 * An event store in a PostgreSQL schema (`pg`), safe for many processes: every `appendMany` is one
 * transaction that locks its streams (advisory locks), reserves positions together with its transaction id,
 * and writes its events with multi-row INSERTs. `readAll` and `subscribe` never pass an event that a slower
 * transaction may still commit below it (they read only rows of transactions older than every transaction in
 * flight, and positions follow transaction ids), so a checkpoint never skips one; `subscribe` is woken by
 * LISTEN/NOTIFY and polls as a fallback.
 *
 * @example
 * const store = await PostgresEventStore.connect('postgres://lvzhi@localhost/lvzhi');
 * await store.append('member-1', [event], { expectedVersion: 'no-stream' });
 */
export class PostgresEventStore implements EventStore {
  readonly #pool: pg.Pool;
  readonly #tables: Tables;
  readonly #schema: string;
  readonly #where: string;
  readonly #hooks: AppendHooks;
  readonly #wakeups: LiveWakeups;
  readonly #pages: LogPages;
  #closed = false;

  private constructor(pool: pg.Pool, schema: string, where: string, options: InternalStoreOptions) {
    this.#pool = pool;
    this.#schema = schema;
    this.#tables = tablesOf(schema);
    this.#where = where;
    this.#hooks = options.hooks ?? {};
    this.#wakeups = new LiveWakeups(pool.options, this.#tables.channel);
    this.#pages = new LogPages(this.#tables.events, options.unsafeNoGapGuard === true, {
      rows: (sql, params) => this.#rows(sql, params),
      decodedRows: (sql, params, decode) => this.#decodedRows(sql, params, decode),
    });
  }

  /**
   * Connects to the server at `config` (a `postgres://` URL or a `pg` pool configuration) and brings the
   * store's schema up to date; fails with `StoreUnavailableError` naming the server when it cannot.
   */
  static async connect(
    config: string | pg.PoolConfig,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const target = resolveTarget(config, options.schema);
    tablesOf(target.schema);
    const pool = new pg.Pool(target.poolConfig);
    // An idle client whose connection drops is discarded by the pool; the next use reports the failure.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migrate(client, target.schema, target.description);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw openError(error, target.description);
    }
    return new PostgresEventStore(pool, target.schema, target.description, options as InternalStoreOptions);
  }

  /** The connection pool, for sibling packages that keep projection state in the same schema. */
  get pool(): pg.Pool {
    return this.#pool;
  }

  /** The PostgreSQL schema holding the store's tables. */
  get schema(): string {
    return this.#schema;
  }

  /**
   * Runs `fn` in one transaction on one pooled connection (committed when it resolves, rolled back when it
   * throws), for sibling packages that update projection state atomically; server failures become
   * `StoreUnavailableError`.
   */
  transaction<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    return this.#withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async append(
    streamId: string,
    events: readonly ProposedEvent[],
    options?: { readonly expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult> {
    const [result] = await this.appendMany([
      { streamId, events, expectedVersion: options?.expectedVersion ?? 'any' },
    ]);
    return result!;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (requests.length === 0) {
      this.#assertOpen();
      return [];
    }
    let lookUpIds = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await this.#withClient((client) =>
          appendInTransaction(client, this.#tables, requests, this.#hooks, lookUpIds),
        );
        if (results.some((r) => r.events.length > 0)) this.#wakeups.signal();
        return results;
      } catch (error) {
        // A lost race or deadlock wrote nothing; the whole call runs again against what is stored now.
        if (attempt < MAX_ATTEMPTS && (error instanceof AppendRaceError || isRetryable(error))) {
          if (error instanceof AppendRaceError && error.lookUpIds) lookUpIds = true;
          else await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10)));
          continue;
        }
        if (error instanceof AppendRaceError) {
          throw new StoreUnavailableError(
            `PostgreSQL event store ${this.#where}: gave up after ${MAX_ATTEMPTS} attempts under contention (${error.message})`,
            { cause: error },
          );
        }
        throw error;
      }
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backward = options.direction === 'backward';
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    let from = options.from ?? (backward ? NO_UPPER_BOUND : 1);
    const sql = `SELECT ${EVENT_COLUMNS} FROM ${this.#tables.events} WHERE stream_id = $1 AND stream_version ${
      backward ? '<=' : '>='
    } $2 ORDER BY stream_version ${backward ? 'DESC' : ''} LIMIT $3`;
    while (remaining > 0) {
      const size = Math.min(PAGE_SIZE, remaining);
      const rows = await this.#rows<EventRow>(sql, [streamId, Math.min(from, 2 ** 31 - 1), size]);
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows.at(-1);
      if (rows.length < size || !last) return;
      remaining -= rows.length;
      from = backward ? last.stream_version - 1 : last.stream_version + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const rows of this.#pages.rows(options)) {
      for (const row of rows) yield toRecordedEvent(row);
    }
  }

  /**
   * The log in pages of lean events for folds: the same events as `readAll` (keyset paging, gap-safe), without
   * the hash chain, metadata decoded when first read, or not read at all when `withoutMetadata`.
   */
  readPages(options: ReadPagesOptions = {}): AsyncIterable<readonly FoldedEvent[]> {
    return this.#pages.folded(options);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const [row] = await this.#rows<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.#tables.events} WHERE event_id = $1`,
      [eventId],
    );
    return row && toRecordedEvent(row);
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    let after = options.after ?? 0;
    while (!signal?.aborted && !this.#closed) {
      const seen = this.#wakeups.count;
      let rows: EventRow[];
      try {
        rows = await this.#rows<EventRow>(this.#pages.pageOfLog, [after, NO_UPPER_BOUND, PAGE_SIZE]);
      } catch (error) {
        if (this.#closed || signal?.aborted) return;
        throw error;
      }
      for (const row of rows) {
        if (signal?.aborted || this.#closed) return;
        const event = toRecordedEvent(row);
        after = event.globalPosition;
        yield event;
      }
      if (rows.length < PAGE_SIZE) await this.#wakeups.wait(seen, pollIntervalMs, signal);
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.#rows<{ version: number }>(
      `SELECT coalesce(max(stream_version), 0) AS version FROM ${this.#tables.events} WHERE stream_id = $1`,
      [streamId],
    );
    return row?.version ?? 0;
  }

  /** The highest position committed, including events a slower transaction may still precede (for lag). */
  async headPosition(): Promise<number> {
    const [row] = await this.#rows<{ head: string }>(
      `SELECT coalesce(max(global_position), 0)::text AS head FROM ${this.#tables.events}`,
    );
    return Number(row!.head);
  }

  async *listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }> {
    // A stream's first appearance is its version 1; its version is the highest one (from the unique index).
    let after = 0;
    while (true) {
      const rows = await this.#rows<{ stream_id: string; version: number; first_position: string }>(
        `SELECT f.stream_id, f.global_position AS first_position,
          (SELECT max(m.stream_version) FROM ${this.#tables.events} m WHERE m.stream_id = f.stream_id) AS version
          FROM ${this.#tables.events} f WHERE f.stream_version = 1 AND f.global_position > $1
          ORDER BY f.global_position LIMIT $2`,
        [after, PAGE_SIZE],
      );
      for (const r of rows) yield { streamId: r.stream_id, version: r.version };
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) return;
      after = Number(last.first_position);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#wakeups.close();
    await this.#pool.end().catch(() => undefined);
  }

  #assertOpen(): void {
    if (this.#closed) throw closedError(this.#where);
  }

  async #rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    this.#assertOpen();
    try {
      return (await this.#pool.query<R>(sql, params)).rows;
    } catch (error) {
      if (this.#closed) throw closedError(this.#where);
      throw toStoreError(error, this.#where);
    }
  }

  /** Rows decoded as they arrive (`DecodingQuery`), with the same error handling as `#rows`. */
  async #decodedRows<T>(text: string, values: unknown[], decode: (fields: TextRow) => T): Promise<T[]> {
    this.#assertOpen();
    const query = new DecodingQuery({ text, values }, decode);
    try {
      // `pg-pool` runs a submittable like any query when given a callback (the client is released after it,
      // and discarded if its connection failed); the types only declare the client's form.
      const run = this.#pool.query.bind(this.#pool) as unknown as (
        query: DecodingQuery<T>,
        done: (error: Error | undefined) => void,
      ) => void;
      await new Promise<void>((resolve, reject) =>
        run(query, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      if (this.#closed) throw closedError(this.#where);
      throw toStoreError(error, this.#where);
    }
    if (query.failure) throw query.failure.error;
    return query.received;
  }

  /** Runs `work` on one pooled connection, translating server failures; a broken connection is discarded. */
  async #withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    this.#assertOpen();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      if (this.#closed) throw closedError(this.#where);
      throw toStoreError(error, this.#where);
    }
    // A connection that drops between queries emits 'error' on the checked-out client; the next query
    // then fails and reports it, so the event itself only needs a listener.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      const result = await work(client);
      client.removeListener('error', ignore);
      client.release();
      return result;
    } catch (error) {
      client.removeListener('error', ignore);
      const mapped = toStoreError(error, this.#where);
      client.release(isPortError(mapped) ? undefined : (error as Error));
      throw mapped;
    }
  }
}

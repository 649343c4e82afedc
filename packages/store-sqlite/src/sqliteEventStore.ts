import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  chainEventsEncoded,
  classifyAppend,
  DuplicateEventIdError,
  EMPTY_HEAD,
  type EventStore,
  type ExpectedVersion,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type SubscribeOptions,
} from '@lvzhi/core';
import Database from 'better-sqlite3';
import { toRecordedEvent } from './eventRow.ts';
import { assertMigrated, migrate } from './schema.ts';
import { closedError, openError, toStoreError } from './sqliteErrors.ts';
import { prepareStatements, type Statements } from './statements.ts';

/** Options of `SqliteEventStore.open`. */
export interface SqliteEventStoreOptions {
  /** Open without writing (no migration; appends fail with `StoreUnavailableError`). Default false. */
  readonly readonly?: boolean;
  /** How long to wait for another process's write lock before giving up (ms). Default 5000. */
  readonly busyTimeoutMs?: number;
}

const PAGE_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 100;
const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * An event store in one SQLite file (WAL mode), safe for several processes sharing the file: every append is
 * a single `BEGIN IMMEDIATE` transaction. `synchronous=NORMAL` keeps every committed append across a crash of
 * the process; a power loss or OS crash may lose the last commits, never corrupt the file.
 *
 * @example
 * const store = SqliteEventStore.open('lvzhi.db');
 * await store.append('member-1', [event], { expectedVersion: 'no-stream' });
 */
export class SqliteEventStore implements EventStore {
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #statements: Statements;
  readonly #appendAll: Database.Transaction<(requests: readonly AppendRequest[]) => AppendResult[]>;
  readonly #waiters = new Set<() => void>();
  #appends = 0;
  #closed = false;

  private constructor(db: Database.Database, path: string) {
    this.#db = db;
    this.#path = path;
    this.#statements = prepareStatements(db);
    this.#appendAll = db.transaction((requests: readonly AppendRequest[]) =>
      this.#appendInTransaction(requests),
    );
  }

  /** Opens (creating and migrating unless read-only) the store in the file at `path`, or `':memory:'`. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const readonly = options.readonly ?? false;
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 5000 });
      if (readonly) {
        assertMigrated(db, path);
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        migrate(db, path);
      }
      return new SqliteEventStore(db, path);
    } catch (error) {
      db?.close();
      throw openError(error, path);
    }
  }

  /**
   * The underlying better-sqlite3 connection, for sibling packages that keep projection state in the same
   * file; do not write to the `events` table.
   */
  get database(): Database.Database {
    return this.#db;
  }

  /**
   * Runs synchronous `fn` in one `BEGIN IMMEDIATE` transaction on `database` (nested calls become savepoints),
   * for sibling packages that update projection state atomically; the store's async methods are not part of it.
   */
  transaction<T>(fn: () => T): T {
    return this.#sync(() => this.#db.transaction(fn).immediate());
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
    const results = this.#sync(() => this.#appendAll.immediate(requests));
    this.#appends += 1;
    for (const wake of [...this.#waiters]) wake();
    return results;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backward = options.direction === 'backward';
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    let from = options.from ?? (backward ? NO_UPPER_BOUND : 1);
    const page = backward ? this.#statements.pageOfStreamBackward : this.#statements.pageOfStreamForward;
    while (remaining > 0) {
      const size = Math.min(PAGE_SIZE, remaining);
      const rows = this.#sync(() => page.all(streamId, from, size));
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows.at(-1);
      if (rows.length < size || !last) return;
      remaining -= rows.length;
      from = backward ? last.stream_version - 1 : last.stream_version + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const batchSize = options.batchSize ?? PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? NO_UPPER_BOUND;
    let after = options.after ?? 0;
    while (true) {
      const rows = this.#sync(() => this.#statements.pageOfLog.all(after, to, batchSize));
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) return;
      after = last.global_position;
    }
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const row = this.#sync(() => this.#statements.eventById.get(eventId));
    return row && toRecordedEvent(row);
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    let after = options.after ?? 0;
    while (!signal?.aborted && !this.#closed) {
      const appendsSeen = this.#appends;
      const rows = this.#sync(() => this.#statements.pageOfLog.all(after, NO_UPPER_BOUND, PAGE_SIZE));
      for (const row of rows) {
        if (signal?.aborted || this.#closed) return;
        const event = toRecordedEvent(row);
        after = event.globalPosition;
        yield event;
      }
      if (rows.length < PAGE_SIZE) await this.#nextAppendOrPoll(appendsSeen, pollIntervalMs, signal);
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.#sync(() => this.#statements.streamVersion.get(streamId) ?? 0);
  }

  async headPosition(): Promise<number> {
    return this.#sync(() => this.#statements.headPosition.get() ?? 0);
  }

  async *listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }> {
    let after = 0;
    while (true) {
      const rows = this.#sync(() => this.#statements.pageOfStreams.all(after, PAGE_SIZE));
      for (const { streamId, version } of rows) yield { streamId, version };
      const last = rows.at(-1);
      if (rows.length < PAGE_SIZE || !last) return;
      after = last.firstPosition;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const wake of [...this.#waiters]) wake();
    this.#db.close();
  }

  /** The body of one `appendMany` transaction: idempotency, version checks, chaining and inserts. */
  #appendInTransaction(requests: readonly AppendRequest[]): AppendResult[] {
    const { eventById, eventExists, insertEvent } = this.#statements;
    const heads = new Map<string, StreamHead>();
    const written = new Set<string>();
    const results: AppendResult[] = [];
    for (const { streamId, events, expectedVersion } of requests) {
      // Ids written earlier in this call are visible here, but reusing one is a duplicate, not a retry.
      const reused = events.find((e) => written.has(e.eventId));
      if (reused) throw new DuplicateEventIdError(reused.eventId);
      // Cheap path: a first id the store has never seen makes this a new append; a later id reused from
      // another append is caught by the UNIQUE index and reported as a duplicate.
      const first = events[0];
      const seen = first !== undefined && eventExists.get(first.eventId) !== undefined;
      const kind = seen
        ? classifyAppend(
            streamId,
            events,
            events.map((e) => {
              const row = eventById.get(e.eventId);
              return row && toRecordedEvent(row);
            }),
          )
        : ({ kind: 'new' } as const);
      if (kind.kind === 'retry') {
        // The version the original append reached, not the head: a caller continuing from it must still
        // conflict with whatever others appended since.
        results.push({
          streamId,
          nextExpectedVersion: kind.events.at(-1)!.streamVersion,
          events: kind.events,
        });
        continue;
      }
      const head = heads.get(streamId) ?? this.#statements.streamHead.get(streamId) ?? EMPTY_HEAD;
      assertExpectedVersion(streamId, expectedVersion ?? 'any', head.version);
      const recorded: RecordedEvent[] = [];
      for (const { event: e, dataJson, metadataJson } of chainEventsEncoded(streamId, head, events)) {
        if (written.has(e.eventId)) throw new DuplicateEventIdError(e.eventId);
        written.add(e.eventId);
        let lastInsertRowid: number | bigint;
        try {
          ({ lastInsertRowid } = insertEvent.run(
            e.eventId,
            streamId,
            e.streamVersion,
            e.type,
            e.schemaVersion,
            dataJson,
            metadataJson,
            e.metadata.recordedAt,
            e.prevHash,
            e.hash,
          ));
        } catch (error) {
          if (
            error instanceof Database.SqliteError &&
            error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
            error.message.includes('event_id')
          ) {
            throw new DuplicateEventIdError(e.eventId);
          }
          throw error;
        }
        recorded.push({ ...e, globalPosition: Number(lastInsertRowid) });
      }
      const last = recorded.at(-1);
      if (last) heads.set(streamId, { version: last.streamVersion, hash: last.hash });
      results.push({ streamId, nextExpectedVersion: last?.streamVersion ?? head.version, events: recorded });
    }
    return results;
  }

  /** Resolves on the next append through this instance, after `pollIntervalMs`, on abort or on close. */
  #nextAppendOrPoll(
    appendsSeen: number,
    pollIntervalMs: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (this.#appends !== appendsSeen || signal?.aborted || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Runs synchronous database work on an open store, translating SQLite failures. */
  #sync<T>(work: () => T): T {
    if (this.#closed) throw closedError(this.#path);
    try {
      return work();
    } catch (error) {
      throw toStoreError(error, this.#path);
    }
  }
}

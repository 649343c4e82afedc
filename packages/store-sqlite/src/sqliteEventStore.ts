import { statSync } from 'node:fs';
import {
  type AppendRequest,
  type AppendResult,
  decodeFoldedEvent,
  type EventStore,
  type ExpectedVersion,
  type FoldedEvent,
  type FoldedEventRow,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadPagesOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  StoreUnavailableError,
  type SubscribeOptions,
} from '@lvzhi/core';
import Database from 'better-sqlite3';
import { AppendThread } from './appendThread.ts';
import { appendInTransaction, type KnownHeads } from './appendTransaction.ts';
import { toRecordedEvent } from './eventRow.ts';
import { assertMigrated, migrate } from './schema.ts';
import { closedError, openError, toStoreError } from './sqliteErrors.ts';
import { HEAD_POSITION_SQL, INSERT_EVENT_SQL, prepareStatements, type Statements } from './statements.ts';
import { planResults, planThreadAppend } from './threadAppendPlan.ts';

/** Options of `SqliteEventStore.open`. */
export interface SqliteEventStoreOptions {
  /** Open without writing (no migration; appends fail with `StoreUnavailableError`). Default false. */
  readonly readonly?: boolean;
  /** How long to wait for another process's write lock before giving up (ms). Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * Hash and insert on a worker thread with a connection of its own, from the second append on, so that
   * the caller can prepare its next batch meanwhile (what `lvzhi record` does). Appends stay one transaction
   * each, in call order, with the same results and errors. Default false.
   */
  readonly appendThread?: boolean;
}

const PAGE_SIZE = 500;
/** WAL pages (of 4 KiB by default) after which a commit checkpoints (SQLite's default: 1,000). */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const DEFAULT_POLL_INTERVAL_MS = 100;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
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
/** The device and inode of a database file; undefined for an in-memory database or a file that is not there. */
function fileIdentity(path: string): { dev: number; ino: number } | undefined {
  if (path === ':memory:' || path === '') return undefined;
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats && { dev: stats.dev, ino: stats.ino };
}

export class SqliteEventStore implements EventStore {
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #statements: Statements;
  readonly #appendAll: Database.Transaction<(requests: readonly AppendRequest[]) => AppendResult[]>;
  readonly #waiters = new Set<() => void>();
  /** Stream heads as this instance last wrote them (see `KnownHeads`). */
  readonly #known: KnownHeads = { heads: new Map(), lastWritten: -1 };
  #appends = 0;
  #closed = false;
  /** The file opened (device and inode), to notice it being removed or replaced while open. */
  readonly #file: { readonly dev: number; readonly ino: number } | undefined;
  readonly #busyTimeoutMs: number;
  /** Whether appends may go through the writer thread; then they run one after another on `#queue`. */
  readonly #threaded: boolean;
  #thread: AppendThread | undefined;
  #appendsOnThread = 0;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(db: Database.Database, path: string, options: SqliteEventStoreOptions) {
    this.#db = db;
    this.#path = path;
    this.#file = fileIdentity(path);
    this.#busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    this.#threaded = options.appendThread === true && !options.readonly && this.#file !== undefined;
    this.#statements = prepareStatements(db);
    this.#appendAll = db.transaction((requests: readonly AppendRequest[]) => {
      const results = appendInTransaction(this.#statements, this.#known, requests);
      // Before COMMIT: a file deleted or replaced under an open connection would take the commit with it.
      this.#assertSameFile();
      return results;
    });
  }

  /** Opens (creating and migrating unless read-only) the store in the file at `path`, or `':memory:'`. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const readonly = options.readonly ?? false;
    let db: Database.Database | undefined;
    try {
      db = new Database(path, {
        readonly,
        fileMustExist: readonly,
        timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      });
      if (readonly) {
        assertMigrated(db, path);
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // Checkpoint every ~40 MB of WAL instead of ~4 MB: an import rewrites the same index pages batch after
        // batch, and each checkpoint costs two fsyncs; commits stay exactly as durable.
        db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
        migrate(db, path);
      }
      return new SqliteEventStore(db, path, options);
    } catch (error) {
      db?.close();
      throw openError(error, path);
    }
  }

  /** How many appends the writer thread made (see `appendThread`); the others ran on this thread. */
  get appendsOnThread(): number {
    return this.#appendsOnThread;
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
    if (!this.#threaded) return this.#appendHere(requests);
    const turn = this.#queue.then(() => this.#appendThreaded(requests));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Appends on this thread's connection: the exact path, which every case can take. */
  #appendHere(requests: readonly AppendRequest[]): AppendResult[] {
    let results: AppendResult[];
    try {
      results = this.#sync(() => this.#appendAll.immediate(requests));
    } catch (error) {
      // The transaction rolled back: heads cached during it may be ahead of the file.
      this.#known.heads.clear();
      this.#known.lastWritten = -1;
      throw error;
    }
    this.#appended();
    return results;
  }

  /**
   * Appends through the writer thread when the heads are known from this store's last append and the
   * requests need nothing but inserts; otherwise, or when the thread wrote nothing (another connection
   * appended since, a constraint, a failure), on this thread's connection, which decides exactly.
   */
  async #appendThreaded(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (this.#closed) throw closedError(this.#path);
    if (this.#known.lastWritten < 0 || this.#thread?.stopped) return this.#appendHere(requests);
    const plan = planThreadAppend(requests, this.#known.heads, (streamId) =>
      this.#sync(() => this.#statements.streamHead.get(streamId)),
    );
    if (plan === undefined || plan.rows.length === 0) return this.#appendHere(requests);
    this.#thread ??= new AppendThread({
      path: this.#path,
      busyTimeoutMs: this.#busyTimeoutMs,
      walAutocheckpointPages: WAL_AUTOCHECKPOINT_PAGES,
      insertSql: INSERT_EVENT_SQL,
      headPositionSql: HEAD_POSITION_SQL,
      file: this.#file ?? null,
    });
    const reply = await this.#thread.append(this.#known.lastWritten, plan.rows);
    if (!reply.ok) return this.#appendHere(requests);
    this.#appendsOnThread += 1;
    const { results, heads } = planResults(plan, reply.positions, reply.hashes);
    for (const [streamId, head] of heads) this.#known.heads.set(streamId, head);
    this.#known.lastWritten = reply.positions[reply.positions.length - 1]!;
    this.#appended();
    return results;
  }

  #appended(): void {
    this.#appends += 1;
    for (const wake of [...this.#waiters]) wake();
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
    for await (const rows of this.#pagesOfRows(
      options,
      this.#statements.pageOfLog,
      (r) => r.at(-1)?.global_position,
    )) {
      for (const row of rows) yield toRecordedEvent(row);
    }
  }

  async *readPages(options: ReadPagesOptions = {}): AsyncIterable<readonly FoldedEvent[]> {
    const statement = options.withoutMetadata
      ? this.#statements.pageOfLogForFoldsWithoutMetadata
      : this.#statements.pageOfLogForFolds;
    const last = (rows: readonly FoldedEventRow[]) => rows.at(-1)?.[0];
    for await (const rows of this.#pagesOfRows(options, statement, last)) {
      yield rows.map((row) => decodeFoldedEvent(row));
    }
  }

  /** The log's rows in pages of `batchSize`, in global order (keyset paging on the position). */
  async *#pagesOfRows<R>(
    options: ReadAllOptions,
    statement: Database.Statement<[after: number, to: number, limit: number], R>,
    lastPosition: (rows: readonly R[]) => number | undefined,
  ): AsyncGenerator<R[]> {
    const batchSize = options.batchSize ?? PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? NO_UPPER_BOUND;
    let after = options.after ?? 0;
    while (true) {
      const rows = this.#sync(() => statement.all(after, to, batchSize));
      if (rows.length > 0) yield rows;
      const last = lastPosition(rows);
      if (rows.length < batchSize || last === undefined) return;
      after = last;
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
    // Appends in flight finish first (a store without the writer thread has none).
    if (this.#threaded) await this.#queue;
    if (this.#closed) return;
    this.#closed = true;
    for (const wake of [...this.#waiters]) wake();
    await this.#thread?.close();
    this.#db.close();
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

  /** Throws, rolling the transaction back, when the file at the path is no longer the one opened. */
  #assertSameFile(): void {
    if (this.#file === undefined) return;
    const now = fileIdentity(this.#path);
    if (now?.dev !== this.#file.dev || now.ino !== this.#file.ino) {
      throw new StoreUnavailableError(
        `SQLite event store '${this.#path}': the file was ${now === undefined ? 'removed' : 'replaced'} while open; nothing was written (open the store again)`,
      );
    }
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

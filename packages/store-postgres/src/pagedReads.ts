import {
  decodeFoldedEvent,
  type FoldedEvent,
  type FoldedEventRow,
  type ReadAllOptions,
  type ReadPagesOptions,
} from '@lvzhi/core';
import pg from 'pg';
import { EVENT_COLUMNS, type EventRow } from './eventRow.ts';

/** Rows per page of `readAll` and `subscribe` when the caller does not say. */
export const PAGE_SIZE = 500;
/** Rows per page of `readPages` when the caller does not say (folds read the whole log). */
const FOLD_PAGE_SIZE = 2_000;
/**
 * Pages of `readPages` requested ahead of the one being read. Measured in alternating fresh-process rebuilds
 * on a loaded 2-core machine: 1 or 2 about a quarter faster (median) than requesting the next page only
 * when a page arrives, 3 no faster; in a quieter series the medians were mixed, the best runs again ahead.
 */
const PAGES_AHEAD = 2;
/** No upper bound on a position. */
export const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;
/** The columns a fold reads, in `FoldedEventRow` order (data and metadata are stored as JSON text). */
const FOLD_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, data';

/** One row as the server sent it: each column's text (positions and versions as decimal digits). */
export type TextRow = (string | null)[];

/**
 * A query that decodes each row from the text fields the protocol delivered, as soon as it arrives, skipping
 * `pg`'s per-row result building (a parsed copy of every row, a `row` event, a parser call per field): rows
 * are decoded while the rest of the page is still on its way. Decoded rows collect in `received` (not
 * `rows`: `pg.Query` reads that as a row count to fetch at a time); the first row that does not decode stops
 * the decoding, and its error is kept in `failure` for the caller to throw once the query is over. The
 * callback gets the usual (empty) result.
 */
export class DecodingQuery<T> extends pg.Query {
  readonly received: T[] = [];
  failure: { readonly error: unknown } | undefined;
  readonly #decode: (fields: TextRow) => T;

  constructor(config: pg.QueryConfig, decode: (fields: TextRow) => T) {
    super(config);
    this.#decode = decode;
  }

  /** Called by `pg` for each DataRow message (text format: a string or null per column). */
  handleDataRow(message: { readonly fields: TextRow }): void {
    if (this.failure) return;
    try {
      this.received.push(this.#decode(message.fields));
    } catch (error) {
      this.failure = { error };
    }
  }
}

/** How the paged reads reach the server; both map server failures to the store's errors. */
export interface PageQueries {
  /** Rows as objects, with `pg`'s usual parsing. */
  rows<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]>;
  /** Rows decoded by `decode` as they arrive (see `DecodingQuery`); rejects with a row's decoding error. */
  decodedRows<T>(sql: string, params: unknown[], decode: (fields: TextRow) => T): Promise<T[]>;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * A fold's row from its text fields, converted in place (the array is the query's own, used once): the
 * position and the versions as numbers, and metadata null when it was not selected.
 */
function foldedRow(fields: TextRow, withMetadata: boolean): FoldedEventRow {
  const row = fields as unknown[];
  row[0] = Number(row[0]);
  row[3] = Number(row[3]);
  row[5] = Number(row[5]);
  if (!withMetadata) row[7] = null;
  return row as unknown as FoldedEventRow;
}

const decodeWithMetadata = (fields: TextRow) => decodeFoldedEvent(foldedRow(fields, true));
const decodeWithoutMetadata = (fields: TextRow) => decodeFoldedEvent(foldedRow(fields, false));

/**
 * The log in global order, a page at a time, for `readAll`, `readPages` and `subscribe`: keyset paging on
 * the position, and, unless `unsafeNoGapGuard`, only rows of transactions older than every transaction in
 * flight (positions follow transaction ids, so what a page holds is a prefix of the log that never gains
 * an event below its end).
 */
export class LogPages {
  /** A page of whole rows: $1 after, $2 to (inclusive), $3 limit. */
  readonly pageOfLog: string;
  readonly #foldPage: { readonly withMetadata: string; readonly withoutMetadata: string };
  readonly #queries: PageQueries;

  constructor(events: string, unsafeNoGapGuard: boolean, queries: PageQueries) {
    this.#queries = queries;
    const guard = unsafeNoGapGuard
      ? ''
      : 'AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))';
    // The upper bound is applied to the page rather than in the scan: with both bounds in the scan, a table
    // without statistics yet (just after a bulk copy) is planned as a bitmap scan of everything after $1 plus
    // a sort, per page (quadratic), instead of an index scan that stops after $3 rows.
    const page = (columns: string) => `SELECT ${columns} FROM (
        SELECT ${columns} FROM ${events}
        WHERE global_position > $1 ${guard}
        ORDER BY global_position LIMIT $3
      ) page WHERE global_position <= $2 ORDER BY global_position`;
    this.pageOfLog = page(EVENT_COLUMNS);
    // The same rows for folds, without the hash chain (and without metadata when the fold never reads it).
    this.#foldPage = {
      withMetadata: page(`${FOLD_COLUMNS}, metadata`),
      withoutMetadata: page(FOLD_COLUMNS),
    };
  }

  /** The log's whole rows in pages of `batchSize` (default `PAGE_SIZE`). */
  async *rows(options: ReadAllOptions): AsyncGenerator<EventRow[]> {
    const batchSize = options.batchSize ?? PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? NO_UPPER_BOUND;
    let after = options.after ?? 0;
    while (true) {
      const rows = await this.#queries.rows<EventRow>(this.pageOfLog, [after, to, batchSize]);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) return;
      after = Number(last.global_position);
    }
  }

  /**
   * The log in pages of lean events for folds (see `PostgresEventStore.readPages`), with `PAGES_AHEAD` pages
   * requested ahead so that the server reads them while the caller decodes and folds this one. Positions are
   * almost always consecutive, so the page after a full page of `batchSize` rows after `a` is requested at
   * once as the page after `a + batchSize`; when the full page ends elsewhere (a gap left by a rolled-back
   * append), what was requested ahead is dropped and the next page requested after the real end. A page is
   * used only when it starts right after the previous page's last row, so the pages are exactly keyset pages.
   */
  async *folded(options: ReadPagesOptions): AsyncGenerator<readonly FoldedEvent[]> {
    const batchSize = options.batchSize ?? FOLD_PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? NO_UPPER_BOUND;
    const withMetadata = options.withoutMetadata !== true;
    const sql = withMetadata ? this.#foldPage.withMetadata : this.#foldPage.withoutMetadata;
    const decode = withMetadata ? decodeWithMetadata : decodeWithoutMetadata;
    const ahead: { after: number; rows: Promise<FoldedEvent[]> }[] = [];
    const request = (after: number) => {
      const rows = this.#queries.decodedRows(sql, [after, to, batchSize], decode);
      // Awaited in turn; if the caller stops first, or the page is dropped, its outcome is of no use.
      rows.catch(() => undefined);
      ahead.push({ after, rows });
    };
    const drop = () => ahead.splice(0).map((p) => p.rows.catch(() => undefined));
    request(options.after ?? 0);
    try {
      while (ahead.length > 0) {
        while (ahead.length < PAGES_AHEAD + 1 && ahead.at(-1)!.after + batchSize < to) {
          request(ahead.at(-1)!.after + batchSize);
        }
        const events = await ahead.shift()!.rows;
        const last = events.at(-1);
        if (events.length < batchSize || !last) {
          await Promise.all(drop());
        } else if (ahead[0]?.after !== last.globalPosition) {
          await Promise.all(drop());
          request(last.globalPosition);
        }
        if (events.length > 0) yield events;
      }
    } finally {
      // A caller that stops early leaves pages requested ahead: let them finish before returning.
      await Promise.all(drop());
    }
  }
}

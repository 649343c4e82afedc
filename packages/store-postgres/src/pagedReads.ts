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
/** No upper bound on a position. */
export const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;
/** The columns a fold reads, in `FoldedEventRow` order (data and metadata are stored as JSON text). */
const FOLD_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, data';

/** One row as the server sent it: each column's text (positions and versions as decimal digits). */
export type TextRow = (string | null)[];

/**
 * A query that keeps each row as the text fields the protocol delivered, skipping `pg`'s per-row result
 * building (a parsed copy of every row, a `row` event, a parser call per field): a fold decodes the few
 * numeric columns itself. Rows arrive in `received` as they are received; the callback gets the usual (empty)
 * result. (Not `rows`: `pg.Query` reads that as a row count to fetch at a time.)
 */
export class TextRowsQuery extends pg.Query {
  readonly received: TextRow[] = [];

  /** Called by `pg` for each DataRow message (text format: a string or null per column). */
  handleDataRow(message: { readonly fields: TextRow }): void {
    this.received.push(message.fields);
  }
}

/** How the paged reads reach the server; both map failures to the store's errors. */
export interface PageQueries {
  /** Rows as objects, with `pg`'s usual parsing. */
  rows<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]>;
  /** Rows as text fields (see `TextRowsQuery`). */
  textRows(sql: string, params: unknown[]): Promise<TextRow[]>;
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
   * The log in pages of lean events for folds (see `PostgresEventStore.readPages`). The next page is
   * requested as soon as a page arrives, so that the server reads it while the caller folds this one.
   */
  async *folded(options: ReadPagesOptions): AsyncGenerator<readonly FoldedEvent[]> {
    const batchSize = options.batchSize ?? FOLD_PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? NO_UPPER_BOUND;
    const withMetadata = options.withoutMetadata !== true;
    const sql = withMetadata ? this.#foldPage.withMetadata : this.#foldPage.withoutMetadata;
    const page = (after: number) => this.#queries.textRows(sql, [after, to, batchSize]);
    let next: Promise<TextRow[]> | undefined = page(options.after ?? 0);
    try {
      while (next) {
        const rows: TextRow[] = await next;
        next = undefined;
        const last = rows.at(-1);
        if (rows.length === batchSize && last) {
          next = page(Number(last[0]));
          // Awaited on the next turn; if the caller stops first, its outcome is of no use.
          next.catch(() => undefined);
        }
        if (rows.length === 0) continue;
        const events = new Array<FoldedEvent>(rows.length);
        for (let i = 0; i < rows.length; i++)
          events[i] = decodeFoldedEvent(foldedRow(rows[i]!, withMetadata));
        yield events;
      }
    } finally {
      // A caller that stops early leaves the prefetched page behind: let it finish before returning.
      await next?.catch(() => undefined);
    }
  }
}

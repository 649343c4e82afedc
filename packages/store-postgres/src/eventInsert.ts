import type { RecordedEvent } from '@lvzhi/core';
import type pg from 'pg';
import type { Tables } from './schema.ts';

const COLUMNS = 11;
/** Rows per INSERT statement (sent while the next rows are still being hashed). */
export const ROWS_PER_STATEMENT = 250;

/** A row to write: the event, with its data and metadata as the canonical JSON that was hashed. */
interface PendingRow {
  readonly event: RecordedEvent;
  readonly dataJson: string;
  readonly metadataJson: string;
}

function valuesList(rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const p = r * COLUMNS;
    tuples.push(
      `($${p + 1}::bigint,$${p + 2},$${p + 3},$${p + 4}::integer,$${p + 5},$${p + 6}::integer,$${p + 7},$${p + 8},$${p + 9},$${p + 10},$${p + 11})`,
    );
  }
  return tuples.join(',');
}

/** An INSERT of `rows` rows into `t`'s events. */
function insertOf(t: Tables, rows: number): string {
  return `INSERT INTO ${t.events} (global_position, event_id, stream_id, stream_version, type,
      schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES ${valuesList(rows)}`;
}

/** The full statement (`ROWS_PER_STATEMENT` rows) of each events table, built once. */
const fullInserts = new Map<string, pg.QueryConfig>();

function fullInsert(t: Tables, values: unknown[]): pg.QueryConfig {
  let statement = fullInserts.get(t.events);
  if (!statement) {
    statement = {
      name: `${t.statementPrefix}insert${ROWS_PER_STATEMENT}`,
      text: insertOf(t, ROWS_PER_STATEMENT),
    };
    fullInserts.set(t.events, statement);
  }
  return { ...statement, values };
}

function byStreamAndVersion(a: PendingRow, b: PendingRow): number {
  const x = a.event;
  const y = b.event;
  return x.streamId === y.streamId ? x.streamVersion - y.streamVersion : x.streamId < y.streamId ? -1 : 1;
}

/**
 * Writes one transaction's events with multi-row INSERTs (positions given, not drawn); data and metadata are
 * stored as the canonical JSON their hash was computed over. On a client in pipeline mode each statement is
 * sent as soon as it is full, without waiting for the previous one, so that the server inserts while the
 * caller chains the next events; `finish` sends the rest with a NOTIFY of the last position (and, when asked,
 * the COMMIT) and waits for all. A full statement is a named prepared statement, parsed once per connection.
 * Rows go in order of stream and version within a statement.
 */
export class EventWriter {
  readonly #client: pg.ClientBase;
  readonly #t: Tables;
  #pending: PendingRow[] = [];
  readonly #inFlight: Promise<unknown>[] = [];

  constructor(client: pg.ClientBase, t: Tables) {
    this.#client = client;
    this.#t = t;
  }

  /** Whether any statement was sent. */
  get sent(): boolean {
    return this.#inFlight.length > 0;
  }

  add(event: RecordedEvent, dataJson: string, metadataJson: string): void {
    this.#pending.push({ event, dataJson, metadataJson });
    // Without pipeline mode a client runs one statement at a time: keep the rows until `finish`.
    if (this.#pending.length >= ROWS_PER_STATEMENT && this.#pipelined) this.#send();
  }

  /**
   * Sends what is left with the NOTIFY, then COMMIT when `commit` and the client is in pipeline mode (right
   * behind the writes, in the same round trip: if a write fails, the server has aborted the transaction and
   * turns that COMMIT into a rollback), and waits for every statement; rejects with the first failure.
   * Returns whether it committed.
   */
  async finish(channel: string, lastPosition: string, commit: boolean): Promise<boolean> {
    if (!this.#pipelined) {
      const rows = this.#pending;
      let i = 0;
      for (; rows.length - i > ROWS_PER_STATEMENT; i += ROWS_PER_STATEMENT) {
        this.#pending = rows.slice(i, i + ROWS_PER_STATEMENT);
        this.#send();
        await this.#inFlight.at(-1);
      }
      this.#pending = rows.slice(i);
    }
    this.#send({ channel, lastPosition });
    const committing = commit && this.#pipelined;
    if (committing) this.#track(this.#client.query('COMMIT'));
    await Promise.all(this.#inFlight);
    return committing;
  }

  get #pipelined(): boolean {
    return (this.#client as pg.ClientBase & { pipeline?: boolean }).pipeline === true;
  }

  /** Waits for every statement sent, ignoring failures (before a ROLLBACK). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#inFlight);
  }

  #track(sent: Promise<unknown>): void {
    // Failures are reported by `finish`; until then they must not count as unhandled.
    sent.catch(() => undefined);
    this.#inFlight.push(sent);
  }

  #send(notify?: { channel: string; lastPosition: string }): void {
    const rows = this.#pending.sort(byStreamAndVersion);
    this.#pending = [];
    const params: unknown[] = [];
    for (const { event: e, dataJson, metadataJson } of rows) {
      params.push(
        String(e.globalPosition),
        e.eventId,
        e.streamId,
        e.streamVersion,
        e.type,
        e.schemaVersion,
        dataJson,
        metadataJson,
        e.metadata.recordedAt,
        e.prevHash,
        e.hash,
      );
    }
    if (notify) {
      const insert = insertOf(this.#t, rows.length);
      // The last statement also wakes subscribers (delivered at COMMIT): one round trip for both.
      const n = params.length;
      params.push(notify.channel, notify.lastPosition);
      const sql =
        rows.length > 0
          ? `WITH inserted AS (${insert}) SELECT pg_notify($${n + 1}, $${n + 2})`
          : 'SELECT pg_notify($1, $2)';
      this.#track(this.#client.query(sql, params));
    } else if (rows.length === ROWS_PER_STATEMENT) {
      // The same text every time (per store): parsed and planned once per connection.
      this.#track(this.#client.query(fullInsert(this.#t, params)));
    } else if (rows.length > 0) {
      this.#track(this.#client.query(insertOf(this.#t, rows.length), params));
    }
  }
}

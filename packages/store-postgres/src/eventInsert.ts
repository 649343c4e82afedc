import type { RecordedEvent } from '@lvzhi/core';
import type pg from 'pg';
import type { Tables } from './schema.ts';

const COLUMNS = 11;
/** Rows per INSERT statement (sent while the next rows are still being hashed). */
export const ROWS_PER_STATEMENT = 250;

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

/**
 * Writes one transaction's events with multi-row INSERTs (positions given, not drawn). On a client in
 * pipeline mode each is sent as soon as it is full, without waiting for the previous one, so that the server
 * inserts while the caller chains the next events; `finish` sends the rest with a NOTIFY of the last
 * position and waits for all. Rows go in order of stream and version within a statement.
 */
export class EventWriter {
  readonly #client: pg.ClientBase;
  readonly #t: Tables;
  #pending: RecordedEvent[] = [];
  readonly #inFlight: Promise<unknown>[] = [];

  constructor(client: pg.ClientBase, t: Tables) {
    this.#client = client;
    this.#t = t;
  }

  /** Whether any statement was sent. */
  get sent(): boolean {
    return this.#inFlight.length > 0;
  }

  add(event: RecordedEvent): void {
    this.#pending.push(event);
    // Without pipeline mode a client runs one statement at a time: keep the rows until `finish`.
    if (this.#pending.length >= ROWS_PER_STATEMENT && this.#pipelined) this.#send();
  }

  /** Sends what is left with the NOTIFY and waits for every statement; rejects with the first failure. */
  async finish(channel: string, lastPosition: string): Promise<void> {
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
    await Promise.all(this.#inFlight);
  }

  get #pipelined(): boolean {
    return (this.#client as pg.ClientBase & { pipeline?: boolean }).pipeline === true;
  }

  /** Waits for every statement sent, ignoring failures (before a ROLLBACK). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#inFlight);
  }

  #send(notify?: { channel: string; lastPosition: string }): void {
    const rows = this.#pending.sort((a, b) =>
      a.streamId === b.streamId ? a.streamVersion - b.streamVersion : a.streamId < b.streamId ? -1 : 1,
    );
    this.#pending = [];
    const params: unknown[] = [];
    for (const e of rows) {
      params.push(
        String(e.globalPosition),
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
    const insert = `INSERT INTO ${this.#t.events} (global_position, event_id, stream_id, stream_version, type,
      schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES ${valuesList(rows.length)}`;
    let sql = insert;
    if (notify) {
      // The last statement also wakes subscribers (delivered at COMMIT): one round trip for both.
      const n = params.length;
      params.push(notify.channel, notify.lastPosition);
      sql =
        rows.length > 0
          ? `WITH inserted AS (${insert}) SELECT pg_notify($${n + 1}, $${n + 2})`
          : 'SELECT pg_notify($1, $2)';
    } else if (rows.length === 0) {
      return;
    }
    const sent = this.#client.query(sql, params);
    // Failures are reported by `finish`; until then they must not count as unhandled.
    sent.catch(() => undefined);
    this.#inFlight.push(sent);
  }
}

import type { FoldedEventRow, StreamHead } from '@lvzhi/core';
import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow, FOLD_COLUMNS, FOLD_COLUMNS_WITHOUT_METADATA } from './eventRow.ts';

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  readonly eventById: Database.Statement<[eventId: string], EventRow>;
  readonly eventExists: Database.Statement<[eventId: string], number>;
  readonly streamHead: Database.Statement<[streamId: string], StreamHead>;
  readonly insertEvent: Database.Statement<
    [
      eventId: string,
      streamId: string,
      streamVersion: number,
      type: string,
      schemaVersion: number,
      data: string,
      metadata: string,
      recordedAt: string,
      prevHash: string,
      hash: string,
    ]
  >;
  readonly pageOfLog: Database.Statement<[after: number, to: number, limit: number], EventRow>;
  readonly pageOfLogForFolds: Database.Statement<[after: number, to: number, limit: number], FoldedEventRow>;
  readonly pageOfLogForFoldsWithoutMetadata: Database.Statement<
    [after: number, to: number, limit: number],
    FoldedEventRow
  >;
  readonly pageOfStreamForward: Database.Statement<[streamId: string, from: number, limit: number], EventRow>;
  readonly pageOfStreamBackward: Database.Statement<
    [streamId: string, from: number, limit: number],
    EventRow
  >;
  readonly pageOfStreams: Database.Statement<
    [after: number, limit: number],
    { readonly streamId: string; readonly version: number; readonly firstPosition: number }
  >;
  readonly streamVersion: Database.Statement<[streamId: string], number>;
  readonly headPosition: Database.Statement<[], number>;
}

/** The insert of one event row (the writer thread prepares it too). */
export const INSERT_EVENT_SQL = `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data,
  metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The log's last position, 0 when empty (plucked). */
export const HEAD_POSITION_SQL = 'SELECT coalesce(max(global_position), 0) FROM events';

/** Prepares the store's statements on `db` (whose schema must be current). */
export function prepareStatements(db: Database.Database): Statements {
  return {
    eventById: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`),
    eventExists: db.prepare<[string], number>('SELECT 1 FROM events WHERE event_id = ?').pluck(),
    streamHead: db.prepare(
      'SELECT stream_version AS version, hash FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
    ),
    insertEvent: db.prepare(INSERT_EVENT_SQL),
    pageOfLog: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?
        ORDER BY global_position LIMIT ?`,
    ),
    // Rows in array form: no object per row, for folds over the whole log.
    pageOfLogForFolds: db
      .prepare<[number, number, number], FoldedEventRow>(
        `SELECT ${FOLD_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?
        ORDER BY global_position LIMIT ?`,
      )
      .raw(true),
    pageOfLogForFoldsWithoutMetadata: db
      .prepare<[number, number, number], FoldedEventRow>(
        `SELECT ${FOLD_COLUMNS_WITHOUT_METADATA} FROM events WHERE global_position > ? AND global_position <= ?
        ORDER BY global_position LIMIT ?`,
      )
      .raw(true),
    pageOfStreamForward: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ?
        ORDER BY stream_version LIMIT ?`,
    ),
    pageOfStreamBackward: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ?
        ORDER BY stream_version DESC LIMIT ?`,
    ),
    // A stream's first appearance is its version 1; its version is the highest one (from the unique index).
    pageOfStreams: db.prepare(
      `SELECT s.stream_id AS streamId, s.global_position AS firstPosition,
        (SELECT max(m.stream_version) FROM events m WHERE m.stream_id = s.stream_id) AS version
        FROM events s WHERE s.stream_version = 1 AND s.global_position > ? ORDER BY s.global_position LIMIT ?`,
    ),
    streamVersion: db
      .prepare<[string], number>('SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = ?')
      .pluck(),
    headPosition: db.prepare<[], number>(HEAD_POSITION_SQL).pluck(),
  };
}

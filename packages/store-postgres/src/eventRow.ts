import { CorruptEventError, type EventMetadata, type RecordedEvent } from '@lvzhi/core';

/** One row of the `events` table, as selected by `EVENT_COLUMNS` (bigint arrives as text). */
export interface EventRow {
  readonly global_position: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The column list that yields an `EventRow`. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

function parseJson(text: string, position: number, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptEventError(position, `${column} is not valid JSON (${(error as Error).message})`);
  }
}

/** Decodes a row; a column that does not decode is a `CorruptEventError` naming the row's position. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const position = Number(row.global_position);
  const data = parseJson(row.data, position, 'data');
  const metadata = parseJson(row.metadata, position, 'metadata');
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new CorruptEventError(position, 'metadata is not a JSON object');
  }
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    schemaVersion: row.schema_version,
    data,
    metadata: metadata as EventMetadata,
    prevHash: row.prev_hash,
    hash: row.hash,
    globalPosition: position,
  };
}

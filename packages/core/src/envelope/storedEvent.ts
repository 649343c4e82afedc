import { CorruptEventError } from '../eventStore/errors.ts';
import type { EventMetadata, RecordedEvent } from './envelope.ts';

/** An event as a table stores it: the envelope's columns, with data and metadata as JSON text. */
export interface StoredEventColumns {
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

function parseJson(text: string, position: number, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptEventError(position, `${column} is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Decodes a stored row at `globalPosition` into a recorded event (for every SQL store); a column that does
 * not decode is a `CorruptEventError` naming the position.
 */
export function decodeStoredEvent(row: StoredEventColumns, globalPosition: number): RecordedEvent {
  const data = parseJson(row.data, globalPosition, 'data');
  const metadata = parseJson(row.metadata, globalPosition, 'metadata');
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new CorruptEventError(globalPosition, 'metadata is not a JSON object');
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
    globalPosition,
  };
}

import { decodeStoredEvent, type RecordedEvent, type StoredEventColumns } from '@lvzhi/core';

/** One row of the `events` table, as selected by `EVENT_COLUMNS`. */
export interface EventRow extends StoredEventColumns {
  readonly global_position: number;
}

/** The column list that yields an `EventRow`. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

/** Decodes a row; a column that does not decode is a `CorruptEventError` naming the row's position. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return decodeStoredEvent(row, row.global_position);
}

/** The column list of a fold's rows (`FoldedEventRow`, selected in array form). */
export const FOLD_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata';

/** The same, metadata left out (NULL). */
export const FOLD_COLUMNS_WITHOUT_METADATA =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, NULL';

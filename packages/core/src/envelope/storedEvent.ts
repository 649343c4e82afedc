import { CorruptEventError } from '../eventStore/errors.ts';
import type { EventMetadata, FoldedEvent, RecordedEvent } from './envelope.ts';

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

/**
 * The columns a fold reads, in this order, as a row in array form: the stored event without its hash chain.
 */
export type FoldedEventRow = readonly [
  globalPosition: number,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  /** Null when the read left it out (`withoutMetadata`). */
  metadata: string | null,
];

/** A stored row as a fold reads it: metadata is decoded on first read (an index projection never reads it). */
class FoldedRow implements FoldedEvent {
  readonly globalPosition: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly #metadataText: string | null;
  #metadata: EventMetadata | undefined;

  constructor(row: FoldedEventRow) {
    this.globalPosition = row[0];
    this.eventId = row[1];
    this.streamId = row[2];
    this.streamVersion = row[3];
    this.type = row[4];
    this.schemaVersion = row[5];
    this.data = parseJson(row[6], row[0], 'data');
    this.#metadataText = row[7];
  }

  get metadata(): EventMetadata {
    if (this.#metadata === undefined) {
      if (this.#metadataText === null) {
        throw new Error(
          `event at position ${this.globalPosition}: its metadata was not read (withoutMetadata)`,
        );
      }
      const metadata = parseJson(this.#metadataText, this.globalPosition, 'metadata');
      if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
        throw new CorruptEventError(this.globalPosition, 'metadata is not a JSON object');
      }
      this.#metadata = metadata as EventMetadata;
    }
    return this.#metadata;
  }
}

/**
 * Decodes a stored row (in array form) for a fold: data at once (a `CorruptEventError` naming the position if
 * it does not decode), metadata when first read.
 */
export function decodeFoldedEvent(row: FoldedEventRow): FoldedEvent {
  return new FoldedRow(row);
}

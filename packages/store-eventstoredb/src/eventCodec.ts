import {
  type ChainedEvent,
  CorruptEventError,
  type EventMetadata,
  type RecordedEvent,
  StoreUnavailableError,
} from '@lvzhi/core';
import type { OutgoingEvent, ServerEvent } from './client.ts';
import { globalPositionOf } from './positions.ts';
import { versionOfRevision } from './revisions.ts';

/**
 * The envelope fields the server does not keep, stored as the server event's metadata JSON. The server's
 * own `$correlationId` / `$causationId` repeat ours, for its tools and `$by_correlation_id` projection.
 */
export interface EnvelopeMetadata {
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly metadata: EventMetadata;
  readonly $correlationId?: string;
  readonly $causationId?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A chained event as the server stores it: id, type and JSON data as ours, the rest in its metadata. */
export function encodeEvent(event: ChainedEvent): OutgoingEvent {
  const metadata: EnvelopeMetadata = {
    schemaVersion: event.schemaVersion,
    prevHash: event.prevHash,
    hash: event.hash,
    metadata: event.metadata,
    ...(event.metadata.correlationId === undefined ? {} : { $correlationId: event.metadata.correlationId }),
    ...(event.metadata.causationId === undefined ? {} : { $causationId: event.metadata.causationId }),
  };
  return { kind: 'json', id: event.eventId, type: event.type, data: event.data, metadata };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/** Why a server event's metadata is not an envelope, or undefined when it is one. */
function envelopeProblem(metadata: unknown): string | undefined {
  if (!isObject(metadata)) return 'its metadata is not a JSON object';
  const { schemaVersion, prevHash, hash } = metadata;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    return 'its metadata has no positive integer schemaVersion';
  }
  if (typeof prevHash !== 'string' || !SHA256_HEX.test(prevHash)) return 'its metadata has no prevHash';
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return 'its metadata has no hash';
  if (!isObject(metadata.metadata)) return 'its metadata has no metadata object';
  return undefined;
}

/**
 * Our envelope of a server event of one of our streams. An event whose metadata is not an envelope or whose
 * data is not JSON is a `CorruptEventError`; a server that reports no position for an event cannot serve as
 * this store (`StoreUnavailableError`).
 */
export function decodeEvent(event: ServerEvent, streamId: string): RecordedEvent {
  const globalPosition = globalPositionOf(event.position);
  if (globalPosition === undefined) {
    throw new StoreUnavailableError(
      `EventStoreDB reported no log position for event ${event.eventId} of stream '${event.streamName}': ` +
        'the store needs a server that reports positions on every read (EventStoreDB 22.6 or later, KurrentDB)',
    );
  }
  const problem = event.isJson ? envelopeProblem(event.metadata) : 'its data is not JSON';
  if (problem) {
    throw new CorruptEventError(
      globalPosition,
      `event ${event.eventId} of stream '${event.streamName}': ${problem}`,
    );
  }
  const envelope = event.metadata as unknown as EnvelopeMetadata;
  return {
    eventId: event.eventId,
    streamId,
    streamVersion: versionOfRevision(event.revision),
    type: event.type,
    schemaVersion: envelope.schemaVersion,
    data: event.data,
    metadata: envelope.metadata,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
    globalPosition,
  };
}

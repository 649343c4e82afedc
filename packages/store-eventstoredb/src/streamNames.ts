import type { ServerEvent } from './client.ts';

/** Stream names the store keeps for itself: one index stream per event id (see `eventIndex.ts`). */
export const INDEX_STREAM_CATEGORY = '_lvzhi-event-';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The server keeps event ids as UUIDs and returns them in lower case, so only that form round-trips. */
export function isCanonicalUuid(eventId: string): boolean {
  return CANONICAL_UUID.test(eventId);
}

/** System events: a `$`-prefixed type (links `$>`, `$metadata`, statistics…) or a `$`-prefixed stream. */
export function isSystemEvent(event: { readonly type: string; readonly streamName: string }): boolean {
  return event.type.startsWith('$') || event.streamName.startsWith('$');
}

/**
 * How the store's stream ids map to server stream names: `<prefix><streamId>`. A prefix gives several logs
 * (tenants, test runs) one server; the empty prefix maps ids unchanged.
 */
export class StreamNames {
  readonly prefix: string;

  constructor(prefix = '') {
    if (prefix.startsWith('$'))
      throw new RangeError(`a stream prefix must not start with '$' (got '${prefix}')`);
    this.prefix = prefix;
  }

  /** The server stream of one of our streams; refuses ids the server or this store reserve. */
  serverName(streamId: string): string {
    if (streamId === '') throw new RangeError('a stream id must not be empty');
    if (streamId.startsWith('$')) {
      throw new RangeError(`stream id '${streamId}': ids starting with '$' are EventStoreDB system streams`);
    }
    if (streamId.startsWith(INDEX_STREAM_CATEGORY)) {
      throw new RangeError(
        `stream id '${streamId}': ids starting with '${INDEX_STREAM_CATEGORY}' are reserved`,
      );
    }
    return `${this.prefix}${streamId}`;
  }

  /** The index stream that records where the event with this id was written. */
  indexStream(eventId: string): string {
    return `${this.prefix}${INDEX_STREAM_CATEGORY}${eventId}`;
  }

  /** Our stream id of a server stream, or undefined when the stream is not one of this store's event streams. */
  streamIdOf(serverName: string): string | undefined {
    if (!serverName.startsWith(this.prefix)) return undefined;
    const streamId = serverName.slice(this.prefix.length);
    if (streamId === '' || streamId.startsWith('$') || streamId.startsWith(INDEX_STREAM_CATEGORY))
      return undefined;
    return streamId;
  }

  /** Whether a server event is one of this store's events (not a system event, another prefix's, or an index link). */
  owns(event: ServerEvent): boolean {
    return !isSystemEvent(event) && this.streamIdOf(event.streamName) !== undefined;
  }
}

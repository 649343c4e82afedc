import { createHash } from 'node:crypto';
import type { ChainedEvent, RecordedEvent } from '@lvzhi/core';
import { describeClientFailure, type OutgoingEvent } from './client.ts';
import { mapConcurrently } from './concurrency.ts';
import { decodeEvent } from './eventCodec.ts';
import { revisionOfVersion } from './revisions.ts';
import type { ServerSession } from './serverSession.ts';

/** The server's link event type: its data `<revision>@<stream>` points at another event. */
export const LINK_EVENT_TYPE = '$>';

/**
 * The id of the index link of an event: derived from the event id, so that writing the same link again is
 * recognised by the server as a retry (its own idempotency) instead of a second link.
 */
export function indexLinkId(eventId: string): string {
  const bytes = createHash('sha256').update(`lvzhi-event-index:${eventId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The link written to an event's index stream: EventStoreDB cannot find an event by id, so each event gets a
 * one-link stream named after its id (read back with links resolved, it yields the event itself).
 */
export function indexLink(eventId: string, serverStream: string, revision: bigint): OutgoingEvent {
  return {
    kind: 'binary',
    id: indexLinkId(eventId),
    type: LINK_EVENT_TYPE,
    data: new TextEncoder().encode(`${revision}@${serverStream}`),
  };
}

/** The event with this id, read through its index stream with the link resolved; undefined when not indexed. */
export async function lookupIndexed(
  session: ServerSession,
  eventId: string,
): Promise<RecordedEvent | undefined> {
  const [found] = await session.collectResolved(
    session.client.readStream(session.names.indexStream(eventId), {
      from: 'start',
      direction: 'forwards',
      maxCount: 1,
      resolveLinks: true,
    }),
  );
  const event = found?.event;
  if (!event || event.eventId !== eventId) return undefined;
  const streamId = session.names.streamIdOf(event.streamName);
  return streamId === undefined ? undefined : decodeEvent(event, streamId);
}

/** Writes the index links of events stored in `streamId`; an id indexed already keeps its first link. */
export async function writeIndexLinks(
  session: ServerSession,
  streamId: string,
  events: readonly ChainedEvent[],
): Promise<void> {
  const serverStream = session.names.serverName(streamId);
  await mapConcurrently(events, async (e) => {
    const link = indexLink(e.eventId, serverStream, revisionOfVersion(e.streamVersion));
    try {
      await session.client.append(session.names.indexStream(e.eventId), [link], 'no_stream');
    } catch (error) {
      if (describeClientFailure(error).kind !== 'wrong-expected-version') throw error;
    }
  });
}

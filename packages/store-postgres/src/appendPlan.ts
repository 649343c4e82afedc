import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  type ConcurrencyError,
  chainEventsEncoded,
  classifyAppend,
  DuplicateEventIdError,
  EMPTY_HEAD,
  type RecordedEvent,
  type StreamHead,
} from '@lvzhi/core';

/** Without looking up the proposed ids, the call cannot be planned: it may hold retries. */
export class LookupNeeded extends Error {}

/** Receives each new event with the canonical JSON of its data and metadata (what was hashed, and is stored). */
export type Emit = (event: RecordedEvent, dataJson: string, metadataJson: string) => void;

/**
 * Plans the call as the port defines it: retries (given `stored`, the stored events by proposed id),
 * expected versions, hash chains and positions from `firstPosition`, handing each new event to `emit` as soon
 * as it is chained, with its data and metadata as the canonical JSON that was hashed (so they are serialized
 * once). Without `stored`, plans as if no id were stored, and throws `LookupNeeded` wherever that
 * assumption could change the outcome.
 */
export function plan(
  requests: readonly AppendRequest[],
  heads: Map<string, StreamHead>,
  stored: Map<string, RecordedEvent> | undefined,
  firstPosition: number,
  emit: Emit,
): { results: AppendResult[]; written: number; lastPosition: number } {
  let next = firstPosition;
  const written = new Set<string>();
  const results: AppendResult[] = [];
  // Without the stored ids, a refusal may be wrong (the request may be a retry): look them up first.
  const refuse = (error: Error): never => {
    throw stored ? error : new LookupNeeded();
  };
  for (const { streamId, events, expectedVersion } of requests) {
    // Ids planned earlier in this call are not in `stored`; reusing one is a duplicate, not a retry.
    const reused = events.find((e) => written.has(e.eventId));
    if (reused) refuse(new DuplicateEventIdError(reused.eventId));
    if (stored) {
      const kind = classifyAppend(
        streamId,
        events,
        events.map((e) => stored.get(e.eventId)),
      );
      if (kind.kind === 'retry') {
        // The version the original append reached, not the head: a caller continuing from it must still
        // conflict with whatever others appended since.
        const reached = kind.events.at(-1)!.streamVersion;
        results.push({ streamId, nextExpectedVersion: reached, events: kind.events });
        continue;
      }
    }
    const head = heads.get(streamId) ?? EMPTY_HEAD;
    try {
      assertExpectedVersion(streamId, expectedVersion ?? 'any', head.version);
    } catch (error) {
      refuse(error as ConcurrencyError);
    }
    const recorded: RecordedEvent[] = [];
    for (const { event: e, dataJson, metadataJson } of chainEventsEncoded(streamId, head, events)) {
      if (written.has(e.eventId)) refuse(new DuplicateEventIdError(e.eventId));
      written.add(e.eventId);
      const event = { ...e, globalPosition: next++ };
      emit(event, dataJson, metadataJson);
      recorded.push(event);
    }
    const last = recorded.at(-1);
    if (last) heads.set(streamId, { version: last.streamVersion, hash: last.hash });
    results.push({ streamId, nextExpectedVersion: last?.streamVersion ?? head.version, events: recorded });
  }
  return { results, written: written.size, lastPosition: next - 1 };
}

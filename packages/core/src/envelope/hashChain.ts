import { canonicalJson } from './canonicalJson.ts';
import type { ChainedEvent, ProposedEvent } from './envelope.ts';
import { eventHash } from './eventHash.mjs';

/** The `prevHash` of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

export { canonicalJson };

/**
 * The hash of an event: SHA-256 over `prevHash` followed by the canonical JSON of the envelope without
 * `hash` and without `globalPosition` (positions are store-assigned, so hashes survive a copy between stores).
 */
export function computeEventHash(event: Omit<ChainedEvent, 'hash'>): string {
  return hashEncoded(event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/**
 * The hash from the canonical JSON of `data` and `metadata` already computed (the envelope's other fields
 * are written by `eventHash` in RFC 8785 key order, so each part is serialized once; a test checks it
 * equals `canonicalJson` of the whole).
 */
function hashEncoded(
  event: Omit<ChainedEvent, 'hash' | 'data' | 'metadata'>,
  data: string,
  metadata: string,
): string {
  if (!Number.isInteger(event.streamVersion) || !Number.isInteger(event.schemaVersion)) {
    throw new TypeError('streamVersion and schemaVersion must be integers');
  }
  return eventHash(
    event.prevHash,
    event.eventId,
    event.streamId,
    event.streamVersion,
    event.type,
    event.schemaVersion,
    data,
    metadata,
  );
}

/** A chained event with the canonical JSON of its data and metadata, as a store writes them. */
export interface EncodedEvent {
  readonly event: ChainedEvent;
  /** RFC 8785 JSON of `data`: what was hashed, and what a store may keep as text. */
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** Like `chainEvents`, also giving each event's canonical data and metadata text (serialized once). */
export function chainEventsEncoded(
  streamId: string,
  head: StreamHead,
  events: readonly ProposedEvent[],
): EncodedEvent[] {
  const out: EncodedEvent[] = new Array(events.length);
  let prevHash = head.hash;
  let streamVersion = head.version;
  for (let i = 0; i < events.length; i++) {
    const { eventId, type, schemaVersion, data, metadata } = events[i]!;
    streamVersion += 1;
    const dataJson = canonicalJson(data);
    const metadataJson = canonicalJson(metadata);
    const hash = hashEncoded(
      { eventId, streamId, streamVersion, type, schemaVersion, prevHash },
      dataJson,
      metadataJson,
    );
    out[i] = {
      event: { eventId, streamId, streamVersion, type, schemaVersion, data, metadata, prevHash, hash },
      dataJson,
      metadataJson,
    };
    prevHash = hash;
  }
  return out;
}

/** The head of a stream as a store knows it: its last version and that event's hash. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string;
}

/** An empty stream's head. */
export const EMPTY_HEAD: StreamHead = { version: 0, hash: GENESIS_HASH };

/** Chains proposed events onto a stream head, giving each its version, `prevHash` and `hash`. */
export function chainEvents(
  streamId: string,
  head: StreamHead,
  events: readonly ProposedEvent[],
): ChainedEvent[] {
  return chainEventsEncoded(streamId, head, events).map((e) => e.event);
}

/** Where a stream's chain breaks, if it does. */
export type ChainBreak =
  | { readonly kind: 'hash-mismatch'; readonly streamVersion: number; readonly eventId: string }
  | { readonly kind: 'prev-hash-mismatch'; readonly streamVersion: number; readonly eventId: string }
  | { readonly kind: 'version-gap'; readonly streamVersion: number; readonly expectedVersion: number };

/** Checks one stream's events, in version order, against their hash chain; returns the first break. */
export function findChainBreak(events: Iterable<ChainedEvent>): ChainBreak | undefined {
  let prev: StreamHead = EMPTY_HEAD;
  for (const e of events) {
    if (e.streamVersion !== prev.version + 1) {
      return { kind: 'version-gap', streamVersion: e.streamVersion, expectedVersion: prev.version + 1 };
    }
    if (e.prevHash !== prev.hash) {
      return { kind: 'prev-hash-mismatch', streamVersion: e.streamVersion, eventId: e.eventId };
    }
    if (computeEventHash(e) !== e.hash) {
      return { kind: 'hash-mismatch', streamVersion: e.streamVersion, eventId: e.eventId };
    }
    prev = { version: e.streamVersion, hash: e.hash };
  }
  return undefined;
}

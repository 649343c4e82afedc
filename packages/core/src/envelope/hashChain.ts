import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.ts';
import type { ChainedEvent, ProposedEvent } from './envelope.ts';

/** The `prevHash` of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

export { canonicalJson };

/**
 * The hash of an event: SHA-256 over `prevHash` followed by the canonical JSON of the envelope without
 * `hash` and without `globalPosition` (positions are store-assigned, so hashes survive a copy between stores).
 */
export function computeEventHash(event: Omit<ChainedEvent, 'hash'>): string {
  const body = canonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(event.prevHash).update(body).digest('hex');
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
  const chained: ChainedEvent[] = [];
  let prevHash = head.hash;
  let version = head.version;
  for (const e of events) {
    version += 1;
    const unsealed = {
      eventId: e.eventId,
      streamId,
      streamVersion: version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      prevHash,
    };
    const hash = computeEventHash(unsealed);
    chained.push({ ...unsealed, hash });
    prevHash = hash;
  }
  return chained;
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

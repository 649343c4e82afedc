import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  type ChainedEvent,
  chainEvents,
  classifyAppend,
  DuplicateEventIdError,
  type RecordedEvent,
  type StreamHead,
} from '@lvzhi/core';
import { type ClientFailure, describeClientFailure, type ExpectedRevision } from './client.ts';
import { mapConcurrently } from './concurrency.ts';
import { toExpectedRevision } from './revisions.ts';
import { concurrencyErrorOf } from './storeErrors.ts';

/** The last events of a stream as the server holds them, oldest first, and its head. */
export interface StreamTail {
  readonly head: StreamHead;
  readonly recent: readonly RecordedEvent[];
}

/** What planning and writing an append needs from the server. */
export interface AppendIo {
  /** The events with these ids, found through their index streams (undefined where not found). */
  lookup(eventIds: readonly string[]): Promise<(RecordedEvent | undefined)[]>;
  /** The stream's head and its last `count` events. */
  tail(streamId: string, count: number): Promise<StreamTail>;
  /** Appends chained events, the server checking that the stream is still at `expected`. */
  write(streamId: string, events: readonly ChainedEvent[], expected: ExpectedRevision): Promise<void>;
  /** Writes the index links of events stored in `streamId`. */
  index(streamId: string, events: readonly ChainedEvent[]): Promise<void>;
  /** Reads back `count` events from `fromVersion`, with their positions. */
  readBack(streamId: string, fromVersion: number, count: number): Promise<RecordedEvent[]>;
}

/** How often an append re-plans after the server refused its pinned revision (another writer got there first). */
export const MAX_APPEND_ATTEMPTS = 10;

type Plan =
  | {
      readonly kind: 'retry';
      readonly request: AppendRequest;
      readonly events: readonly RecordedEvent[];
      /** Stored events found in the stream but not in the index (a crash between the two writes). */
      readonly unindexed: readonly RecordedEvent[];
    }
  | {
      readonly kind: 'new';
      readonly request: AppendRequest;
      readonly head: StreamHead;
      readonly chained: readonly ChainedEvent[];
    };

/** Refuses an event id proposed twice in one call: that is never a retry. */
function assertDistinctIds(requests: readonly AppendRequest[]): void {
  const seen = new Set<string>();
  for (const { events } of requests) {
    for (const e of events) {
      if (seen.has(e.eventId)) throw new DuplicateEventIdError(e.eventId);
      seen.add(e.eventId);
    }
  }
}

/** What planning knows of the server before deciding anything: stored events by id and stream tails. */
interface Known {
  readonly byId: ReadonlyMap<string, RecordedEvent>;
  readonly tails: ReadonlyMap<string, StreamTail>;
}

/** Reads, in a few concurrent rounds, everything the plans of these requests need. */
async function readKnown(io: AppendIo, requests: readonly AppendRequest[]): Promise<Known> {
  const ids = requests.flatMap((r) => r.events.map((e) => e.eventId));
  const found = await io.lookup(ids);
  const byId = new Map<string, RecordedEvent>();
  found.forEach((e, i) => {
    if (e) byId.set(ids[i]!, e);
  });
  // Enough of each tail to recognise a retry of its largest request whose index links were lost.
  const counts = new Map<string, number>();
  for (const { streamId, events } of requests)
    counts.set(streamId, Math.max(counts.get(streamId) ?? 0, events.length));
  const streams = [...counts.keys()];
  const tails = await mapConcurrently(streams, (streamId) => io.tail(streamId, counts.get(streamId)!));
  return { byId, tails: new Map(streams.map((s, i) => [s, tails[i]!])) };
}

/** Plans one request: a retry of stored events, or new events chained onto the head the batch reaches. */
function planRequest(known: Known, request: AppendRequest, heads: Map<string, StreamHead>): Plan {
  const { streamId, events } = request;
  const tail = known.tails.get(streamId)!;
  const indexed = events.map((e) => known.byId.get(e.eventId));
  const stored = indexed.map((e, i) => e ?? tail.recent.find((r) => r.eventId === events[i]!.eventId));
  const kind = classifyAppend(streamId, events, stored);
  if (kind.kind === 'retry') {
    return {
      kind: 'retry',
      request,
      events: kind.events,
      unindexed: kind.events.filter((_, i) => indexed[i] === undefined),
    };
  }
  const head = heads.get(streamId) ?? tail.head;
  assertExpectedVersion(streamId, request.expectedVersion ?? 'any', head.version);
  const chained = chainEvents(streamId, head, events);
  const last = chained.at(-1);
  if (last) heads.set(streamId, { version: last.streamVersion, hash: last.hash });
  return { kind: 'new', request, head, chained };
}

async function planAll(io: AppendIo, requests: readonly AppendRequest[]): Promise<Plan[]> {
  const known = await readKnown(io, requests);
  const heads = new Map<string, StreamHead>();
  return requests.map((request) => planRequest(known, request, heads));
}

type Refusal = Extract<ClientFailure, { kind: 'wrong-expected-version' }>;

/**
 * Writes one planned request, or returns the server's refusal of the revision it pinned. What follows a write
 * (reading the events back with their positions, writing their index links) runs on while the next request is
 * written: `finished` settles when it is done.
 */
async function write(
  io: AppendIo,
  plan: Plan,
): Promise<{ readonly finished: Promise<AppendResult> } | { readonly refusal: Refusal }> {
  const { streamId } = plan.request;
  if (plan.kind === 'retry') {
    // The version the original append reached, not the head: a caller continuing from it must still conflict.
    const result = { streamId, nextExpectedVersion: plan.events.at(-1)!.streamVersion, events: plan.events };
    return { finished: io.index(streamId, plan.unindexed).then(() => result) };
  }
  if (plan.chained.length === 0) {
    return { finished: Promise.resolve({ streamId, nextExpectedVersion: plan.head.version, events: [] }) };
  }
  try {
    await io.write(streamId, plan.chained, toExpectedRevision(plan.head.version));
  } catch (error) {
    const failure = describeClientFailure(error);
    if (failure.kind === 'wrong-expected-version') return { refusal: failure };
    throw error;
  }
  const nextExpectedVersion = plan.chained.at(-1)!.streamVersion;
  const finished = Promise.all([
    io.readBack(streamId, plan.head.version + 1, plan.chained.length),
    io.index(streamId, plan.chained),
  ]).then(([events]) => ({ streamId, nextExpectedVersion, events }));
  return { finished };
}

/**
 * Appends the requests in order, one server append per request. Every request is planned (idempotency,
 * expected version, hash chain) before anything is written, so a conflict or a reused id that is already
 * visible writes nothing. Each write pins the revision it chained onto; when another writer got there first,
 * the remaining requests are planned again from the server (an `'any'` append then succeeds, an exact
 * expectation fails with `ConcurrencyError`). The server has no multi-stream transaction: a failure after
 * the first write leaves the earlier requests written.
 */
export async function appendInOrder(
  io: AppendIo,
  requests: readonly AppendRequest[],
): Promise<AppendResult[]> {
  assertDistinctIds(requests);
  const written: Promise<AppendResult>[] = [];
  try {
    let plans = await planAll(io, requests);
    for (let attempt = 1; written.length < requests.length; ) {
      const plan = plans[0]!;
      const outcome = await write(io, plan);
      if ('finished' in outcome) {
        // Observed at the end; until then a failure must not count as unhandled.
        outcome.finished.catch(() => undefined);
        written.push(outcome.finished);
        plans = plans.slice(1);
        continue;
      }
      if (attempt >= MAX_APPEND_ATTEMPTS) {
        throw concurrencyErrorOf(
          outcome.refusal,
          plan.request.streamId,
          plan.request.expectedVersion ?? 'any',
        );
      }
      attempt += 1;
      plans = await planAll(io, requests.slice(written.length));
    }
  } catch (error) {
    // Let what was written finish (its index links) before reporting the failure.
    await Promise.allSettled(written);
    throw error;
  }
  return Promise.all(written);
}

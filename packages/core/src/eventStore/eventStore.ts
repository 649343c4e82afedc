import type { FoldedEvent, ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';

/**
 * What the caller expects of a stream before appending: its exact version (1-based; 0 means empty),
 * `'no-stream'`, `'exists'` (at least one event) or `'any'`.
 */
export type ExpectedVersion = number | 'no-stream' | 'exists' | 'any';

/** One stream's part of an append. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expectedVersion?: ExpectedVersion;
}

/** The outcome of appending to one stream. */
export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append. */
  readonly nextExpectedVersion: number;
  /** The events as stored (with versions, hashes and positions). */
  readonly events: readonly RecordedEvent[];
}

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /** First version to read (inclusive; default 1 forwards, the last version backwards). */
  readonly from?: number;
  readonly direction?: 'forward' | 'backward';
  readonly limit?: number;
}

/** Options of `readAll`. */
export interface ReadAllOptions {
  /** Read events with a global position strictly greater than this (a checkpoint); default 0. */
  readonly after?: number;
  /** Stop after this position (inclusive). */
  readonly to?: number;
  /** How many rows to fetch per round trip. */
  readonly batchSize?: number;
}

/** Options of `readPages`. */
export interface ReadPagesOptions extends ReadAllOptions {
  /**
   * The fold will not read `metadata` (every projection it runs says so): a store may then leave it out of
   * its reads, and reading it throws.
   */
  readonly withoutMetadata?: boolean;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Deliver events after this checkpoint position, then live ones. */
  readonly after?: number;
  /** Ends the subscription. */
  readonly signal?: AbortSignal;
  /** How often to look for new events where the store cannot push (ms). */
  readonly pollIntervalMs?: number;
}

/**
 * The event store port: every store (in-memory, SQLite, PostgreSQL, EventStoreDB) implements it and passes
 * the conformance suite in `@lvzhi/testing`.
 */
export interface EventStore {
  /** Appends events to one stream atomically, chaining their hashes; idempotent on `eventId`. */
  append(
    streamId: string,
    events: readonly ProposedEvent[],
    options?: { readonly expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult>;
  /** Appends to several streams in one transaction: all or nothing. */
  appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]>;
  /** Streams one stream's events; an unknown stream yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Streams the whole log in global order, in batches, never holding it all. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * Optional: the same events as `readAll`, a page (one fetched batch) at a time, for folds over many events
   * (a projection rebuild) that need not await each event, without the hash chain a fold never reads.
   * `readPages(store)` gives it for every store.
   */
  readPages?(options?: ReadPagesOptions): AsyncIterable<readonly FoldedEvent[]>;
  /** One event by id, if recorded. */
  readEvent(eventId: string): Promise<RecordedEvent | undefined>;
  /** Catch-up from a checkpoint, then live events, until the signal aborts. */
  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** A stream's current version (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** The highest global position recorded (0 when empty). */
  headPosition(): Promise<number>;
  /** Every stream id with its version, in order of first appearance (for verification and seals). */
  listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }>;
  close(): Promise<void>;
}

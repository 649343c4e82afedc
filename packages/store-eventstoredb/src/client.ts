import type { Readable } from 'node:stream';
import {
  AccessDeniedError,
  ANY,
  BACKWARDS,
  binaryEvent,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  type ResolvedEvent,
  type RecordedEvent as ServerRecordedEvent,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  streamNameFilter,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

// The only module that imports the EventStoreDB client: moving to `@kurrent/kurrentdb-client` changes this file.

/** The server's expected revision of a stream before an append (its revisions are 0-based). */
export type ExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

/** A place in the server's transaction log. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** One event as the server returns it. */
export interface ServerEvent {
  readonly streamName: string;
  readonly eventId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  /** Parsed JSON when `isJson` (the client falls back to the raw text when it does not parse), else bytes. */
  readonly data: unknown;
  /** Parsed JSON, raw bytes when it does not parse, or undefined when empty. */
  readonly metadata: unknown;
  readonly position: LogPosition | undefined;
}

/** A read result: the event, and the link that pointed to it when links are resolved. */
export interface ServerResolvedEvent {
  readonly event: ServerEvent | undefined;
  readonly link: ServerEvent | undefined;
}

/** An event to append: JSON data and metadata, or a binary payload (link events). */
export type OutgoingEvent =
  | {
      readonly kind: 'json';
      readonly id: string;
      readonly type: string;
      readonly data: unknown;
      readonly metadata: unknown;
    }
  | { readonly kind: 'binary'; readonly id: string; readonly type: string; readonly data: Uint8Array };

/** A server read or subscription as an async iterable that can be ended from outside. */
export interface ServerEventStream extends AsyncIterable<ServerResolvedEvent> {
  /** Stops the call; a pending or later iteration ends (it may throw a premature-close error first). */
  cancel(): void;
}

/** Which events a subscription to `$all` asks the server for. */
export type ServerFilter =
  | { readonly kind: 'exclude-system-events' }
  | { readonly kind: 'stream-prefix'; readonly prefix: string };

/** What the store needs of an EventStoreDB client. */
export interface EsdbClient {
  append(streamName: string, events: readonly OutgoingEvent[], expected: ExpectedRevision): Promise<void>;
  readStream(
    streamName: string,
    options: {
      readonly from: bigint | 'start' | 'end';
      readonly direction: 'forwards' | 'backwards';
      readonly maxCount: number;
      readonly resolveLinks?: boolean;
    },
  ): ServerEventStream;
  readAll(options: {
    readonly from: LogPosition | 'start' | 'end';
    readonly direction: 'forwards' | 'backwards';
    readonly maxCount: number;
  }): ServerEventStream;
  subscribeToAll(options: {
    readonly from: LogPosition | 'start';
    readonly filter: ServerFilter;
  }): ServerEventStream;
  dispose(): Promise<void>;
}

/** A client failure, described without the client's classes. */
export type ClientFailure =
  | {
      readonly kind: 'wrong-expected-version';
      readonly streamName: string;
      /** The stream's revision when the append was refused. */
      readonly current: bigint | 'no_stream';
    }
  | { readonly kind: 'stream-not-found' }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'access-denied'; readonly reason: string }
  | { readonly kind: 'other' };

/** Raw gRPC status codes (the client does not always wrap them) of a server that cannot be used now. */
const UNAVAILABLE_GRPC_CODES: ReadonlySet<number> = new Set([
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  10, // ABORTED
  14, // UNAVAILABLE
]);
/** Raw gRPC status codes of refused credentials. */
const ACCESS_DENIED_GRPC_CODES: ReadonlySet<number> = new Set([
  7, // PERMISSION_DENIED
  16, // UNAUTHENTICATED
]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Describes an error thrown by the client. Against an unreachable server `appendToStream` throws the raw gRPC
 * error (`code` 14) of its feature probe while reads throw the client's `UnavailableError`; both are
 * `unavailable`, as is a cluster whose gossip seeds never answer.
 */
export function describeClientFailure(error: unknown): ClientFailure {
  if (error instanceof WrongExpectedVersionError) {
    return { kind: 'wrong-expected-version', streamName: error.streamName, current: error.actualVersion };
  }
  if (error instanceof StreamNotFoundError) return { kind: 'stream-not-found' };
  if (error instanceof AccessDeniedError) return { kind: 'access-denied', reason: messageOf(error) };
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  ) {
    return { kind: 'unavailable', reason: messageOf(error) };
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'number') {
    if (UNAVAILABLE_GRPC_CODES.has(error.code)) return { kind: 'unavailable', reason: error.message };
    if (ACCESS_DENIED_GRPC_CODES.has(error.code)) return { kind: 'access-denied', reason: error.message };
  }
  if (error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message)) {
    return { kind: 'unavailable', reason: error.message };
  }
  return { kind: 'other' };
}

function toServerEvent(event: ServerRecordedEvent | undefined): ServerEvent | undefined {
  if (!event) return undefined;
  return {
    streamName: event.streamId,
    eventId: event.id,
    revision: event.revision,
    type: event.type,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  };
}

function toServerResolvedEvent(resolved: ResolvedEvent): ServerResolvedEvent {
  return { event: toServerEvent(resolved.event), link: toServerEvent(resolved.link) };
}

/** The client's readable (a read or a subscription) as a `ServerEventStream`; a missing stream reads as empty. */
function eventStream(readable: Readable, stop: () => Promise<void>): ServerEventStream {
  return {
    cancel() {
      void stop().catch(() => undefined);
      readable.destroy();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for await (const resolved of readable) yield toServerResolvedEvent(resolved as ResolvedEvent);
      } catch (error) {
        if (error instanceof StreamNotFoundError) return;
        throw error;
      }
    },
  };
}

function toClientExpected(
  expected: ExpectedRevision,
): bigint | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

/** Opens a client for an `esdb://` or `esdb+discover://` connection string (parsing errors throw). */
export function connectClient(connectionString: string): EsdbClient {
  const client = EventStoreDBClient.connectionString(connectionString);
  return {
    async append(streamName, events, expected) {
      const data = events.map((e) =>
        e.kind === 'json'
          ? jsonEvent({
              id: e.id,
              type: e.type,
              data: e.data as Record<string, unknown>,
              metadata: e.metadata,
            })
          : binaryEvent({ id: e.id, type: e.type, data: e.data }),
      );
      const expectedRevision = toClientExpected(expected);
      const result = await client.appendToStream(streamName, data, { expectedRevision });
      // With `throwOnAppendFailure=false` in the connection string the client reports a refusal instead.
      if (!result.success) {
        const current = result.nextExpectedRevision < 0n ? NO_STREAM : result.nextExpectedRevision;
        throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedRevision, current });
      }
    },
    readStream(streamName, { from, direction, maxCount, resolveLinks = false }) {
      const read = client.readStream(streamName, {
        fromRevision: from === 'start' ? START : from === 'end' ? END : from,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount,
        resolveLinkTos: resolveLinks,
      });
      return eventStream(read, () => read.cancel());
    },
    readAll({ from, direction, maxCount }) {
      const read = client.readAll({
        fromPosition: from === 'start' ? START : from === 'end' ? END : from,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount,
      });
      return eventStream(read, () => read.cancel());
    },
    subscribeToAll({ from, filter }) {
      const subscription = client.subscribeToAll({
        fromPosition: from === 'start' ? START : from,
        filter:
          filter.kind === 'exclude-system-events'
            ? excludeSystemEvents()
            : streamNameFilter({ prefixes: [filter.prefix] }),
      });
      return eventStream(subscription, () => subscription.unsubscribe());
    },
    dispose: () => client.dispose(),
  };
}

import {
  type AppendRequest,
  type AppendResult,
  EMPTY_HEAD,
  type EventStore,
  type ExpectedVersion,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@lvzhi/core';
import { type AppendIo, appendInOrder, type StreamTail } from './appendPlan.ts';
import { connectClient, type EsdbClient, type LogPosition, type ServerEvent } from './client.ts';
import { mapConcurrently } from './concurrency.ts';
import { decodeEvent, encodeEvent } from './eventCodec.ts';
import { lookupIndexed, writeIndexLinks } from './eventIndex.ts';
import { isAfterCheckpoint, startAfter } from './positions.ts';
import { revisionOfVersion, streamReadStart } from './revisions.ts';
import { ServerSession } from './serverSession.ts';
import { readOnlyError, redactConnectionString, toStoreError } from './storeErrors.ts';
import { isCanonicalUuid, StreamNames } from './streamNames.ts';
import { type ResubscribeOptions, subscribeWithResubscription } from './subscription.ts';

/** Options of `EventStoreDbStore.connect`. */
export interface EventStoreDbStoreOptions {
  /**
   * Prefix of every server stream this store writes and reads (`<prefix><streamId>`), so that several logs
   * share one server; default none.
   */
  readonly streamPrefix?: string;
  /** Refuse appends (`StoreUnavailableError`); default false. */
  readonly readOnly?: boolean;
  /** How a subscription retries after its connection drops. */
  readonly resubscribe?: ResubscribeOptions;
}

/** Test seams (not exported from the package). */
export interface InternalStoreOptions extends EventStoreDbStoreOptions {
  /**
   * The log begins at the server's current end: older events of `$all` are not read, so that a test store
   * with a fresh prefix on a long-lived server does not scan the events of earlier tests.
   */
  readonly logStartsNow?: boolean;
}

const PAGE_SIZE = 500;

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * An event store on an EventStoreDB (or KurrentDB) server or cluster, through `@eventstore/db-client`.
 * Appends to one stream are atomic and checked by the server against the revision they were chained onto;
 * `appendMany` is NOT atomic across streams (the server has no multi-stream transaction). Global positions
 * are the server's commit positions: strictly increasing, not contiguous. Events are found by id through a
 * one-link index stream per event.
 *
 * @example
 * const store = await EventStoreDbStore.connect('esdb://localhost:2113?tls=false');
 * await store.append('member-1', [event], { expectedVersion: 'no-stream' });
 */
export class EventStoreDbStore implements EventStore {
  readonly #session: ServerSession;
  readonly #readOnly: boolean;
  readonly #resubscribe: ResubscribeOptions;
  /** The server position the log starts after (0: the start of `$all`). */
  #logStart = 0;

  private constructor(session: ServerSession, options: EventStoreDbStoreOptions) {
    this.#session = session;
    this.#readOnly = options.readOnly ?? false;
    this.#resubscribe = options.resubscribe ?? {};
  }

  /**
   * Connects to the server or cluster a connection string names (`esdb://host:2113?tls=false`,
   * `esdb+discover://…`, several gossip seeds `esdb://a:2113,b:2113,c:2113`) and checks that it answers.
   */
  static async connect(
    connectionString: string,
    options: EventStoreDbStoreOptions = {},
  ): Promise<EventStoreDbStore> {
    const internal: InternalStoreOptions = options;
    const server = redactConnectionString(connectionString);
    const names = new StreamNames(options.streamPrefix);
    let client: EsdbClient;
    try {
      client = connectClient(connectionString);
    } catch (error) {
      // Not kept as the cause: the client's parse error carries the unmasked connection string.
      throw new RangeError(`EventStoreDB connection string ${server}: ${(error as Error).message}`);
    }
    const session = new ServerSession(client, server, names);
    const store = new EventStoreDbStore(session, options);
    try {
      // Any read answers; this one finds nothing.
      await store.readEvent('00000000-0000-0000-0000-000000000000');
      if (internal.logStartsNow) {
        const [last] = await session.collect(
          client.readAll({ from: 'end', direction: 'backwards', maxCount: 1 }),
        );
        store.#logStart = last?.position ? Number(last.position.commit) : 0;
      }
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async append(
    streamId: string,
    events: readonly ProposedEvent[],
    options?: { readonly expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult> {
    const [result] = await this.appendMany([
      { streamId, events, expectedVersion: options?.expectedVersion ?? 'any' },
    ]);
    return result!;
  }

  /**
   * Appends to several streams in request order, one atomic server append per request. NOT atomic across
   * streams: every request is checked (expected versions, reused ids) before the first write, so a conflict
   * that is already visible writes nothing, but a failure after the first write (a concurrent writer, a lost
   * connection) stops there and leaves the earlier requests written. Retrying the same call is safe: the
   * written requests are recognised by their event ids.
   */
  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    this.#session.assertOpen();
    if (this.#readOnly) throw readOnlyError(this.#session.server);
    for (const { streamId, events } of requests) {
      this.#session.names.serverName(streamId);
      const bad = events.find((e) => !isCanonicalUuid(e.eventId));
      if (bad) {
        throw new RangeError(
          `event id '${bad.eventId}': EventStoreDB needs a lower-case UUID (as newEventId makes)`,
        );
      }
    }
    return this.#session.guard(() => appendInOrder(this.#appendIo(), requests));
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#session.assertOpen();
    const start = streamReadStart(options);
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (start === 'nothing' || limit <= 0) return;
    const backwards = options.direction === 'backward';
    let from = start;
    let remaining = limit;
    while (remaining > 0) {
      const size = Math.min(PAGE_SIZE, remaining);
      const page = await this.#session.collect(
        this.#session.client.readStream(this.#session.names.serverName(streamId), {
          from,
          direction: backwards ? 'backwards' : 'forwards',
          maxCount: size,
        }),
      );
      for (const e of page) yield decodeEvent(e, streamId);
      const last = page.at(-1);
      if (page.length < size || !last) return;
      remaining -= page.length;
      if (backwards && last.revision === 0n) return;
      from = backwards ? last.revision - 1n : last.revision + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.#session.assertOpen();
    const batchSize = options.batchSize ?? PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? Number.POSITIVE_INFINITY;
    const after = Math.max(options.after ?? 0, this.#logStart);
    // `seen` is the last server position consumed, system events included; reads include their start.
    let seen = BigInt(after);
    let from = startAfter(after);
    while (true) {
      const maxCount = from === 'start' ? batchSize : batchSize + 1;
      const page = await this.#session.collect(
        this.#session.client.readAll({ from, direction: 'forwards', maxCount }),
      );
      const fresh = page.filter((e) => e.position !== undefined && e.position.commit > seen);
      for (const e of fresh) {
        const event = this.#decodeOwned(e);
        if (!event || !isAfterCheckpoint(event.globalPosition, after)) continue;
        if (event.globalPosition > to) return;
        yield event;
      }
      const last = fresh.at(-1)?.position;
      if (page.length < maxCount || !last) return;
      seen = last.commit;
      from = last;
    }
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    this.#session.assertOpen();
    if (!isCanonicalUuid(eventId)) return undefined;
    return lookupIndexed(this.#session, eventId);
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const after = Math.max(options.after ?? 0, this.#logStart);
    const session = this.#session;
    const { prefix } = session.names;
    return subscribeWithResubscription(
      {
        isClosed: () => session.closed,
        onClose: (listener) => session.onClose(listener),
        open: (from) =>
          session.track(
            session.client.subscribeToAll({
              from: startAfter(from),
              filter: prefix ? { kind: 'stream-prefix', prefix } : { kind: 'exclude-system-events' },
            }),
          ),
        decode: (e) => this.#decodeOwned(e),
        toStoreError: (error) => toStoreError(error, session.server),
      },
      { ...options, after },
      this.#resubscribe,
    );
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.#tail(streamId, 0)).head.version;
  }

  async headPosition(): Promise<number> {
    this.#session.assertOpen();
    // Backward reads exclude their start, so each page continues from the last event of the one before.
    let from: LogPosition | 'end' = 'end';
    while (true) {
      const page = await this.#session.collect(
        this.#session.client.readAll({ from, direction: 'backwards', maxCount: PAGE_SIZE }),
      );
      for (const e of page) {
        if (e.position && e.position.commit <= BigInt(this.#logStart)) return 0;
        const event = this.#decodeOwned(e);
        if (event) return event.globalPosition;
      }
      const last = page.at(-1)?.position;
      if (page.length < PAGE_SIZE || !last) return 0;
      from = last;
    }
  }

  /** Streams in order of first appearance: each stream's first event in `$all`, with its current version. */
  async *listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }> {
    for await (const event of this.readAll()) {
      if (event.streamVersion === 1) {
        yield { streamId: event.streamId, version: await this.streamVersion(event.streamId) };
      }
    }
  }

  close(): Promise<void> {
    return this.#session.close();
  }

  #appendIo(): AppendIo {
    const session = this.#session;
    return {
      lookup: (eventIds) => mapConcurrently(eventIds, (eventId) => lookupIndexed(session, eventId)),
      tail: (streamId, count) => this.#tail(streamId, count),
      write: (streamId, events, expected) =>
        session.client.append(session.names.serverName(streamId), events.map(encodeEvent), expected),
      index: (streamId, events) => writeIndexLinks(session, streamId, events),
      readBack: async (streamId, fromVersion, count) => {
        const page = await session.collect(
          session.client.readStream(session.names.serverName(streamId), {
            from: revisionOfVersion(fromVersion),
            direction: 'forwards',
            maxCount: count,
          }),
        );
        return page.map((e) => decodeEvent(e, streamId));
      },
    };
  }

  /** A stream's head and its last `count` events, oldest first. */
  async #tail(streamId: string, count: number): Promise<StreamTail> {
    const page = await this.#session.collect(
      this.#session.client.readStream(this.#session.names.serverName(streamId), {
        from: 'end',
        direction: 'backwards',
        maxCount: Math.max(count, 1),
      }),
    );
    const recent = page.map((e) => decodeEvent(e, streamId)).reverse();
    const last = recent.at(-1);
    return {
      head: last ? { version: last.streamVersion, hash: last.hash } : EMPTY_HEAD,
      recent: recent.slice(recent.length - count),
    };
  }

  /** The decoded event when a server event is one of this store's, else undefined. */
  #decodeOwned(e: ServerEvent | undefined): RecordedEvent | undefined {
    const { names } = this.#session;
    if (!e || !names.owns(e)) return undefined;
    return decodeEvent(e, names.streamIdOf(e.streamName)!);
  }
}

import {
  type AppendRequest,
  type AppendResult,
  type ChainedEvent,
  EMPTY_HEAD,
  type EventStore,
  type ExpectedVersion,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  StoreUnavailableError,
  type SubscribeOptions,
} from '@lvzhi/core';
import { type AppendIo, appendInOrder, type StreamTail } from './appendPlan.ts';
import {
  connectClient,
  describeClientFailure,
  type EsdbClient,
  type LogPosition,
  type ServerEvent,
  type ServerEventStream,
} from './client.ts';
import { mapConcurrently } from './concurrency.ts';
import { decodeEvent, encodeEvent } from './eventCodec.ts';
import { indexLink } from './eventIndex.ts';
import { isAfterCheckpoint, startAfter } from './positions.ts';
import { revisionOfVersion, streamReadStart } from './revisions.ts';
import { closedError, readOnlyError, redactConnectionString, toStoreError } from './storeErrors.ts';
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
  readonly #client: EsdbClient;
  readonly #server: string;
  readonly #names: StreamNames;
  readonly #readOnly: boolean;
  readonly #resubscribe: ResubscribeOptions;
  readonly #open = new Set<ServerEventStream>();
  readonly #closeListeners = new Set<() => void>();
  /** The server position the log starts after (0: the start of `$all`). */
  #logStart = 0;
  #closed = false;

  private constructor(client: EsdbClient, server: string, options: EventStoreDbStoreOptions) {
    this.#client = client;
    this.#server = server;
    this.#names = new StreamNames(options.streamPrefix);
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
    let client: EsdbClient;
    try {
      client = connectClient(connectionString);
    } catch (error) {
      throw new StoreUnavailableError(
        `EventStoreDB ${server}: invalid connection string (${(error as Error).message})`,
        {
          cause: error,
        },
      );
    }
    const store = new EventStoreDbStore(client, server, options);
    try {
      // Any read answers; this one finds nothing.
      await store.readEvent('00000000-0000-0000-0000-000000000000');
      if (internal.logStartsNow) {
        const [last] = await store.#collect(
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
    this.#assertOpen();
    if (this.#readOnly) throw readOnlyError(this.#server);
    for (const { streamId, events } of requests) {
      this.#names.serverName(streamId);
      const bad = events.find((e) => !isCanonicalUuid(e.eventId));
      if (bad) {
        throw new RangeError(
          `event id '${bad.eventId}': EventStoreDB needs a lower-case UUID (as newEventId makes)`,
        );
      }
    }
    return this.#guard(() => appendInOrder(this.#appendIo(), requests));
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const start = streamReadStart(options);
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (start === 'nothing' || limit <= 0) return;
    const backwards = options.direction === 'backward';
    let from = start;
    let remaining = limit;
    while (remaining > 0) {
      const size = Math.min(PAGE_SIZE, remaining);
      const page = await this.#collect(
        this.#client.readStream(this.#names.serverName(streamId), {
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
    this.#assertOpen();
    const batchSize = options.batchSize ?? PAGE_SIZE;
    assertPositiveInteger('batchSize', batchSize);
    const to = options.to ?? Number.POSITIVE_INFINITY;
    const after = Math.max(options.after ?? 0, this.#logStart);
    // `seen` is the last server position consumed, system events included; reads include their start.
    let seen = BigInt(after);
    let from = startAfter(after);
    while (true) {
      const maxCount = from === 'start' ? batchSize : batchSize + 1;
      const page = await this.#collect(this.#client.readAll({ from, direction: 'forwards', maxCount }));
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
    this.#assertOpen();
    if (!isCanonicalUuid(eventId)) return undefined;
    return this.#guard(() => this.#lookup(eventId));
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const after = Math.max(options.after ?? 0, this.#logStart);
    return subscribeWithResubscription(
      {
        isClosed: () => this.#closed,
        onClose: (listener) => {
          this.#closeListeners.add(listener);
          return () => this.#closeListeners.delete(listener);
        },
        open: (after) =>
          this.#track(
            this.#client.subscribeToAll({
              from: startAfter(after),
              filter: this.#names.prefix
                ? { kind: 'stream-prefix', prefix: this.#names.prefix }
                : { kind: 'exclude-system-events' },
            }),
          ),
        decode: (e) => this.#decodeOwned(e),
        toStoreError: (error) => toStoreError(error, this.#server),
      },
      { ...options, after },
      this.#resubscribe,
    );
  }

  async streamVersion(streamId: string): Promise<number> {
    this.#assertOpen();
    return (await this.#guard(() => this.#tail(streamId, 0))).head.version;
  }

  async headPosition(): Promise<number> {
    this.#assertOpen();
    // Backward reads exclude their start, so each page continues from the last event of the one before.
    let from: LogPosition | 'end' = 'end';
    while (true) {
      const page = await this.#collect(
        this.#client.readAll({ from, direction: 'backwards', maxCount: PAGE_SIZE }),
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

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of [...this.#closeListeners]) listener();
    for (const stream of [...this.#open]) stream.cancel();
    await this.#client.dispose().catch(() => undefined);
  }

  #appendIo(): AppendIo {
    return {
      lookup: (eventIds) => mapConcurrently(eventIds, (eventId) => this.#lookup(eventId)),
      tail: (streamId, count) => this.#tail(streamId, count),
      write: (streamId, events, expected) =>
        this.#client.append(this.#names.serverName(streamId), events.map(encodeEvent), expected),
      index: (streamId, events) => this.#writeIndex(streamId, events),
      readBack: async (streamId, fromVersion, count) => {
        const page = await this.#collect(
          this.#client.readStream(this.#names.serverName(streamId), {
            from: revisionOfVersion(fromVersion),
            direction: 'forwards',
            maxCount: count,
          }),
        );
        return page.map((e) => decodeEvent(e, streamId));
      },
    };
  }

  async #lookup(eventId: string): Promise<RecordedEvent | undefined> {
    const [found] = await this.#collectResolved(
      this.#client.readStream(this.#names.indexStream(eventId), {
        from: 'start',
        direction: 'forwards',
        maxCount: 1,
        resolveLinks: true,
      }),
    );
    const event = found?.event;
    if (!event || event.eventId !== eventId) return undefined;
    const streamId = this.#names.streamIdOf(event.streamName);
    return streamId === undefined ? undefined : decodeEvent(event, streamId);
  }

  async #tail(streamId: string, count: number): Promise<StreamTail> {
    const page = await this.#collect(
      this.#client.readStream(this.#names.serverName(streamId), {
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

  async #writeIndex(streamId: string, events: readonly ChainedEvent[]): Promise<void> {
    const serverStream = this.#names.serverName(streamId);
    await mapConcurrently(events, async (e) => {
      const link = indexLink(e.eventId, serverStream, revisionOfVersion(e.streamVersion));
      try {
        await this.#client.append(this.#names.indexStream(e.eventId), [link], 'no_stream');
      } catch (error) {
        // The index already points elsewhere: the first write of an id wins.
        if (describeClientFailure(error).kind !== 'wrong-expected-version') throw error;
      }
    });
  }

  /** The decoded event when a server event is one of this store's, else undefined. */
  #decodeOwned(e: ServerEvent | undefined): RecordedEvent | undefined {
    if (!e || !this.#names.owns(e)) return undefined;
    return decodeEvent(e, this.#names.streamIdOf(e.streamName)!);
  }

  async #collect(stream: ServerEventStream): Promise<ServerEvent[]> {
    const resolved = await this.#collectResolved(stream);
    return resolved.flatMap((r) => (r.event ? [r.event] : []));
  }

  /** Reads a whole (bounded) server read, translating failures; a read cut short by `close` fails as closed. */
  async #collectResolved(stream: ServerEventStream): Promise<{ event: ServerEvent | undefined }[]> {
    this.#assertOpen();
    this.#track(stream);
    try {
      const items: { event: ServerEvent | undefined }[] = [];
      for await (const item of stream) items.push(item);
      return items;
    } catch (error) {
      if (this.#closed) throw closedError(this.#server);
      throw toStoreError(error, this.#server);
    } finally {
      this.#open.delete(stream);
    }
  }

  #track(stream: ServerEventStream): ServerEventStream {
    this.#open.add(stream);
    return stream;
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (this.#closed) throw closedError(this.#server);
      throw toStoreError(error, this.#server);
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw closedError(this.#server);
  }
}

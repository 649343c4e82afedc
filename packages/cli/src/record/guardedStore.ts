import {
  type AppendRequest,
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  type ExpectedVersion,
  type ProposedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@lvzhi/core';

/**
 * An `--atomic` record could not stay all-or-nothing: another writer changed the store while it ran, so the
 * command handler would have had to write part of the file. Nothing of the file was written.
 */
export class AtomicRecordInterrupted extends Error {
  override readonly name = 'AtomicRecordInterrupted';
}

/**
 * Wraps a store for an `--atomic` record: appends are refused until `allowOneAppend()` arms the single final
 * transaction, and a concurrency conflict is not retried command by command (which would write part of the
 * file) but ends the record with `AtomicRecordInterrupted`.
 */
export class AtomicGuardedStore implements EventStore {
  readonly #inner: EventStore;
  #armed = false;

  constructor(inner: EventStore) {
    this.#inner = inner;
  }

  /** Lets exactly one `appendMany` through: the final transaction of the file. */
  allowOneAppend(): void {
    this.#armed = true;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (!this.#armed)
      throw new AtomicRecordInterrupted('another writer changed the store during an atomic record');
    this.#armed = false;
    try {
      return await this.#inner.appendMany(requests);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw new AtomicRecordInterrupted(error.message);
      throw error;
    }
  }

  append(
    streamId: string,
    events: readonly ProposedEvent[],
    options?: { readonly expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult> {
    return this.appendMany([
      { streamId, events, ...(options?.expectedVersion === undefined ? {} : options) },
    ]).then((r) => r[0]!);
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.#inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.#inner.readAll(options);
  }

  readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    return this.#inner.readEvent(eventId);
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.#inner.subscribe(options);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.#inner.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.#inner.headPosition();
  }

  listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }> {
    return this.#inner.listStreams();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}

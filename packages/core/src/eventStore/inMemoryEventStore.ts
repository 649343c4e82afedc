import type { ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import { chainEvents, EMPTY_HEAD } from '../envelope/hashChain.ts';
import { DuplicateEventIdError, StoreUnavailableError } from './errors.ts';
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from './eventStore.ts';
import { assertExpectedVersion } from './expectedVersion.ts';
import { classifyAppend } from './idempotency.ts';

/** An event store held in memory: for tests, examples and short-lived tools. */
export class InMemoryEventStore implements EventStore {
  readonly #log: RecordedEvent[] = [];
  readonly #streams = new Map<string, RecordedEvent[]>();
  readonly #byId = new Map<string, RecordedEvent>();
  readonly #waiters = new Set<() => void>();
  #closed = false;

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

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    this.#assertOpen();
    // Plan every request first so that a failure writes nothing.
    const planned: { streamId: string; stored: RecordedEvent[]; isNew: boolean }[] = [];
    const heads = new Map<string, { version: number; hash: string }>();
    const seenIds = new Set<string>();
    for (const req of requests) {
      const kind = classifyAppend(
        req.streamId,
        req.events,
        req.events.map((e) => this.#byId.get(e.eventId)),
      );
      if (kind.kind === 'retry') {
        planned.push({ streamId: req.streamId, stored: [...kind.events], isNew: false });
        continue;
      }
      if (req.events.length === 0) {
        // An empty append checks the expected version and writes nothing; it creates no stream.
        const head = heads.get(req.streamId) ?? this.#head(req.streamId);
        assertExpectedVersion(req.streamId, req.expectedVersion ?? 'any', head.version);
        planned.push({ streamId: req.streamId, stored: [], isNew: false });
        continue;
      }
      const head = heads.get(req.streamId) ?? this.#head(req.streamId);
      assertExpectedVersion(req.streamId, req.expectedVersion ?? 'any', head.version);
      for (const e of req.events) {
        if (seenIds.has(e.eventId)) throw new DuplicateEventIdError(e.eventId);
        seenIds.add(e.eventId);
      }
      const chained = chainEvents(req.streamId, head, req.events);
      const last = chained.at(-1);
      if (last) heads.set(req.streamId, { version: last.streamVersion, hash: last.hash });
      planned.push({
        streamId: req.streamId,
        stored: chained.map((c) => ({ ...c, globalPosition: 0 })),
        isNew: true,
      });
    }
    let position = this.#log.length;
    const results: AppendResult[] = [];
    for (const p of planned) {
      if (p.isNew) {
        p.stored = p.stored.map((e) => ({ ...e, globalPosition: ++position }));
        const stream = this.#streams.get(p.streamId) ?? [];
        for (const e of p.stored) {
          this.#log.push(e);
          stream.push(e);
          this.#byId.set(e.eventId, e);
        }
        this.#streams.set(p.streamId, stream);
      }
      // A retry reports the version its original append reached, not the stream's head now.
      results.push({
        streamId: p.streamId,
        nextExpectedVersion: p.stored.at(-1)?.streamVersion ?? this.#head(p.streamId).version,
        events: p.stored,
      });
    }
    for (const wake of this.#waiters) wake();
    return results;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const stream = this.#streams.get(streamId) ?? [];
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    let n = 0;
    if ((options.direction ?? 'forward') === 'forward') {
      for (let i = Math.max((options.from ?? 1) - 1, 0); i < stream.length && n < limit; i++, n++)
        yield stream[i]!;
    } else {
      for (
        let i = Math.min((options.from ?? stream.length) - 1, stream.length - 1);
        i >= 0 && n < limit;
        i--, n++
      ) {
        yield stream[i]!;
      }
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.#assertOpen();
    const to = options.to ?? Number.POSITIVE_INFINITY;
    for (let i = options.after ?? 0; i < this.#log.length; i++) {
      const e = this.#log[i]!;
      if (e.globalPosition > to) return;
      yield e;
    }
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    this.#assertOpen();
    return this.#byId.get(eventId);
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? 0;
    const signal = options.signal;
    while (!signal?.aborted && !this.#closed) {
      while (after < this.#log.length) {
        if (signal?.aborted) return;
        const e = this.#log[after]!;
        after = e.globalPosition;
        yield e;
      }
      if (signal?.aborted || this.#closed) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.#waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    this.#assertOpen();
    return this.#head(streamId).version;
  }

  async headPosition(): Promise<number> {
    this.#assertOpen();
    return this.#log.length;
  }

  async *listStreams(): AsyncIterable<{ readonly streamId: string; readonly version: number }> {
    this.#assertOpen();
    for (const [streamId, events] of this.#streams) yield { streamId, version: events.length };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of this.#waiters) wake();
  }

  #head(streamId: string): { version: number; hash: string } {
    const last = this.#streams.get(streamId)?.at(-1);
    return last ? { version: last.streamVersion, hash: last.hash } : EMPTY_HEAD;
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreUnavailableError('the in-memory store is closed');
  }
}

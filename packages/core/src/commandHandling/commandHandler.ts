import type { EventMetadata, ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import { newEventId } from '../envelope/eventId.ts';
import { ConcurrencyError } from '../eventStore/errors.ts';
import type { AppendRequest, EventStore, ExpectedVersion } from '../eventStore/eventStore.ts';
import { CURRENT_SCHEMA_VERSION } from '../events/eventSchemas.ts';
import { authorizeRecorder, type RecorderPolicy } from '../recorders/recorderPolicy.ts';
import type { ParsedCommand } from './commands.ts';
import type { Decision, DecisionContext } from './decision.ts';
import { EventNotLoaded, StreamNotLoaded, streamKind } from './domainState.ts';
import {
  type CommandHandlerOptions,
  type CommandOutcome,
  instantMs,
  isParsed,
  MAYBE_STALE,
  type Mutable,
} from './handlerSupport.ts';
import { parseCommand } from './parseCommand.ts';
import { evolverOf, OwnPositions, StreamCache } from './streamCache.ts';

export type { CommandHandlerOptions, CommandOutcome };

/** A decided command waiting for `flush`, with the one event it appends (its append request is built then). */
interface Pending<T> {
  readonly tag: T;
  readonly command: ParsedCommand;
  readonly source: string | undefined;
  readonly streamId: string;
  readonly event: ProposedEvent;
  readonly expectedVersion: ExpectedVersion;
}

/** What a decision needs that is not in memory yet: a stream to load or an event to look up. */
type Missing = StreamNotLoaded | EventNotLoaded;

/**
 * Records commands: load the streams a decision needs (once, then kept in memory), decide, append with the
 * expected version, and retry on conflict. `submit` decides and buffers; `flush` appends the buffer in one
 * transaction; `handle` does both for one command.
 */
export class CommandHandler<T = number> {
  readonly #store: EventStore;
  readonly #clock: () => number;
  readonly #newEventId: () => string;
  readonly #maxRetries: number;
  readonly #correlationId: string | undefined;
  readonly #recorderPolicy: RecorderPolicy | undefined;
  readonly #cache = new StreamCache();
  readonly #events = new Map<string, RecordedEvent | null>();
  #pending: Pending<T>[] = [];
  /** The batch `flushAhead` is appending, with its append. */
  #inFlight:
    | {
        readonly batch: readonly Pending<T>[];
        readonly appending: Promise<{ tag: T; outcome: CommandOutcome }[]>;
      }
    | undefined;
  #settled: { tag: T; outcome: CommandOutcome }[] = [];
  #knownHead: number | undefined;
  /** Positions this handler appended since `#knownHead`. */
  readonly #own = new OwnPositions();
  /**
   * True while the log holds nothing but what this handler appended (it was empty when first looked at, and
   * each append continued it): a stream not in memory then has no events, so it is not read from the store.
   */
  #onlyOwnWrites = false;
  /** The last position this handler appended (while `#onlyOwnWrites`). */
  #lastOwnPosition = 0;
  /** One decision context for all decisions: only its `recordedAt` changes between them. */
  readonly #context: { recordedAt: number } & DecisionContext;

  constructor(store: EventStore, options: CommandHandlerOptions = {}) {
    this.#store = store;
    this.#clock = options.clock ?? Date.now;
    this.#newEventId = options.newEventId ?? newEventId;
    this.#maxRetries = options.maxRetries ?? 5;
    this.#correlationId = options.correlationId;
    this.#recorderPolicy = options.recorderPolicy;
    const cache = this.#cache;
    this.#context = {
      recordedAt: 0,
      committee: cache.stateIn('committee'),
      member: cache.stateIn('member'),
      meeting: cache.stateIn('meeting'),
      proposal: cache.stateIn('proposal'),
      opinion: cache.stateIn('opinion'),
      event: (id) => this.#eventOf(id),
    };
  }

  /** How many decided commands wait for `flush`. */
  get pendingCount(): number {
    return this.#pending.length;
  }

  /** Decides and records one command at once. */
  async handle(input: unknown, source?: string): Promise<CommandOutcome> {
    const parsed = isParsed(input) ? { ok: true as const, value: input } : parseCommand(input);
    if (!parsed.ok) return { status: 'rejected', rejection: parsed.error };
    await this.flush().then((r) => this.#settled.push(...r));
    for (let attempt = 0; ; attempt++) {
      const decided = await this.submit(parsed.value, undefined as T, source);
      if (decided !== 'pending') return decided;
      const batch = this.#pending;
      this.#pending = [];
      try {
        const [only] = await this.#append(batch);
        return only!.outcome;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= this.#maxRetries) throw error;
      }
    }
  }

  /**
   * Parses and decides a command against the current state, buffering its event; returns the final outcome
   * when it is refused or a no-op, else `'pending'` until `flush`.
   */
  async submit(input: unknown, tag: T, source?: string): Promise<CommandOutcome | 'pending'> {
    return this.trySubmit(input, tag, source);
  }

  /**
   * Like `submit`, but gives the outcome synchronously when every stream the decision needs is in memory
   * already (the common case of a long import), and a promise only when it must read the store first.
   */
  trySubmit(
    input: unknown,
    tag: T,
    source?: string,
  ): CommandOutcome | 'pending' | Promise<CommandOutcome | 'pending'> {
    const parsed = isParsed(input) ? { ok: true as const, value: input } : parseCommand(input);
    if (!parsed.ok) return { status: 'rejected', rejection: parsed.error };
    const command = parsed.value;
    const recordedAt =
      command.meta.recordedAt === undefined ? this.#clock() : instantMs(command.meta.recordedAt);
    if (this.#knownHead !== undefined) {
      const decision = this.#decideNow(command, recordedAt);
      if (
        !(decision instanceof StreamNotLoaded || decision instanceof EventNotLoaded) &&
        (decision.ok || !MAYBE_STALE.has(decision.error.code)) &&
        (!decision.ok || decision.value === 'no-op' || this.#cache.has(decision.value.streamId))
      ) {
        return this.#accept(command, recordedAt, decision, tag, source);
      }
    }
    return this.#submitLoading(command, recordedAt, tag, source);
  }

  /** `trySubmit` when the decision needs streams or events read from the store first. */
  async #submitLoading(
    command: ParsedCommand,
    recordedAt: number,
    tag: T,
    source: string | undefined,
  ): Promise<CommandOutcome | 'pending'> {
    // Reads of the store must see what this handler appended: let a batch in flight land first.
    await this.#settleInFlight();
    if (this.#knownHead === undefined) {
      const head = await this.#store.headPosition();
      this.#knownHead ??= head;
      this.#onlyOwnWrites = head === 0 && this.#cache.size === 0;
    }
    let decision = await this.#decide(command, recordedAt);
    if (!decision.ok && MAYBE_STALE.has(decision.error.code) && (await this.#refresh())) {
      decision = await this.#decide(command, recordedAt);
    }
    // A decision may record on a stream it did not read.
    if (decision.ok && decision.value !== 'no-op' && !this.#cache.has(decision.value.streamId)) {
      await this.#load(decision.value.streamId);
    }
    return this.#accept(command, recordedAt, decision, tag, source);
  }

  /** Buffers the event of an accepted decision (its stream is in memory) and folds it into the stream's state. */
  #accept(
    command: ParsedCommand,
    recordedAt: number,
    decision: Decision,
    tag: T,
    source: string | undefined,
  ): CommandOutcome | 'pending' {
    if (!decision.ok) return { status: 'rejected', rejection: decision.error };
    if (decision.value === 'no-op') return { status: 'no-op' };
    const { streamId, type, data } = decision.value;
    const cached = this.#cache.get(streamId)!;
    const metadata: Mutable<EventMetadata> = {
      recordedAt: command.meta.recordedAt ?? new Date(recordedAt).toISOString(),
      recordedBy: command.meta.recordedBy,
    };
    if (this.#correlationId !== undefined) metadata.correlationId = this.#correlationId;
    if (source !== undefined) metadata.source = source;
    const eventId = this.#newEventId();
    const event: ProposedEvent = { eventId, type, schemaVersion: CURRENT_SCHEMA_VERSION, data, metadata };
    this.#pending.push({
      tag,
      command,
      source,
      streamId,
      event,
      expectedVersion: cached.version === 0 ? 'no-stream' : cached.version,
    });
    cached.state = cached.evolve(cached.state, { eventId, streamId, type, data, metadata });
    cached.version += 1;
    return 'pending';
  }

  /** Appends every buffered command in one transaction; after a conflict, records them one by one. */
  async flush(): Promise<{ tag: T; outcome: CommandOutcome }[]> {
    const settled = await this.flushAhead();
    await this.#settleInFlight();
    const appended = this.#settled;
    this.#settled = [];
    return settled.length === 0 ? appended : [...settled, ...appended];
  }

  /**
   * Like `flush`, but does not wait for the buffered commands to be written: waits for the batch started by
   * the previous call, starts appending the buffer, and returns the outcomes settled so far (the previous
   * batch's). The next commands are decided while the store writes, on the state the started batch leaves;
   * should it fail on a conflict, they are decided again after it is recorded one by one. `flush` ends it.
   */
  async flushAhead(): Promise<{ tag: T; outcome: CommandOutcome }[]> {
    await this.#settleInFlight();
    const settled = this.#settled;
    this.#settled = [];
    if (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      const appending = this.#append(batch);
      // Settled by the next call; until then a rejection is not unhandled.
      appending.catch(() => undefined);
      this.#inFlight = { batch, appending };
    }
    return settled;
  }

  /** Waits for the batch `flushAhead` started, keeping its outcomes in `#settled`. */
  async #settleInFlight(): Promise<void> {
    const inFlight = this.#inFlight;
    if (inFlight === undefined) return;
    this.#inFlight = undefined;
    try {
      this.#settled.push(...(await inFlight.appending));
    } catch (error) {
      // The buffer was decided on the failed batch's state: forget that state and decide it again.
      const next = this.#pending;
      this.#pending = [];
      for (const p of next) this.#forget(p.streamId);
      if (!(error instanceof ConcurrencyError)) throw error;
      for (const p of inFlight.batch) {
        // `handle` flushes, which takes `#settled` away: read the field only after it returns.
        const outcome = await this.handle(p.command, p.source);
        this.#settled.push({ tag: p.tag, outcome });
      }
      for (const p of next) {
        const outcome = await this.submit(p.command, p.tag, p.source);
        if (outcome !== 'pending') this.#settled.push({ tag: p.tag, outcome });
      }
    }
  }

  /** Drops every buffered command (nothing is written) and forgets the state they changed. */
  discard(): void {
    for (const p of this.#pending) this.#forget(p.streamId);
    this.#pending = [];
  }

  async #append(batch: readonly Pending<T>[]): Promise<{ tag: T; outcome: CommandOutcome }[]> {
    try {
      const results = await this.#store.appendMany(
        batch.map(
          (p): AppendRequest => ({
            streamId: p.streamId,
            events: [p.event],
            expectedVersion: p.expectedVersion,
          }),
        ),
      );
      const outcomes: { tag: T; outcome: CommandOutcome }[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const events = results[i]!.events;
        for (const e of events) this.#ownPosition(e.globalPosition);
        outcomes[i] = { tag: batch[i]!.tag, outcome: { status: 'recorded', events } };
      }
      return outcomes;
    } catch (error) {
      // Nothing of the batch was written: forget the state it changed.
      for (const p of batch) this.#forget(p.streamId);
      throw error;
    }
  }

  /**
   * Decides against the streams in memory (a stream the log cannot hold yet counts as empty); returns what is
   * missing instead when a decision needs more.
   */
  #decideNow(command: ParsedCommand, recordedAt: number): Decision | Missing {
    const context = this.#context;
    context.recordedAt = recordedAt;
    for (;;) {
      try {
        if (this.#recorderPolicy) {
          const denied = authorizeRecorder(command, context, this.#recorderPolicy);
          if (denied) return { ok: false, error: denied };
        }
        return command.definition.decide(command.data, context);
      } catch (signal) {
        // A stream the log cannot hold yet (see `#onlyOwnWrites`) is kept as empty.
        if (signal instanceof StreamNotLoaded && this.#onlyOwnWrites) {
          const kind = streamKind(signal.streamId);
          this.#cache.keep(signal.streamId, 0, kind?.initial, kind);
        } else if (signal instanceof StreamNotLoaded || signal instanceof EventNotLoaded) return signal;
        else throw signal;
      }
    }
  }

  async #decide(command: ParsedCommand, recordedAt: number): Promise<Decision> {
    for (;;) {
      const decision = this.#decideNow(command, recordedAt);
      if (decision instanceof StreamNotLoaded) await this.#load(decision.streamId);
      else if (decision instanceof EventNotLoaded) {
        this.#events.set(decision.eventId, (await this.#store.readEvent(decision.eventId)) ?? null);
      } else return decision;
    }
  }

  #eventOf(eventId: string): RecordedEvent | undefined {
    const found = this.#events.get(eventId);
    if (found === undefined) throw new EventNotLoaded(eventId);
    return found ?? undefined;
  }

  async #load(streamId: string): Promise<void> {
    const kind = streamKind(streamId);
    const evolve = evolverOf(kind);
    let state = kind?.initial;
    let version = 0;
    if (!this.#onlyOwnWrites) {
      for await (const e of this.#store.readStream(streamId)) {
        state = evolve(state, e);
        version = e.streamVersion;
      }
    }
    this.#cache.keep(streamId, version, state, kind);
  }

  #forget(streamId: string): void {
    // The store may hold events of a forgotten stream: it must be read again.
    this.#onlyOwnWrites = false;
    this.#cache.forget(streamId);
  }

  #ownPosition(position: number): void {
    // A gap means another writer appended in between (or the store skips positions): stop assuming.
    if (position !== this.#lastOwnPosition + 1) this.#onlyOwnWrites = false;
    this.#lastOwnPosition = position;
    this.#own.add(position);
  }

  /**
   * Catches up with other writers: forgets the streams they wrote to, so they load afresh. It never flushes
   * (an `--atomic` import must write nothing before its end); a stream with buffered events keeps its cached
   * state, and the other writer's events surface as a version conflict when the buffer is flushed.
   */
  async #refresh(): Promise<boolean> {
    const head = await this.#store.headPosition();
    if (head <= (this.#knownHead ?? 0) + this.#own.count) return false;
    const buffered = new Set(this.#pending.map((p) => p.streamId));
    let changed = false;
    for await (const e of this.#store.readAll({ after: this.#knownHead ?? 0 })) {
      if (this.#own.has(e.globalPosition)) continue;
      changed = true;
      this.#onlyOwnWrites = false;
      if (!buffered.has(e.streamId)) this.#forget(e.streamId);
    }
    for (const [id, e] of this.#events) if (e === null) this.#events.delete(id);
    this.#own.clear();
    this.#knownHead = head;
    return changed;
  }
}

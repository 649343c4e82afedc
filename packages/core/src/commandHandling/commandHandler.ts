import type { ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import { newEventId } from '../envelope/eventId.ts';
import { ConcurrencyError } from '../eventStore/errors.ts';
import type { AppendRequest, EventStore } from '../eventStore/eventStore.ts';
import { CURRENT_SCHEMA_VERSION } from '../events/eventSchemas.ts';
import { authorizeRecorder, type RecorderPolicy } from '../recorders/recorderPolicy.ts';
import type { Rejection, RejectionCode } from '../rejections/rejection.ts';
import type { ParsedCommand } from './commands.ts';
import type { Decision, DecisionContext } from './decision.ts';
import {
  decisionContext,
  EventNotLoaded,
  evolveStreamState,
  initialStreamState,
  StreamNotLoaded,
} from './domainState.ts';
import { parseCommand } from './parseCommand.ts';

/** What became of one command. */
export type CommandOutcome =
  | { readonly status: 'recorded'; readonly events: readonly RecordedEvent[] }
  | { readonly status: 'no-op' }
  | { readonly status: 'rejected'; readonly rejection: Rejection };

/** Options of a command handler; the clock and ids come in from outside. */
export interface CommandHandlerOptions {
  readonly clock?: () => number;
  readonly newEventId?: () => string;
  /** Appends retried after a concurrency conflict before giving up (default 5). */
  readonly maxRetries?: number;
  /** Put in every event's metadata. */
  readonly correlationId?: string;
  /** When given, `meta.recordedBy` must be a registered recorder allowed by this policy (off by default). */
  readonly recorderPolicy?: RecorderPolicy;
}

interface Cached {
  version: number;
  state: unknown;
}

interface Pending<T> {
  readonly tag: T;
  readonly command: ParsedCommand;
  readonly source: string | undefined;
  readonly request: AppendRequest;
}

/** Refusals that another process's recent writes could lift: decided again after catching up. */
const MAYBE_STALE: ReadonlySet<RejectionCode> = new Set([
  'unknown-committee',
  'unknown-term',
  'unknown-member',
  'unknown-meeting',
  'unknown-proposal',
  'unknown-opinion',
  'unknown-event',
  'not-seated',
  'not-standing-member',
  'not-filed',
  'merge-target-not-filed',
  'not-answered',
  'unregistered-recorder',
  'unauthorised-recorder',
  'unauthorised-approver',
]);

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
  readonly #cache = new Map<string, Cached>();
  readonly #events = new Map<string, RecordedEvent | null>();
  #pending: Pending<T>[] = [];
  #settled: { tag: T; outcome: CommandOutcome }[] = [];
  #knownHead: number | undefined;
  readonly #ownPositions = new Set<number>();
  /** One decision context for all decisions: only its `recordedAt` changes between them. */
  #context: DecisionContext | undefined;

  constructor(store: EventStore, options: CommandHandlerOptions = {}) {
    this.#store = store;
    this.#clock = options.clock ?? Date.now;
    this.#newEventId = options.newEventId ?? newEventId;
    this.#maxRetries = options.maxRetries ?? 5;
    this.#correlationId = options.correlationId;
    this.#recorderPolicy = options.recorderPolicy;
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
      try {
        const [only] = await this.#append();
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
    const parsed = isParsed(input) ? { ok: true as const, value: input } : parseCommand(input);
    if (!parsed.ok) return { status: 'rejected', rejection: parsed.error };
    const command = parsed.value;
    const recordedAt =
      command.meta.recordedAt === undefined ? this.#clock() : Date.parse(command.meta.recordedAt);
    this.#knownHead ??= await this.#store.headPosition();
    let decision = await this.#decide(command, recordedAt);
    if (!decision.ok && MAYBE_STALE.has(decision.error.code) && (await this.#refresh())) {
      decision = await this.#decide(command, recordedAt);
    }
    if (!decision.ok) return { status: 'rejected', rejection: decision.error };
    if (decision.value === 'no-op') return { status: 'no-op' };
    const { streamId, type, data } = decision.value;
    const cached = this.#cache.get(streamId)!;
    const event: ProposedEvent = {
      eventId: this.#newEventId(),
      type,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      data,
      metadata: {
        recordedAt: command.meta.recordedAt ?? new Date(recordedAt).toISOString(),
        recordedBy: command.meta.recordedBy,
        ...(this.#correlationId === undefined ? {} : { correlationId: this.#correlationId }),
        ...(source === undefined ? {} : { source }),
      },
    };
    this.#pending.push({
      tag,
      command,
      source,
      request: {
        streamId,
        events: [event],
        expectedVersion: cached.version === 0 ? 'no-stream' : cached.version,
      },
    });
    cached.state = evolveStreamState(cached.state, {
      eventId: event.eventId,
      streamId,
      type,
      data,
      metadata: event.metadata,
    });
    cached.version += 1;
    return 'pending';
  }

  /** Appends every buffered command in one transaction; after a conflict, records them one by one. */
  async flush(): Promise<{ tag: T; outcome: CommandOutcome }[]> {
    const settled = this.#settled;
    this.#settled = [];
    if (this.#pending.length === 0) return settled;
    const batch = this.#pending;
    try {
      return [...settled, ...(await this.#append())];
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const outcomes = [...settled];
      for (const p of batch) outcomes.push({ tag: p.tag, outcome: await this.handle(p.command, p.source) });
      return outcomes;
    }
  }

  /** Drops every buffered command (nothing is written) and forgets the state they changed. */
  discard(): void {
    for (const p of this.#pending) this.#cache.delete(p.request.streamId);
    this.#pending = [];
  }

  async #append(): Promise<{ tag: T; outcome: CommandOutcome }[]> {
    const batch = this.#pending;
    try {
      const results = await this.#store.appendMany(batch.map((p) => p.request));
      this.#pending = [];
      return batch.map((p, i) => {
        const events = results[i]!.events;
        for (const e of events) this.#ownPositions.add(e.globalPosition);
        return { tag: p.tag, outcome: { status: 'recorded', events } };
      });
    } catch (error) {
      // Nothing of the batch was written: forget the state it changed.
      for (const p of batch) this.#cache.delete(p.request.streamId);
      this.#pending = [];
      throw error;
    }
  }

  async #decide(command: ParsedCommand, recordedAt: number): Promise<Decision> {
    if (!this.#context) {
      this.#context = decisionContext(
        (id) => this.#stateOf(id),
        (id) => this.#eventOf(id),
        0,
      );
    }
    (this.#context as { recordedAt: number }).recordedAt = recordedAt;
    for (;;) {
      try {
        if (this.#recorderPolicy) {
          const denied = authorizeRecorder(command, this.#context, this.#recorderPolicy);
          if (denied) return { ok: false, error: denied };
        }
        return command.definition.decide(command.data, this.#context);
      } catch (signal) {
        if (signal instanceof StreamNotLoaded) await this.#load(signal.streamId);
        else if (signal instanceof EventNotLoaded) {
          this.#events.set(signal.eventId, (await this.#store.readEvent(signal.eventId)) ?? null);
        } else throw signal;
      }
    }
  }

  #stateOf(streamId: string): unknown {
    const cached = this.#cache.get(streamId);
    if (!cached) throw new StreamNotLoaded(streamId);
    return cached.state;
  }

  #eventOf(eventId: string): RecordedEvent | undefined {
    const found = this.#events.get(eventId);
    if (found === undefined) throw new EventNotLoaded(eventId);
    return found ?? undefined;
  }

  async #load(streamId: string): Promise<void> {
    let state = initialStreamState(streamId);
    let version = 0;
    for await (const e of this.#store.readStream(streamId)) {
      state = evolveStreamState(state, e);
      version = e.streamVersion;
    }
    this.#cache.set(streamId, { version, state });
  }

  /**
   * Catches up with other writers: forgets the streams they wrote to, so they load afresh. It never flushes
   * (an `--atomic` import must write nothing before its end); a stream with buffered events keeps its cached
   * state, and the other writer's events surface as a version conflict when the buffer is flushed.
   */
  async #refresh(): Promise<boolean> {
    const head = await this.#store.headPosition();
    if (head <= (this.#knownHead ?? 0) + this.#ownPositions.size) return false;
    const buffered = new Set(this.#pending.map((p) => p.request.streamId));
    let changed = false;
    for await (const e of this.#store.readAll({ after: this.#knownHead ?? 0 })) {
      if (this.#ownPositions.has(e.globalPosition)) continue;
      changed = true;
      if (!buffered.has(e.streamId)) this.#cache.delete(e.streamId);
    }
    for (const [id, e] of this.#events) if (e === null) this.#events.delete(id);
    this.#ownPositions.clear();
    this.#knownHead = head;
    return changed;
  }
}

function isParsed(input: unknown): input is ParsedCommand {
  return typeof input === 'object' && input !== null && 'definition' in input;
}

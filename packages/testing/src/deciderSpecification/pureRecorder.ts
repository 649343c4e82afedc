import {
  CURRENT_SCHEMA_VERSION,
  chainEvents,
  type Decision,
  type DomainState,
  decider,
  EMPTY_HEAD,
  EVENT_SCHEMAS,
  type EventMetadata,
  isEventType,
  parseCommand,
  type RecordedEvent,
  type Rejection,
  type StreamHead,
} from '@lvzhi/core';

/** A record-format command as a specification writes it: `meta` may be left out (recorded by the clerk, now). */
export interface SpecCommand {
  readonly command: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly meta?: { readonly recordedBy?: string; readonly recordedAt?: string };
}

/** An event given as already recorded; what a store assigns (id, version, hashes, metadata) may be left out. */
export interface GivenEvent {
  readonly type: string;
  readonly streamId: string;
  readonly data: unknown;
  readonly eventId?: string;
  readonly metadata?: EventMetadata;
}

/** What a history recorded so far holds, for commands that name an earlier event (corrections, retractions). */
export interface GivenHistory {
  readonly events: readonly RecordedEvent[];
  readonly state: DomainState;
  /** The last recorded event of a type (optionally on a stream); throws when there is none. */
  last(type: string, streamId?: string): RecordedEvent;
}

/** The clock, the clerk and the ids of a pure recording. */
export interface PureRecordingOptions {
  /** When commands without `meta.recordedAt` are recorded: epoch milliseconds or an ISO-8601 instant. */
  readonly now: number | string;
  /** Who records commands that name nobody (default `'clerk'`). */
  readonly recordedBy?: string;
  /** Mints event ids (default `sequentialEventIds()`). */
  readonly newEventId?: () => string;
}

/** What became of one item of a pure recording. */
export type PureOutcome =
  | { readonly status: 'recorded'; readonly event: RecordedEvent }
  | { readonly status: 'no-op' }
  | { readonly status: 'rejected'; readonly rejection: Rejection };

/**
 * Event ids `00000000-0000-7000-8000-000000000001`, `…002`, …: valid UUIDv7s, the same in every run, so that a
 * `CommandHandler` given this generator mints the ids a pure recording of the same commands mints.
 */
export function sequentialEventIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

/** Decides and records commands, and takes recorded events, in memory with the pure decider: no store. */
export class PureRecorder {
  readonly #now: number;
  readonly #recordedBy: string;
  readonly #newEventId: () => string;
  readonly #events: RecordedEvent[] = [];
  readonly #heads = new Map<string, StreamHead>();
  #state: DomainState = decider.initialState();
  #position = 0;
  readonly history: GivenHistory;

  constructor(options: PureRecordingOptions) {
    const now = typeof options.now === 'number' ? options.now : Date.parse(options.now);
    if (Number.isNaN(now)) throw new TypeError(`now is not an instant: ${String(options.now)}`);
    this.#now = now;
    this.#recordedBy = options.recordedBy ?? 'clerk';
    this.#newEventId = options.newEventId ?? sequentialEventIds();
    const events = this.#events;
    const self = this;
    this.history = {
      events,
      get state() {
        return self.#state;
      },
      last(type, streamId) {
        const found = events.findLast(
          (e) => e.type === type && (streamId === undefined || e.streamId === streamId),
        );
        if (!found)
          throw new Error(`no ${type}${streamId === undefined ? '' : ` on ${streamId}`} was recorded`);
        return found;
      },
    };
  }

  /** Parses and decides a command against the current state, recording nothing. */
  decide(input: SpecCommand): Decision {
    const meta = { recordedBy: this.#recordedBy, ...input.meta };
    const parsed = parseCommand({ command: input.command, data: input.data, meta });
    return parsed.ok ? decider.decide(parsed.value, this.#state, this.#now) : parsed;
  }

  /** Records a command (decided), an event given as recorded (its data checked), or a recorded event as is. */
  record(item: SpecCommand | GivenEvent | RecordedEvent): PureOutcome {
    let event: RecordedEvent;
    if ('command' in item) {
      const decision = this.decide(item);
      if (!decision.ok) return { status: 'rejected', rejection: decision.error };
      if (decision.value === 'no-op') return { status: 'no-op' };
      const { streamId, type, data } = decision.value;
      const recordedAt = item.meta?.recordedAt ?? new Date(this.#now).toISOString();
      event = this.#chain({
        streamId,
        type,
        data,
        metadata: { recordedAt, recordedBy: item.meta?.recordedBy ?? this.#recordedBy },
      });
    } else if ('hash' in item && 'streamVersion' in item) {
      event = item;
    } else {
      if (isEventType(item.type)) {
        const parsed = EVENT_SCHEMAS[item.type].safeParse(item.data);
        if (!parsed.success) throw new TypeError(`${item.type} has invalid data: ${parsed.error.message}`);
      }
      event = this.#chain(item);
    }
    this.#state = decider.evolve(this.#state, event);
    this.#events.push(event);
    this.#heads.set(event.streamId, { version: event.streamVersion, hash: event.hash });
    this.#position = Math.max(this.#position, event.globalPosition);
    return { status: 'recorded', event };
  }

  #chain(e: GivenEvent): RecordedEvent {
    const [chained] = chainEvents(e.streamId, this.#heads.get(e.streamId) ?? EMPTY_HEAD, [
      {
        eventId: e.eventId ?? this.#newEventId(),
        type: e.type,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        data: e.data,
        metadata: e.metadata ?? {
          recordedAt: new Date(this.#now).toISOString(),
          recordedBy: this.#recordedBy,
        },
      },
    ]);
    return { ...chained!, globalPosition: this.#position + 1 };
  }
}

/**
 * Records commands (and events) in order with the pure decider, without a store: the recorded events, the
 * final decision state, and what became of each item.
 */
export function recordPurely(
  items: readonly (SpecCommand | GivenEvent | RecordedEvent)[],
  options: PureRecordingOptions,
): {
  readonly events: readonly RecordedEvent[];
  readonly state: DomainState;
  readonly outcomes: readonly PureOutcome[];
} {
  const recorder = new PureRecorder(options);
  const outcomes = items.map((item) => recorder.record(item));
  return { events: recorder.history.events, state: recorder.history.state, outcomes };
}

import type { RecordedEvent } from '../envelope/envelope.ts';
import { authorizeRecorder, type RecorderPolicy } from '../recorders/recorderPolicy.ts';
import type { ParsedCommand } from './commands.ts';
import type { Decision } from './decision.ts';
import {
  decisionContext,
  type EvolvableEvent,
  evolveStreamState,
  initialStreamState,
} from './domainState.ts';

/** The whole decision state as a pure value: every stream's state, and the events corrections may name. */
export interface DomainState {
  readonly streams: ReadonlyMap<string, unknown>;
  readonly events: ReadonlyMap<string, RecordedEvent>;
}

/**
 * The pure decider of the record format: `decide(command, state)` gives the event to record, a no-op or a
 * rejection; `evolve(state, event)` folds an event; `initialState()` is the empty log's state.
 * The command handler keeps the same states per stream in a cache, so decisions do not re-read the log.
 */
export const decider = {
  initialState: (): DomainState => ({ streams: new Map(), events: new Map() }),
  evolve: (state: DomainState, event: RecordedEvent | EvolvableEvent): DomainState => ({
    streams: new Map(state.streams).set(
      event.streamId,
      evolveStreamState(state.streams.get(event.streamId), event),
    ),
    events: 'hash' in event ? new Map(state.events).set(event.eventId, event) : state.events,
  }),
  decide: (
    command: ParsedCommand,
    state: DomainState,
    now: number,
    recorderPolicy?: RecorderPolicy,
  ): Decision => {
    const recordedAt = command.meta.recordedAt === undefined ? now : Date.parse(command.meta.recordedAt);
    const ctx = decisionContext(
      (id) => state.streams.get(id) ?? initialStreamState(id),
      (id) => state.events.get(id),
      recordedAt,
    );
    const denied = recorderPolicy && authorizeRecorder(command, ctx, recorderPolicy);
    if (denied) return { ok: false, error: denied };
    return command.definition.decide(command.data, ctx);
  },
};

import { evolveCommittee, initialCommitteeState } from '../committees/committeeState.ts';
import type { RecordedEvent } from '../envelope/envelope.ts';
import { parseStreamId, type StreamCategory } from '../ids/ids.ts';
import { evolveMeeting, initialMeetingState } from '../meetings/meetingState.ts';
import { evolveMember, initialMemberState } from '../members/memberState.ts';
import { evolveOpinion, initialOpinionState } from '../opinions/opinionState.ts';
import { evolveProposal, initialProposalState } from '../proposals/proposalState.ts';
import type { DecisionContext } from './decision.ts';

/** The minimal view of an event that `evolve` needs. */
export interface EvolvableEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: { readonly recordedBy: string };
}

type Evolve = (state: never, event: EvolvableEvent) => unknown;

const CATEGORIES: Readonly<Record<StreamCategory, { readonly initial: unknown; readonly evolve: Evolve }>> = {
  committee: { initial: initialCommitteeState, evolve: evolveCommittee as Evolve },
  member: { initial: initialMemberState, evolve: evolveMember as Evolve },
  meeting: { initial: initialMeetingState, evolve: evolveMeeting as Evolve },
  proposal: { initial: initialProposalState, evolve: evolveProposal as Evolve },
  opinion: { initial: initialOpinionState, evolve: evolveOpinion as Evolve },
};

/** How a stream's decision state starts and folds, by its category. */
export interface StreamKind {
  readonly category: StreamCategory;
  /** The entity id: the stream id after `<category>-`. */
  readonly id: string;
  readonly initial: unknown;
  readonly evolve: (state: unknown, event: EvolvableEvent) => unknown;
}

/** The kind of a stream, or undefined for a stream of no known category (which keeps no state). */
export function streamKind(streamId: string): StreamKind | undefined {
  const parsed = parseStreamId(streamId);
  if (!parsed) return undefined;
  const { initial, evolve } = CATEGORIES[parsed.category];
  return {
    category: parsed.category,
    id: parsed.id,
    initial,
    evolve: (state, event) => evolve((state ?? initial) as never, event),
  };
}

/** The initial decision state of a stream (by its category). */
export function initialStreamState(streamId: string): unknown {
  const parsed = parseStreamId(streamId);
  return parsed ? CATEGORIES[parsed.category].initial : undefined;
}

/** Folds one event into its stream's decision state; streams of no known category keep no state. */
export function evolveStreamState(state: unknown, event: EvolvableEvent): unknown {
  const parsed = parseStreamId(event.streamId);
  if (!parsed) return state;
  return CATEGORIES[parsed.category].evolve((state ?? CATEGORIES[parsed.category].initial) as never, event);
}

/**
 * Thrown by a context whose source has not loaded a stream yet; the handler loads it and decides again.
 * A signal, not an error: it carries no stack, so that loading thousands of streams stays cheap.
 */
export class StreamNotLoaded {
  constructor(readonly streamId: string) {}
}

/** Thrown by a context whose source has not looked up an event yet (a signal, like `StreamNotLoaded`). */
export class EventNotLoaded {
  constructor(readonly eventId: string) {}
}

/**
 * A decision context over a source of stream states. `state(streamId)` returns the stream's state, or throws
 * `StreamNotLoaded`; `event(id)` returns the event, undefined when none exists, or throws `EventNotLoaded`.
 */
export function decisionContext(
  state: (streamId: string) => unknown,
  event: (eventId: string) => RecordedEvent | undefined,
  recordedAt: number,
): DecisionContext {
  return {
    recordedAt,
    committee: (id) => state(`committee-${id}`) as ReturnType<DecisionContext['committee']>,
    member: (id) => state(`member-${id}`) as ReturnType<DecisionContext['member']>,
    meeting: (id) => state(`meeting-${id}`) as ReturnType<DecisionContext['meeting']>,
    proposal: (id) => state(`proposal-${id}`) as ReturnType<DecisionContext['proposal']>,
    opinion: (id) => state(`opinion-${id}`) as ReturnType<DecisionContext['opinion']>,
    event,
  };
}

import type { z } from 'zod';
import type { CommitteeState } from '../committees/committeeState.ts';
import type { RecordedEvent } from '../envelope/envelope.ts';
import type { MeetingState } from '../meetings/meetingState.ts';
import type { MemberState } from '../members/memberState.ts';
import type { OpinionState } from '../opinions/opinionState.ts';
import type { ProposalState } from '../proposals/proposalState.ts';
import type { Rejection } from '../rejections/rejection.ts';
import type { Result } from '../rejections/result.ts';

/**
 * What a decision may look at: the state of every stream it names (an unknown stream reads as its initial
 * state), events it refers to by id, and when the command was recorded. It is a pure view.
 */
export interface DecisionContext {
  /** When the command is being recorded (epoch ms): acts cannot occur after it. */
  readonly recordedAt: number;
  committee(id: string): CommitteeState;
  member(id: string): MemberState;
  meeting(id: string): MeetingState;
  proposal(id: string): ProposalState;
  opinion(id: string): OpinionState;
  /** A recorded event by id (for corrections and retractions). */
  event(eventId: string): RecordedEvent | undefined;
}

/** The event a command decides to record, and on which stream. */
export interface Decided {
  readonly streamId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A decision: record one event, do nothing (an identical command was already accepted), or refuse. */
export type Decision = Result<Decided | 'no-op', Rejection>;

/** One command of the record format: its schema and its pure decision. */
export interface CommandDefinition<N extends string = string, S extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly schema: S;
  /** The type of the event it records. */
  readonly eventType: string;
  /** Event ids the decision needs to look up (corrections and retractions). */
  readonly refs?: (data: z.output<S>) => readonly string[];
  readonly decide: (data: z.output<S>, ctx: DecisionContext) => Decision;
}

/** Declares a command with its types inferred. */
export function defineCommand<N extends string, S extends z.ZodType>(
  definition: CommandDefinition<N, S>,
): CommandDefinition<N, S> {
  return definition;
}

import { type Amendments, amend, currentData, NO_AMENDMENTS } from '../corrections/amendments.ts';
import { type KeyedRecords, keep, live } from '../corrections/keyedRecords.ts';
import type { ProposalReviewed, ProposalSubmitted } from './proposalCommands.ts';

/** What deciders know of a proposal: each step of its lifecycle by key (`submitted`, `reviewed`, `key`, …). */
export interface ProposalState {
  readonly steps: KeyedRecords;
  readonly amendments: Amendments;
}

/** A proposal never submitted. */
export const initialProposalState: ProposalState = { steps: new Map(), amendments: NO_AMENDMENTS };

const STEP_OF_EVENT: Readonly<Record<string, (data: Record<string, unknown>) => string>> = {
  ProposalSubmitted: () => 'submitted',
  ProposalReviewed: () => 'reviewed',
  ProposalMarkedKey: () => 'key',
  ProposalAwarded: () => 'awarded',
  ProposalAnswered: () => 'answered',
  ProposerFeedbackRecorded: () => 'feedback',
  LeaderInstructionRecorded: (d) => `instruction:${d.level}`,
};

/** Folds one event of a `proposal-<id>` stream. */
export function evolveProposal(
  state: ProposalState,
  event: { readonly eventId: string; readonly type: string; readonly data: unknown },
): ProposalState {
  const amendments = amend(state.amendments, event);
  if (amendments !== state.amendments) return { ...state, amendments };
  const step = STEP_OF_EVENT[event.type];
  if (!step) return state;
  const added = event.type === 'ProposalSubmitted' ? ['occurredAt'] : ['occurredAt', 'committeeId'];
  return {
    ...state,
    steps: keep(state.steps, amendments, step(event.data as Record<string, unknown>), event, added),
  };
}

/** A live step's current data (corrections applied). */
export function proposalStep<T>(state: ProposalState, step: string): T | undefined {
  const r = live(state.steps, state.amendments, step);
  return r ? currentData(state.amendments, r.eventId, r.data as T) : undefined;
}

/** The proposal as submitted (corrections applied), unless never submitted or retracted. */
export const submittedProposal = (s: ProposalState) => proposalStep<ProposalSubmitted>(s, 'submitted');
/** The review decision, if reviewed. */
export const proposalReview = (s: ProposalState) => proposalStep<ProposalReviewed>(s, 'reviewed');
/** Filed (立案) or merged (并案, counts as filed). */
export const isFiled = (s: ProposalState): boolean => {
  const d = proposalReview(s)?.decision;
  return d === 'filed' || d === 'merged';
};

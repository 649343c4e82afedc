import { type Amendments, amend, currentData, NO_AMENDMENTS } from '../corrections/amendments.ts';
import { type KeyedRecords, keep, live } from '../corrections/keyedRecords.ts';
import type { OpinionSubmitted } from './opinionCommands.ts';

/** What deciders know of a 社情民意 item: submission, adoptions and instructions by key. */
export interface OpinionState {
  readonly steps: KeyedRecords;
  readonly amendments: Amendments;
}

/** An item never submitted. */
export const initialOpinionState: OpinionState = { steps: new Map(), amendments: NO_AMENDMENTS };

/** Folds one event of an `opinion-<id>` stream. */
export function evolveOpinion(
  state: OpinionState,
  event: { readonly eventId: string; readonly type: string; readonly data: unknown },
): OpinionState {
  const amendments = amend(state.amendments, event);
  if (amendments !== state.amendments) return { ...state, amendments };
  const data = event.data as Record<string, unknown>;
  const key =
    event.type === 'OpinionSubmitted'
      ? 'submitted'
      : event.type === 'OpinionAdopted'
        ? `adoption:${data.level}`
        : event.type === 'LeaderInstructionRecorded'
          ? `instruction:${data.level}`
          : undefined;
  if (!key) return state;
  const added = event.type === 'OpinionSubmitted' ? ['occurredAt'] : ['occurredAt', 'committeeId'];
  return { ...state, steps: keep(state.steps, amendments, key, event, added) };
}

/** The item as submitted (corrections applied), unless never submitted or retracted. */
export function submittedOpinion(state: OpinionState): OpinionSubmitted | undefined {
  const r = live(state.steps, state.amendments, 'submitted');
  return r ? currentData(state.amendments, r.eventId, r.data as OpinionSubmitted) : undefined;
}

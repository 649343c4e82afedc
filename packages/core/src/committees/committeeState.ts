import { eventFingerprint } from '../commandHandling/fingerprint.ts';
import { endOfDateInput, startOfDateInput } from '../time/localDate.ts';
import type { CommitteeRegistered, TermOpened } from './committeeCommands.ts';

/** A term as deciders need it. */
export interface TermInfo {
  readonly term: number;
  readonly startsOn: string;
  readonly endsOn: string;
  /** First and last millisecond of the term in the committee's zone. */
  readonly startMs: number;
  readonly endMs: number;
  readonly fingerprint: string;
}

/** What deciders know of a committee. */
export interface CommitteeState {
  /** Fingerprint of the registration, or undefined while unregistered. */
  readonly registered: string | undefined;
  readonly timeZone: string;
  readonly terms: ReadonlyMap<number, TermInfo>;
  /** Registered recorders and their roles (latest registration wins). */
  readonly recorders: ReadonlyMap<string, readonly string[]>;
}

/** A committee never registered. */
export const initialCommitteeState: CommitteeState = {
  registered: undefined,
  timeZone: 'Asia/Shanghai',
  terms: new Map(),
  recorders: new Map(),
};

/** Folds one event of a `committee-<id>` stream. */
export function evolveCommittee(
  state: CommitteeState,
  event: { type: string; data: unknown },
): CommitteeState {
  if (event.type === 'CommitteeRegistered') {
    const data = event.data as CommitteeRegistered;
    return { ...state, registered: eventFingerprint(data, ['occurredAt']), timeZone: data.timeZone };
  }
  if (event.type === 'TermOpened') {
    const command = event.data as TermOpened;
    const info: TermInfo = {
      term: command.term,
      startsOn: command.startsOn,
      endsOn: command.endsOn,
      startMs: startOfDateInput(command.startsOn, state.timeZone),
      endMs: endOfDateInput(command.endsOn, state.timeZone),
      fingerprint: eventFingerprint(command, ['occurredAt']),
    };
    return { ...state, terms: new Map(state.terms).set(command.term, info) };
  }
  if (event.type === 'RecorderRegistered') {
    const data = event.data as { recorderId: string; roles: string[] };
    return { ...state, recorders: new Map(state.recorders).set(data.recorderId, data.roles) };
  }
  return state;
}

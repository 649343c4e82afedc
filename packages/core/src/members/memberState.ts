import { type Amendments, amend, NO_AMENDMENTS } from '../corrections/amendments.ts';
import { type KeyedRecords, keep } from '../corrections/keyedRecords.ts';
import type {
  LongLeaveDeclared,
  MemberAppointed,
  MembershipEnded,
  StandingMemberSet,
} from './memberCommands.ts';

/** An event kept in a stream's state with the id that corrections name. */
export interface Kept<T> {
  readonly eventId: string;
  readonly data: T;
}

/** What deciders know of a member: the facts of membership, and the keys of acts already recorded. */
export interface MemberState {
  readonly appointments: readonly Kept<MemberAppointed>[];
  readonly standingChanges: readonly Kept<StandingMemberSet>[];
  readonly endings: readonly Kept<MembershipEnded>[];
  readonly leaves: readonly Kept<LongLeaveDeclared>[];
  /** Business key → the act recorded under it (attendance per meeting, speech per meeting and mode, …). */
  readonly acts: KeyedRecords;
  readonly amendments: Amendments;
}

/** A member never appointed. */
export const initialMemberState: MemberState = {
  appointments: [],
  standingChanges: [],
  endings: [],
  leaves: [],
  acts: new Map(),
  amendments: NO_AMENDMENTS,
};

/** The business key under which an act on a member stream is recorded, per event type. */
export function memberActKey(type: string, data: Record<string, unknown>): string | undefined {
  switch (type) {
    case 'MemberAppointed':
      return `appointment:${data.committeeId}:${data.term}`;
    case 'StandingMemberSet':
      return `standing:${data.committeeId}:${data.term}:${data.effectiveOn}`;
    case 'MembershipEnded':
      return `ending:${data.committeeId}:${data.term}`;
    case 'LongLeaveDeclared':
      return `leave:${data.from}`;
    case 'AttendanceRecorded':
      return `attendance:${data.meetingId}`;
    case 'SpeechRecorded':
      return `speech:${data.meetingId}:${data.mode}`;
    case 'PublicityRecorded':
      return `publicity:${data.publicityId}`;
    case 'PublicWelfareRecorded':
      return `public-welfare:${data.activityId}`;
    case 'TalkRecorded':
      return `talk:${data.talkId}`;
    case 'HonourRecorded':
      return `honour:${data.honourId}`;
    case 'AnnualReportSubmitted':
      return `annual-report:${data.reportId}`;
    case 'AssessmentDecisionRecorded':
      return `assessment:${data.committeeId}:${data.year}:${data.policyId}`;
    case 'RenominationDecisionRecorded':
      return `renomination:${data.committeeId}:${data.term}`;
    default:
      return undefined;
  }
}

/** Fields the decision adds to an act's command data: the instant, and for meeting acts the committee. */
const ACT_ADDED: readonly string[] = ['occurredAt'];
const MEETING_ACT_ADDED: readonly string[] = ['occurredAt', 'committeeId'];

/** Folds one event of a `member-<id>` stream. */
export function evolveMember(
  state: MemberState,
  event: { readonly eventId: string; readonly type: string; readonly data: unknown },
): MemberState {
  const data = event.data as Record<string, unknown>;
  const amendments = amend(state.amendments, event);
  if (amendments !== state.amendments) return { ...state, amendments };
  const key = memberActKey(event.type, data);
  if (key === undefined) return state;
  const added =
    event.type === 'AttendanceRecorded' || event.type === 'SpeechRecorded' ? MEETING_ACT_ADDED : ACT_ADDED;
  const acts = keep(state.acts, state.amendments, key, event, added);
  const kept = { eventId: event.eventId, data };
  switch (event.type) {
    case 'MemberAppointed':
      return { ...state, acts, appointments: [...state.appointments, kept as Kept<MemberAppointed>] };
    case 'StandingMemberSet':
      return { ...state, acts, standingChanges: [...state.standingChanges, kept as Kept<StandingMemberSet>] };
    case 'MembershipEnded':
      return { ...state, acts, endings: [...state.endings, kept as Kept<MembershipEnded>] };
    case 'LongLeaveDeclared':
      return { ...state, acts, leaves: [...state.leaves, kept as Kept<LongLeaveDeclared>] };
    default:
      return { ...state, acts };
  }
}

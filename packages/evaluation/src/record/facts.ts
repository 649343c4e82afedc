import type { LeaveReason, ProposalRole } from '../policy/vocabulary.ts';

/** What every fact of a member's record carries for the engine. */
interface FactBase {
  /** The event that records the act itself. */
  readonly eventId: string;
  /** When the act occurred (epoch ms): a meeting's start, a submission, … */
  readonly at: number;
  /** The calendar year of the act in the committee's zone. */
  readonly year: number;
  /** The term of the act: the meeting's term, else the term whose dates include it. */
  readonly term: number | undefined;
  /** The local date of the act, for reports. */
  readonly on: string;
  /** The business id (meeting, proposal, item, activity). */
  readonly subjectId: string;
}

/** An attendance at a meeting, with the meeting it was at. */
export interface AttendanceFact extends FactBase {
  readonly family: 'attendance';
  readonly meetingEventId: string;
  readonly meetingKind: string;
  readonly meetingTitle: string;
  readonly status: 'present' | 'excused' | 'absent';
  readonly capacity: string;
  readonly channel: string;
  readonly fractionAttended: number | undefined;
  readonly leaveReason: LeaveReason | undefined;
  /** Whether the member was a standing member (常委) when the meeting started. */
  readonly standing: boolean;
}

/** A speech at a meeting. */
export interface SpeechFact extends FactBase {
  readonly family: 'speech';
  readonly meetingEventId: string;
  readonly meetingKind: string;
  readonly mode: string;
  readonly listed: boolean;
}

/** A proposal in which the member has a credited role, with its status as known now. */
export interface ProposalFact extends FactBase {
  readonly family: 'proposal';
  readonly title: string;
  readonly role: ProposalRole;
  readonly proposerType: string;
  readonly category: string;
  readonly timing: string;
  /** How many co-signers it has (for shared credit). */
  readonly coSigners: number;
  /** The member's place among the named main members of a collective proposal (0-based). */
  readonly mainMemberIndex: number;
  readonly review: { readonly eventId: string; readonly decision: string } | undefined;
  readonly keyEventId: string | undefined;
  readonly awardEventId: string | undefined;
}

/** A 社情民意 item the member authored, with its adoptions as known now. */
export interface OpinionFact extends FactBase {
  readonly family: 'opinion';
  readonly title: string;
  readonly firstAuthor: boolean;
  readonly adoptions: readonly { readonly eventId: string; readonly level: string }[];
}

/** Public welfare, publicity, an honour or a standing member's annual report. */
export interface OtherFact extends FactBase {
  readonly family: 'public-welfare' | 'publicity' | 'honour' | 'annual-report';
  readonly title: string | undefined;
  readonly kind: string | undefined;
  readonly level: string | undefined;
}

/** One act of a member's record, normalized for the engine. */
export type Fact = AttendanceFact | SpeechFact | ProposalFact | OpinionFact | OtherFact;

/** Orders facts by when they occurred, then by business id and event id (never by recording order). */
export function byOccurrence(a: Fact, b: Fact): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.subjectId !== b.subjectId) return a.subjectId < b.subjectId ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

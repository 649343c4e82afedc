import type { z } from 'zod';
import {
  AnnualReportSubmitted,
  HonourRecorded,
  PublicityRecorded,
  PublicWelfareRecorded,
  TalkRecorded,
} from '../activities/activityCommands.ts';
import { AttendanceRecorded, SpeechRecorded } from '../attendance/attendanceCommands.ts';
import { CommitteeRegistered, TermOpened } from '../committees/committeeCommands.ts';
import { RecordCorrected, RecordRetracted } from '../corrections/correctionEvents.ts';
import { AssessmentDecisionRecorded, RenominationDecisionRecorded } from '../decisions/decisionCommands.ts';
import { MeetingScheduled } from '../meetings/meetingCommands.ts';
import {
  LongLeaveDeclared,
  MemberAppointed,
  MembershipEnded,
  StandingMemberSet,
} from '../members/memberCommands.ts';
import { LeaderInstructionRecorded, OpinionAdopted, OpinionSubmitted } from '../opinions/opinionCommands.ts';
import {
  ProposalAnswered,
  ProposalAwarded,
  ProposalMarkedKey,
  ProposalReviewed,
  ProposalSubmitted,
  ProposerFeedbackRecorded,
} from '../proposals/proposalCommands.ts';
import { RecorderRegistered } from '../recorders/recorderCommands.ts';

/** The data schema of every event type, at its current schema version. */
export const EVENT_SCHEMAS = {
  CommitteeRegistered,
  TermOpened,
  RecorderRegistered,
  MemberAppointed,
  StandingMemberSet,
  MembershipEnded,
  LongLeaveDeclared,
  MeetingScheduled,
  AttendanceRecorded,
  SpeechRecorded,
  ProposalSubmitted,
  ProposalReviewed,
  ProposalMarkedKey,
  ProposalAwarded,
  ProposalAnswered,
  ProposerFeedbackRecorded,
  OpinionSubmitted,
  OpinionAdopted,
  LeaderInstructionRecorded,
  PublicityRecorded,
  PublicWelfareRecorded,
  TalkRecorded,
  HonourRecorded,
  AnnualReportSubmitted,
  AssessmentDecisionRecorded,
  RenominationDecisionRecorded,
  RecordRetracted,
  RecordCorrected,
} as const;

/** The type name of a domain event. */
export type EventType = keyof typeof EVENT_SCHEMAS;

/** Every event type, in declaration order. */
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** The schema version of every event type today; a new version comes with an upcaster. */
export const CURRENT_SCHEMA_VERSION = 1;

/** A domain event: its type and its data, discriminated on `type`. */
export type DomainEvent = {
  [T in EventType]: { readonly type: T; readonly data: Readonly<z.output<(typeof EVENT_SCHEMAS)[T]>> };
}[EventType];

/** True when `type` names a domain event type. */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

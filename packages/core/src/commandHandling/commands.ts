import { z } from 'zod';
import {
  recordHonour,
  recordPublicity,
  recordPublicWelfare,
  recordTalk,
  submitAnnualReport,
} from '../activities/activityCommands.ts';
import { recordAttendance, recordSpeech } from '../attendance/attendanceCommands.ts';
import { openTerm, registerCommittee } from '../committees/committeeCommands.ts';
import { correctRecord, retractRecord } from '../corrections/correctionCommands.ts';
import { recordAssessmentDecision, recordRenominationDecision } from '../decisions/decisionCommands.ts';
import { Actor } from '../ids/ids.ts';
import { scheduleMeeting } from '../meetings/meetingCommands.ts';
import {
  appointMember,
  declareLongLeave,
  endMembership,
  setStandingMember,
} from '../members/memberCommands.ts';
import { adoptOpinion, recordLeaderInstruction, submitOpinion } from '../opinions/opinionCommands.ts';
import {
  answerProposal,
  awardProposal,
  markKeyProposal,
  recordProposerFeedback,
  reviewProposal,
  submitProposal,
} from '../proposals/proposalCommands.ts';
import { registerRecorder } from '../recorders/recorderCommands.ts';
import { Instant } from '../time/localDate.ts';
import type { CommandDefinition } from './decision.ts';

const definitions = [
  registerCommittee,
  openTerm,
  registerRecorder,
  appointMember,
  setStandingMember,
  endMembership,
  declareLongLeave,
  scheduleMeeting,
  recordAttendance,
  recordSpeech,
  submitProposal,
  reviewProposal,
  markKeyProposal,
  awardProposal,
  answerProposal,
  recordProposerFeedback,
  submitOpinion,
  adoptOpinion,
  recordLeaderInstruction,
  recordPublicity,
  recordPublicWelfare,
  recordTalk,
  recordHonour,
  submitAnnualReport,
  recordAssessmentDecision,
  recordRenominationDecision,
  retractRecord,
  correctRecord,
] as const;

/** The name of a command of the record format. */
export type CommandName = (typeof definitions)[number]['name'];

/** Every command of the record format by name. */
export const COMMANDS: ReadonlyMap<string, CommandDefinition> = new Map(
  definitions.map((d) => [d.name, d as unknown as CommandDefinition]),
);

/** Every command name, in the order of the record format. */
export const COMMAND_NAMES = definitions.map((d) => d.name) as CommandName[];

/** Who recorded a command and when (defaults to now). */
export const CommandMeta = z.strictObject({
  recordedBy: Actor,
  recordedAt: Instant.optional(),
});
export type CommandMeta = z.infer<typeof CommandMeta>;

/** One line of the record format before its data is checked: `{command, data, meta}`. */
export const CommandEnvelope = z.strictObject({
  command: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  meta: CommandMeta,
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

/** A command whose data has been parsed with its schema. */
export interface ParsedCommand {
  readonly definition: CommandDefinition;
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly meta: CommandMeta;
}

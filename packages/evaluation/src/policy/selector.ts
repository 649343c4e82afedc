import { z } from 'zod';
import {
  AttendanceStatus,
  Capacity,
  Channel,
  LeaveReason,
  Level,
  MeetingKind,
  ProposalCategory,
  ProposalRole,
  ProposalTiming,
  ProposerType,
  PublicityKind,
  ReviewDecision,
  SpeechMode,
} from './vocabulary.ts';

const oneOf = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

/** Attendances (出席/请假/缺席) at meetings; the year of an attendance is the year its meeting starts. */
export const AttendanceSelector = z.strictObject({
  act: z.literal('attendance'),
  meetingKinds: oneOf(MeetingKind),
  statuses: oneOf(AttendanceStatus),
  capacities: oneOf(Capacity),
  channels: oneOf(Channel),
  leaveReasons: oneOf(LeaveReason),
  /** Only meetings held while the member was (true) or was not (false) a standing member (常委). */
  standingAtMeeting: z.boolean().optional(),
  /** Only attendances that are (true) or are not (false) an absence under `params.absence`. */
  countsAsAbsence: z.boolean().optional(),
});

/** Speeches (发言); `listed` = a written speech listed in the proceedings. */
export const SpeechSelector = z.strictObject({
  act: z.literal('speech'),
  meetingKinds: oneOf(MeetingKind),
  modes: oneOf(SpeechMode),
  listed: z.boolean().optional(),
});

/** Proposals (提案) in which the member has a credited role; their status is the one known at evaluation. */
export const ProposalSelector = z.strictObject({
  act: z.literal('proposal'),
  roles: oneOf(ProposalRole),
  proposerTypes: oneOf(ProposerType),
  /** Review decisions; `merged` counts as filed only where a policy lists it. */
  decisions: oneOf(ReviewDecision),
  /** Marked key (重点提案). */
  key: z.boolean().optional(),
  /** Awarded excellent (优秀提案). */
  awarded: z.boolean().optional(),
  categories: oneOf(ProposalCategory),
  timings: oneOf(ProposalTiming),
});

/** 社情民意 items the member authored. */
export const OpinionSelector = z.strictObject({
  act: z.literal('opinion'),
  firstAuthorOnly: z.boolean().optional(),
  /** Adopted (采用) at least once (true) or never (false). */
  adopted: z.boolean().optional(),
  /** Adopted at least once at one of these levels. */
  adoptionLevels: oneOf(Level),
});

/** Public-welfare work (公益/帮扶). */
export const PublicWelfareSelector = z.strictObject({ act: z.literal('public-welfare') });
/** Publicity (新闻宣传) by or about the member. */
export const PublicitySelector = z.strictObject({
  act: z.literal('publicity'),
  kinds: oneOf(PublicityKind),
  levels: oneOf(Level),
});
/** Honours received. */
export const HonourSelector = z.strictObject({ act: z.literal('honour'), levels: oneOf(Level) });
/** A standing member's annual duty report (常委履职报告), counted in the year it reports on. */
export const AnnualReportSelector = z.strictObject({ act: z.literal('annual-report') });

/** Which acts of a member a rule looks at: one act family and filters that must all hold. */
export const Selector = z.discriminatedUnion('act', [
  AttendanceSelector,
  SpeechSelector,
  ProposalSelector,
  OpinionSelector,
  PublicWelfareSelector,
  PublicitySelector,
  HonourSelector,
  AnnualReportSelector,
]);
export type Selector = z.infer<typeof Selector>;
export type AttendanceSelector = z.infer<typeof AttendanceSelector>;
export type SpeechSelector = z.infer<typeof SpeechSelector>;
export type ProposalSelector = z.infer<typeof ProposalSelector>;
export type OpinionSelector = z.infer<typeof OpinionSelector>;
export type ActFamily = Selector['act'];

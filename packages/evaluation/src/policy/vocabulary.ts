import type { Grade as CoreGrade } from '@lvzhi/core';
import { z } from 'zod';

/** Meeting and activity kinds, as the record format names them. */
export const MeetingKind = z.enum([
  'plenary',
  'standing',
  'chairman',
  'special-committee',
  'consultation',
  'inspection',
  'research',
  'supervision',
  'study',
  'sector',
  'other',
]);
export const AttendanceStatus = z.enum(['present', 'excused', 'absent']);
export const Capacity = z.enum(['member', 'observer', 'speaker']);
export const Channel = z.enum(['in-person', 'video', 'online']);
export const LeaveReason = z.enum([
  'illness',
  'maternity',
  'higher-level-meeting',
  'official-abroad',
  'work',
  'other',
]);
export type LeaveReason = z.infer<typeof LeaveReason>;
export const SpeechMode = z.enum(['oral', 'written']);
export const ProposerType = z.enum(['individual', 'joint', 'collective']);
export const ProposalCategory = z.enum([
  'economic',
  'political',
  'cultural',
  'social',
  'ecological',
  'other',
]);
export const ProposalTiming = z.enum(['session', 'interim']);
export const ReviewDecision = z.enum(['filed', 'merged', 'converted', 'not-filed', 'returned']);
export const Level = z.enum(['county', 'city', 'provincial', 'national']);
export const PublicityKind = z.enum(['article', 'interview', 'report']);

/**
 * A member's credited role in a proposal: `individual` proposer, `lead` of a joint proposal, `co-signer`
 * of one, or `main-member` (one of the first named main members of a collective proposal).
 */
export const ProposalRole = z.enum(['individual', 'lead', 'co-signer', 'main-member']);
export type ProposalRole = z.infer<typeof ProposalRole>;

/** Grades a policy can give (the same list as core's decisions). */
export const Grade = z.enum(['pass', 'fail', 'excellent', 'good', 'competent', 'incompetent']);
export type Grade = z.infer<typeof Grade>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const gradesMatchCore: Same<Grade, CoreGrade> = true;
void gradesMatchCore;

/** Ids of policies, blocks, rules, requirements and flag codes: lower-case words joined by `-`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits in words joined by "-"')
  .max(64);

/** A text in Chinese and English. */
export const Label = z.strictObject({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) });
export type Label = z.infer<typeof Label>;

/** Languages of the reports. */
export type Lang = keyof Label;

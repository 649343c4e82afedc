import type { ParsedCommand } from '../commandHandling/commands.ts';
import type { DecisionContext } from '../commandHandling/decision.ts';
import { currentMeeting } from '../meetings/meetingState.ts';
import { membershipsOf } from '../members/membership.ts';
import { submittedOpinion } from '../opinions/opinionState.ts';
import { submittedProposal } from '../proposals/proposalState.ts';
import { type Rejection, rejection } from '../rejections/rejection.ts';
import type { RecorderRole } from './recorderCommands.ts';

/** Per command, the roles that may record it; `organiser` also lets whoever scheduled the meeting record it. */
export type RecorderPolicy = Readonly<Record<string, readonly RecorderRole[]>>;

/**
 * The default mapping of commands to roles: the proposals office reviews proposals, a meeting's organiser (or
 * the secretariat) records its attendance and speeches, the members office keeps memberships, and only a
 * `reviewer` may approve a correction or retraction.
 */
export const DEFAULT_RECORDER_POLICY: RecorderPolicy = {
  OpenTerm: ['admin'],
  RegisterRecorder: ['admin'],
  AppointMember: ['admin', 'members-office'],
  SetStandingMember: ['admin', 'members-office'],
  EndMembership: ['admin', 'members-office'],
  DeclareLongLeave: ['members-office', 'secretariat'],
  ScheduleMeeting: ['secretariat', 'organiser'],
  RecordAttendance: ['secretariat', 'organiser'],
  RecordSpeech: ['secretariat', 'organiser'],
  SubmitProposal: ['proposals-office'],
  ReviewProposal: ['proposals-office'],
  MarkKeyProposal: ['proposals-office'],
  AwardProposal: ['proposals-office'],
  AnswerProposal: ['proposals-office'],
  RecordProposerFeedback: ['proposals-office'],
  SubmitOpinion: ['opinions-office'],
  AdoptOpinion: ['opinions-office'],
  RecordLeaderInstruction: ['proposals-office', 'opinions-office'],
  RecordPublicity: ['publicity-office'],
  RecordPublicWelfare: ['members-office'],
  RecordTalk: ['members-office', 'secretariat'],
  RecordHonour: ['members-office'],
  SubmitAnnualReport: ['members-office', 'secretariat'],
  RecordAssessmentDecision: ['secretariat'],
  RecordRenominationDecision: ['secretariat'],
  RetractRecord: [
    'admin',
    'secretariat',
    'members-office',
    'proposals-office',
    'opinions-office',
    'publicity-office',
    'organiser',
  ],
  CorrectRecord: [
    'admin',
    'secretariat',
    'members-office',
    'proposals-office',
    'opinions-office',
    'publicity-office',
    'organiser',
  ],
};

/** The committees a command belongs to, for finding its recorder's registration. */
function committeesOf(command: ParsedCommand, ctx: DecisionContext): string[] {
  const d = command.data as Record<string, unknown>;
  if (typeof d.committeeId === 'string') return [d.committeeId];
  if (typeof d.meetingId === 'string') {
    const m = currentMeeting(ctx.meeting(d.meetingId));
    if (m) return [m.committeeId];
  }
  if (typeof d.proposalId === 'string') {
    const p = submittedProposal(ctx.proposal(d.proposalId));
    if (p) return [p.committeeId];
  }
  if (typeof d.opinionId === 'string') {
    const o = submittedOpinion(ctx.opinion(d.opinionId));
    if (o) return [o.committeeId];
  }
  if (typeof d.subjectId === 'string') {
    const s =
      d.subjectKind === 'opinion'
        ? submittedOpinion(ctx.opinion(d.subjectId))
        : submittedProposal(ctx.proposal(d.subjectId));
    if (s) return [s.committeeId];
  }
  if (typeof d.eventId === 'string') {
    const target = ctx.event(d.eventId);
    const data = target?.data as Record<string, unknown> | undefined;
    if (typeof data?.committeeId === 'string') return [data.committeeId];
    if (typeof data?.memberId === 'string')
      return membershipsOf(ctx.member(data.memberId)).map((m) => m.committeeId);
    return [];
  }
  if (typeof d.memberId === 'string')
    return [...new Set(membershipsOf(ctx.member(d.memberId)).map((m) => m.committeeId))];
  return [];
}

/**
 * Checks that `meta.recordedBy` is a registered recorder of the command's committee with a role the policy
 * allows (and, for corrections and retractions, that `approvedBy` is a reviewer). Returns the refusal, if any.
 * Registering a committee, and the first recorder of a committee that has none, need no registration.
 */
export function authorizeRecorder(
  command: ParsedCommand,
  ctx: DecisionContext,
  policy: RecorderPolicy = DEFAULT_RECORDER_POLICY,
): Rejection | undefined {
  if (command.name === 'RegisterCommittee') return undefined;
  const recorder = command.meta.recordedBy;
  const committees = committeesOf(command, ctx).map((id) => ctx.committee(id));
  if (command.name === 'RegisterRecorder' && committees.every((c) => c.recorders.size === 0))
    return undefined;
  const roles = new Set(committees.flatMap((c) => c.recorders.get(recorder) ?? []));
  if (roles.size === 0) return rejection('unregistered-recorder', 'meta.recordedBy', recorder);
  const allowed = policy[command.name] ?? [];
  const granted = allowed.filter((r) => roles.has(r));
  const d = command.data as Record<string, unknown>;
  // `organiser` is no blanket right: it covers scheduling a meeting and recording the meetings one scheduled.
  let ok = granted.some((r) => r !== 'organiser');
  if (!ok && granted.includes('organiser')) {
    const target =
      typeof d.eventId === 'string' ? (ctx.event(d.eventId)?.data as Record<string, unknown>) : d;
    const meetingId = target?.meetingId;
    ok =
      command.name === 'ScheduleMeeting' ||
      (typeof meetingId === 'string' && ctx.meeting(meetingId).scheduledBy === recorder);
  }
  if (!ok)
    return rejection(
      'unauthorised-recorder',
      'meta.recordedBy',
      recorder,
      `allowed roles: ${allowed.join(', ')}`,
    );
  if (command.name === 'RetractRecord' || command.name === 'CorrectRecord') {
    const approver = d.approvedBy as string;
    if (!committees.some((c) => c.recorders.get(approver)?.includes('reviewer'))) {
      return rejection('unauthorised-approver', 'approvedBy', approver);
    }
  }
  return undefined;
}

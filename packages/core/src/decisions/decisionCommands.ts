import { z } from 'zod';
import { type Decision, defineCommand } from '../commandHandling/decision.ts';
import { identical } from '../corrections/keyedRecords.ts';
import { Actor, CommitteeId, MemberId, TermNumber } from '../ids/ids.ts';
import { checkNotAfterRecording, recordOnMember } from '../members/memberCommands.ts';
import { membershipsOf } from '../members/membership.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { DateInput, Instant, instantText, startOfDateInput } from '../time/localDate.ts';

/** Grades a policy or the chairman's meeting can give. */
export const Grade = z.enum(['pass', 'fail', 'excellent', 'good', 'competent', 'incompetent']);
export type Grade = z.infer<typeof Grade>;

/** Records the annual grade the chairman's meeting (主席会议) decided, with the policy result it rested on. */
export const RecordAssessmentDecision = z.strictObject({
  memberId: MemberId,
  committeeId: CommitteeId,
  year: z.int().min(1949).max(2200),
  grade: Grade,
  policyId: z.string().min(1).max(100),
  policyVersion: z.string().min(1).max(50),
  score: z.number().nullable(),
  decidedBy: Actor,
  decidedOn: DateInput,
});
export type RecordAssessmentDecision = z.infer<typeof RecordAssessmentDecision>;

/** Records whether a member is nominated again at the change of term (换届时是否继续提名), and why. */
export const RecordRenominationDecision = z.strictObject({
  memberId: MemberId,
  committeeId: CommitteeId,
  term: TermNumber,
  decision: z.enum(['renominate', 'do-not-renominate']),
  decidedBy: Actor,
  decidedOn: DateInput,
  reason: z.string().min(1).max(2000),
});
export type RecordRenominationDecision = z.infer<typeof RecordRenominationDecision>;

/** An annual grade was decided. */
export const AssessmentDecisionRecorded = RecordAssessmentDecision.extend({ occurredAt: Instant });
/** A re-nomination decision was taken. */
export const RenominationDecisionRecorded = RecordRenominationDecision.extend({ occurredAt: Instant });

function decisionOnMember(
  data: { memberId: string; committeeId: string; decidedOn: string },
  term: number | undefined,
  key: string,
  type: string,
  ctx: Parameters<Parameters<typeof defineCommand>[0]['decide']>[1],
): Decision {
  if (identical(ctx.member(data.memberId).acts, key, data)) return ok('no-op');
  const committee = ctx.committee(data.committeeId);
  if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
  const memberships = membershipsOf(ctx.member(data.memberId)).filter(
    (m) => m.committeeId === data.committeeId,
  );
  if (memberships.length === 0) return err(rejection('unknown-member', 'memberId', data.memberId));
  if (term !== undefined && !memberships.some((m) => m.term === term))
    return err(rejection('not-seated', 'term', term));
  const at = startOfDateInput(data.decidedOn, committee.timeZone);
  const late = checkNotAfterRecording(at, ctx, 'decidedOn', data.decidedOn);
  if (late) return err(late);
  return recordOnMember(data.memberId, key, type, data, { occurredAt: instantText(at) }, ctx, {
    code: 'already-exists',
    field: 'decidedOn',
  });
}

export const recordAssessmentDecision = defineCommand({
  name: 'RecordAssessmentDecision',
  schema: RecordAssessmentDecision,
  eventType: 'AssessmentDecisionRecorded',
  decide: (d, ctx) =>
    decisionOnMember(
      d,
      undefined,
      `assessment:${d.committeeId}:${d.year}:${d.policyId}`,
      'AssessmentDecisionRecorded',
      ctx,
    ),
});

export const recordRenominationDecision = defineCommand({
  name: 'RecordRenominationDecision',
  schema: RecordRenominationDecision,
  eventType: 'RenominationDecisionRecorded',
  decide: (d, ctx) =>
    decisionOnMember(
      d,
      d.term,
      `renomination:${d.committeeId}:${d.term}`,
      'RenominationDecisionRecorded',
      ctx,
    ),
});

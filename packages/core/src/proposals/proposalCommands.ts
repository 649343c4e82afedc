import { z } from 'zod';
import { type Decision, type DecisionContext, defineCommand } from '../commandHandling/decision.ts';
import { identical, needsChecks, recordUnderKey } from '../corrections/keyedRecords.ts';
import { CommitteeId, MemberId, ProposalId, streamIds } from '../ids/ids.ts';
import { checkNotAfterRecording } from '../members/memberCommands.ts';
import { seatAt } from '../members/membership.ts';
import { type Rejection, rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { DateInput, Instant, instantText, startOfDateInput } from '../time/localDate.ts';
import { isFiled, proposalReview, proposalStep, submittedProposal } from './proposalState.ts';

/** Category of a proposal's matter. */
export const ProposalCategory = z.enum([
  'economic',
  'political',
  'cultural',
  'social',
  'ecological',
  'other',
]);
/** individual; joint (联名: a lead signs first, co-signers follow); collective (集体: by a body). */
export const ProposerType = z.enum(['individual', 'joint', 'collective']);

/** Submits a proposal (提案): one matter, at the plenary session or in the interim. */
export const SubmitProposal = z.strictObject({
  proposalId: ProposalId,
  committeeId: CommitteeId,
  title: z.string().min(1).max(500),
  category: ProposalCategory,
  submittedOn: DateInput,
  proposerType: ProposerType,
  leadMemberId: MemberId.optional(),
  coSignerIds: z.array(MemberId).max(200).optional(),
  collectiveBody: z.string().min(1).max(200).optional(),
  mainMemberIds: z.array(MemberId).max(50).optional(),
  timing: z.enum(['session', 'interim']).default('session'),
});
export type SubmitProposal = z.infer<typeof SubmitProposal>;

/** Review decisions: filed (立案), merged (并案), converted (转为意见建议), not-filed, returned. */
export const ReviewDecision = z.enum(['filed', 'merged', 'converted', 'not-filed', 'returned']);

/** Records the review of a proposal. */
export const ReviewProposal = z.strictObject({
  proposalId: ProposalId,
  decision: ReviewDecision,
  decidedOn: DateInput,
  mergedInto: ProposalId.optional(),
});
export type ReviewProposal = z.infer<typeof ReviewProposal>;
/** Marks a filed proposal as key (重点提案). */
export const MarkKeyProposal = z.strictObject({ proposalId: ProposalId, markedOn: DateInput });
/** Awards a filed proposal as excellent (优秀提案). */
export const AwardProposal = z.strictObject({ proposalId: ProposalId, awardedOn: DateInput });
/** Records the handling unit's answer (办复). */
export const AnswerProposal = z.strictObject({
  proposalId: ProposalId,
  result: z.enum(['solved', 'planned', 'reference']),
  answeredOn: DateInput,
});
/** Records the proposer's feedback on the answer. */
export const RecordProposerFeedback = z.strictObject({
  proposalId: ProposalId,
  rating: z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']),
  givenOn: DateInput,
});

const added = { committeeId: z.string(), occurredAt: Instant };
/** A proposal was submitted. */
export const ProposalSubmitted = SubmitProposal.extend({ occurredAt: Instant });
export type ProposalSubmitted = z.infer<typeof ProposalSubmitted>;
/** A proposal was reviewed. */
export const ProposalReviewed = ReviewProposal.extend(added);
export type ProposalReviewed = z.infer<typeof ProposalReviewed>;
/** A proposal was marked key. */
export const ProposalMarkedKey = MarkKeyProposal.extend(added);
/** A proposal was awarded excellent. */
export const ProposalAwarded = AwardProposal.extend(added);
/** A proposal was answered. */
export const ProposalAnswered = AnswerProposal.extend(added);
/** A proposer gave feedback. */
export const ProposerFeedbackRecorded = RecordProposerFeedback.extend(added);

/** The rules of the proposer type, and every named proposer known and seated on the day of submission. */
export function checkProposers(
  data: SubmitProposal,
  ctx: DecisionContext,
  at: number,
): Rejection | undefined {
  const has = (v: unknown[] | undefined) => v !== undefined && v.length > 0;
  if (data.proposerType === 'collective') {
    if (data.collectiveBody === undefined) return rejection('collective-body-required', 'collectiveBody');
    if (data.leadMemberId !== undefined)
      return rejection('field-not-allowed', 'leadMemberId', data.leadMemberId);
    if (has(data.coSignerIds)) return rejection('field-not-allowed', 'coSignerIds', data.coSignerIds);
    if ((data.mainMemberIds?.length ?? 0) > 3)
      return rejection('too-many-main-members', 'mainMemberIds', data.mainMemberIds);
  } else {
    if (data.leadMemberId === undefined) return rejection('lead-required', 'leadMemberId');
    if (data.collectiveBody !== undefined)
      return rejection('field-not-allowed', 'collectiveBody', data.collectiveBody);
    if (has(data.mainMemberIds)) return rejection('field-not-allowed', 'mainMemberIds', data.mainMemberIds);
    if (data.proposerType === 'joint' && !has(data.coSignerIds))
      return rejection('cosigner-required', 'coSignerIds');
    if (data.proposerType === 'individual' && has(data.coSignerIds)) {
      return rejection('field-not-allowed', 'coSignerIds', data.coSignerIds);
    }
  }
  const named: [string, string][] = [
    ...(data.leadMemberId === undefined ? [] : [['leadMemberId', data.leadMemberId] as [string, string]]),
    ...(data.coSignerIds ?? []).map((id, i) => [`coSignerIds.${i}`, id] as [string, string]),
    ...(data.mainMemberIds ?? []).map((id, i) => [`mainMemberIds.${i}`, id] as [string, string]),
  ];
  const seen = new Set<string>();
  for (const [field, id] of named) {
    if (seen.has(id)) return rejection('proposers-not-distinct', field, id);
    seen.add(id);
  }
  const committee = ctx.committee(data.committeeId);
  for (const [field, id] of named) {
    const member = ctx.member(id);
    if (member.appointments.length === 0) return rejection('unknown-member', field, id);
    if (!seatAt(member, data.committeeId, committee, at)) return rejection('not-seated', field, id);
  }
  return undefined;
}

export const submitProposal = defineCommand({
  name: 'SubmitProposal',
  schema: SubmitProposal,
  eventType: 'ProposalSubmitted',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    const at = startOfDateInput(data.submittedOn, committee.timeZone);
    const late = checkNotAfterRecording(at, ctx, 'submittedOn', data.submittedOn);
    if (late) return err(late);
    const proposal = ctx.proposal(data.proposalId);
    const decided = {
      streamId: streamIds.proposal(data.proposalId),
      type: 'ProposalSubmitted',
      data: { ...data, occurredAt: instantText(at) },
    };
    if (needsChecks(proposal.steps, proposal.amendments, 'submitted', data)) {
      const wrong = checkProposers(data, ctx, at);
      if (wrong) return err(wrong);
    }
    return recordUnderKey(
      proposal.steps,
      proposal.amendments,
      'submitted',
      data,
      rejection('already-exists', 'proposalId', data.proposalId),
      decided,
    );
  },
});

/** Shared checks of every later step of a proposal: it exists, the date follows submission and precedes recording. */
function laterStep(
  proposalId: string,
  dateField: string,
  date: string,
  ctx: DecisionContext,
  step: string,
  type: string,
  data: Readonly<Record<string, unknown>>,
  conflict: Rejection,
  requireFiled: boolean,
): Decision {
  const state = ctx.proposal(proposalId);
  if (identical(state.steps, step, data)) return ok('no-op');
  const submitted = submittedProposal(state);
  if (!submitted) return err(rejection('unknown-proposal', 'proposalId', proposalId));
  const tz = ctx.committee(submitted.committeeId).timeZone;
  const at = startOfDateInput(date, tz);
  if (at < startOfDateInput(submitted.submittedOn, tz))
    return err(rejection('before-submission', dateField, date));
  const late = checkNotAfterRecording(at, ctx, dateField, date);
  if (late) return err(late);
  if (requireFiled && !isFiled(state)) return err(rejection('not-filed', 'proposalId', proposalId));
  return recordUnderKey(state.steps, state.amendments, step, data, conflict, {
    streamId: streamIds.proposal(proposalId),
    type,
    data: { ...data, committeeId: submitted.committeeId, occurredAt: instantText(at) },
  });
}

export const reviewProposal = defineCommand({
  name: 'ReviewProposal',
  schema: ReviewProposal,
  eventType: 'ProposalReviewed',
  decide: (data, ctx) => {
    if (data.decision === 'merged') {
      if (data.mergedInto === undefined) return err(rejection('merge-target-required', 'mergedInto'));
      const target = ctx.proposal(data.mergedInto);
      if (!submittedProposal(target))
        return err(rejection('unknown-proposal', 'mergedInto', data.mergedInto));
      if (proposalReview(target)?.decision !== 'filed' || data.mergedInto === data.proposalId) {
        return err(rejection('merge-target-not-filed', 'mergedInto', data.mergedInto));
      }
    } else if (data.mergedInto !== undefined) {
      return err(rejection('field-not-allowed', 'mergedInto', data.mergedInto));
    }
    return laterStep(
      data.proposalId,
      'decidedOn',
      data.decidedOn,
      ctx,
      'reviewed',
      'ProposalReviewed',
      data,
      rejection('already-reviewed', 'decision', data.decision),
      false,
    );
  },
});

export const markKeyProposal = defineCommand({
  name: 'MarkKeyProposal',
  schema: MarkKeyProposal,
  eventType: 'ProposalMarkedKey',
  decide: (data, ctx) =>
    laterStep(
      data.proposalId,
      'markedOn',
      data.markedOn,
      ctx,
      'key',
      'ProposalMarkedKey',
      data,
      rejection('conflicts-with-recorded', 'markedOn', data.markedOn),
      true,
    ),
});

export const awardProposal = defineCommand({
  name: 'AwardProposal',
  schema: AwardProposal,
  eventType: 'ProposalAwarded',
  decide: (data, ctx) =>
    laterStep(
      data.proposalId,
      'awardedOn',
      data.awardedOn,
      ctx,
      'awarded',
      'ProposalAwarded',
      data,
      rejection('conflicts-with-recorded', 'awardedOn', data.awardedOn),
      true,
    ),
});

export const answerProposal = defineCommand({
  name: 'AnswerProposal',
  schema: AnswerProposal,
  eventType: 'ProposalAnswered',
  decide: (data, ctx) =>
    laterStep(
      data.proposalId,
      'answeredOn',
      data.answeredOn,
      ctx,
      'answered',
      'ProposalAnswered',
      data,
      rejection('conflicts-with-recorded', 'result', data.result),
      true,
    ),
});

export const recordProposerFeedback = defineCommand({
  name: 'RecordProposerFeedback',
  schema: RecordProposerFeedback,
  eventType: 'ProposerFeedbackRecorded',
  decide: (data, ctx) => {
    const state = ctx.proposal(data.proposalId);
    if (submittedProposal(state) && !proposalStep(state, 'answered')) {
      return err(rejection('not-answered', 'proposalId', data.proposalId));
    }
    return laterStep(
      data.proposalId,
      'givenOn',
      data.givenOn,
      ctx,
      'feedback',
      'ProposerFeedbackRecorded',
      data,
      rejection('conflicts-with-recorded', 'rating', data.rating),
      true,
    );
  },
});

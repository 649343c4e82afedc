import { z } from 'zod';
import { defineCommand } from '../commandHandling/decision.ts';
import { identical, needsChecks, recordUnderKey } from '../corrections/keyedRecords.ts';
import { CommitteeId, MemberId, OpinionId, ProposalId, streamIds } from '../ids/ids.ts';
import { checkNotAfterRecording } from '../members/memberCommands.ts';
import { seatAt } from '../members/membership.ts';
import { submittedProposal } from '../proposals/proposalState.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { DateInput, Instant, instantText, startOfDateInput } from '../time/localDate.ts';
import { submittedOpinion } from './opinionState.ts';

/** Levels at which an item is adopted (采用) or instructed (批示). */
export const AdoptionLevel = z.enum(['county', 'city', 'provincial', 'national']);

/** Submits a 社情民意 item (反映社情民意信息); the first author is listed first. */
export const SubmitOpinion = z.strictObject({
  opinionId: OpinionId,
  committeeId: CommitteeId,
  authorIds: z.array(MemberId).min(1).max(50),
  title: z.string().min(1).max(500),
  submittedOn: DateInput,
});
export type SubmitOpinion = z.infer<typeof SubmitOpinion>;
/** Records that an item was adopted at a level. */
export const AdoptOpinion = z.strictObject({
  opinionId: OpinionId,
  level: AdoptionLevel,
  adoptedOn: DateInput,
});
/** Records a leader's instruction (领导批示) on an item or a proposal. */
export const RecordLeaderInstruction = z.strictObject({
  subjectKind: z.enum(['opinion', 'proposal']),
  subjectId: z.union([OpinionId, ProposalId]),
  level: AdoptionLevel,
  instructedOn: DateInput,
});

/** An item was submitted. */
export const OpinionSubmitted = SubmitOpinion.extend({ occurredAt: Instant });
export type OpinionSubmitted = z.infer<typeof OpinionSubmitted>;
/** An item was adopted at a level. */
export const OpinionAdopted = AdoptOpinion.extend({ committeeId: z.string(), occurredAt: Instant });
/** A leader's instruction was recorded on an item or a proposal. */
export const LeaderInstructionRecorded = RecordLeaderInstruction.extend({
  committeeId: z.string(),
  occurredAt: Instant,
});

export const submitOpinion = defineCommand({
  name: 'SubmitOpinion',
  schema: SubmitOpinion,
  eventType: 'OpinionSubmitted',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    const at = startOfDateInput(data.submittedOn, committee.timeZone);
    const late = checkNotAfterRecording(at, ctx, 'submittedOn', data.submittedOn);
    if (late) return err(late);
    const state = ctx.opinion(data.opinionId);
    if (needsChecks(state.steps, state.amendments, 'submitted', data)) {
      const seen = new Set<string>();
      for (const [i, id] of data.authorIds.entries()) {
        if (seen.has(id)) return err(rejection('proposers-not-distinct', `authorIds.${i}`, id));
        seen.add(id);
        const member = ctx.member(id);
        if (member.appointments.length === 0) return err(rejection('unknown-member', `authorIds.${i}`, id));
        if (!seatAt(member, data.committeeId, committee, at))
          return err(rejection('not-seated', `authorIds.${i}`, id));
      }
    }
    return recordUnderKey(
      state.steps,
      state.amendments,
      'submitted',
      data,
      rejection('already-exists', 'opinionId', data.opinionId),
      {
        streamId: streamIds.opinion(data.opinionId),
        type: 'OpinionSubmitted',
        data: { ...data, occurredAt: instantText(at) },
      },
    );
  },
});

export const adoptOpinion = defineCommand({
  name: 'AdoptOpinion',
  schema: AdoptOpinion,
  eventType: 'OpinionAdopted',
  decide: (data, ctx) => {
    const state = ctx.opinion(data.opinionId);
    if (identical(state.steps, `adoption:${data.level}`, data)) return ok('no-op');
    const submitted = submittedOpinion(state);
    if (!submitted) return err(rejection('unknown-opinion', 'opinionId', data.opinionId));
    const tz = ctx.committee(submitted.committeeId).timeZone;
    const at = startOfDateInput(data.adoptedOn, tz);
    if (at < startOfDateInput(submitted.submittedOn, tz))
      return err(rejection('before-submission', 'adoptedOn', data.adoptedOn));
    const late = checkNotAfterRecording(at, ctx, 'adoptedOn', data.adoptedOn);
    if (late) return err(late);
    return recordUnderKey(
      state.steps,
      state.amendments,
      `adoption:${data.level}`,
      data,
      rejection('conflicts-with-recorded', 'adoptedOn', data.adoptedOn),
      {
        streamId: streamIds.opinion(data.opinionId),
        type: 'OpinionAdopted',
        data: { ...data, committeeId: submitted.committeeId, occurredAt: instantText(at) },
      },
    );
  },
});

export const recordLeaderInstruction = defineCommand({
  name: 'RecordLeaderInstruction',
  schema: RecordLeaderInstruction,
  eventType: 'LeaderInstructionRecorded',
  decide: (data, ctx) => {
    const isOpinion = data.subjectKind === 'opinion';
    const state = isOpinion ? ctx.opinion(data.subjectId) : ctx.proposal(data.subjectId);
    if (identical(state.steps, `instruction:${data.level}`, data)) return ok('no-op');
    const subject = isOpinion
      ? submittedOpinion(ctx.opinion(data.subjectId))
      : submittedProposal(ctx.proposal(data.subjectId));
    if (!subject)
      return err(rejection(isOpinion ? 'unknown-opinion' : 'unknown-proposal', 'subjectId', data.subjectId));
    const tz = ctx.committee(subject.committeeId).timeZone;
    const at = startOfDateInput(data.instructedOn, tz);
    if (at < startOfDateInput(subject.submittedOn, tz)) {
      return err(rejection('before-submission', 'instructedOn', data.instructedOn));
    }
    const late = checkNotAfterRecording(at, ctx, 'instructedOn', data.instructedOn);
    if (late) return err(late);
    return recordUnderKey(
      state.steps,
      state.amendments,
      `instruction:${data.level}`,
      data,
      rejection('conflicts-with-recorded', 'instructedOn', data.instructedOn),
      {
        streamId: isOpinion ? streamIds.opinion(data.subjectId) : streamIds.proposal(data.subjectId),
        type: 'LeaderInstructionRecorded',
        data: { ...data, committeeId: subject.committeeId, occurredAt: instantText(at) },
      },
    );
  },
});

import { z } from 'zod';
import { type DecisionContext, defineCommand } from '../commandHandling/decision.ts';
import { fingerprint } from '../commandHandling/fingerprint.ts';
import type { RecordedEvent } from '../envelope/envelope.ts';
import { EVENT_SCHEMAS, type EventType } from '../events/eventSchemas.ts';
import { Actor, EventId, parseStreamId } from '../ids/ids.ts';
import { checkProposers, type SubmitProposal } from '../proposals/proposalCommands.ts';
import { type Rejection, rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { instantText, startOfDateInput } from '../time/localDate.ts';
import { type Amendments, currentData, mergeCorrection } from './amendments.ts';

const reason = z.string().min(1).max(2000);

/** Retracts a wrong record: it stays in the log, marked retracted, and counts nowhere. */
export const RetractRecord = z.strictObject({ eventId: EventId, reason, approvedBy: Actor });
export type RetractRecord = z.infer<typeof RetractRecord>;
/** Corrects a record: `data` holds the corrected fields, merged over the original event's data. */
export const CorrectRecord = z.strictObject({
  eventId: EventId,
  data: z.record(z.string(), z.unknown()),
  reason,
  approvedBy: Actor,
});
export type CorrectRecord = z.infer<typeof CorrectRecord>;

/** Events that are not acts and cannot be amended. */
const NOT_AMENDABLE: ReadonlySet<string> = new Set([
  'CommitteeRegistered',
  'TermOpened',
  'RecorderRegistered',
  'RecordRetracted',
  'RecordCorrected',
]);

/** Fields that say which act a record is about: a correction may not change them. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'memberId',
  'meetingId',
  'committeeId',
  'proposalId',
  'opinionId',
  'publicityId',
  'activityId',
  'talkId',
  'honourId',
  'reportId',
  'subjectKind',
  'subjectId',
  'term',
  'mode',
  'level',
  'occurredAt',
]);

/** The field holding the date of the act, per event type, for recomputing `occurredAt` after a correction. */
const ACT_DATE_FIELD: Readonly<Partial<Record<EventType, string>>> = {
  MemberAppointed: 'appointedOn',
  StandingMemberSet: 'effectiveOn',
  MembershipEnded: 'effectiveOn',
  LongLeaveDeclared: 'from',
  MeetingScheduled: 'startsOn',
  ProposalSubmitted: 'submittedOn',
  ProposalReviewed: 'decidedOn',
  ProposalMarkedKey: 'markedOn',
  ProposalAwarded: 'awardedOn',
  ProposalAnswered: 'answeredOn',
  ProposerFeedbackRecorded: 'givenOn',
  OpinionSubmitted: 'submittedOn',
  OpinionAdopted: 'adoptedOn',
  LeaderInstructionRecorded: 'instructedOn',
  PublicityRecorded: 'publishedOn',
  PublicWelfareRecorded: 'on',
  TalkRecorded: 'heldOn',
  HonourRecorded: 'awardedOn',
  AnnualReportSubmitted: 'submittedOn',
  AssessmentDecisionRecorded: 'decidedOn',
  RenominationDecisionRecorded: 'decidedOn',
};

function amendmentsOf(
  streamId: string,
  ctx: DecisionContext,
): { amendments: Amendments; timeZone: string } | undefined {
  const parsed = parseStreamId(streamId);
  if (!parsed) return undefined;
  switch (parsed.category) {
    case 'member': {
      const m = ctx.member(parsed.id);
      const first = m.appointments[0]?.data.committeeId;
      return { amendments: m.amendments, timeZone: first ? ctx.committee(first).timeZone : 'Asia/Shanghai' };
    }
    case 'meeting': {
      const m = ctx.meeting(parsed.id);
      const c = m.scheduled?.data.committeeId;
      return { amendments: m.amendments, timeZone: c ? ctx.committee(c).timeZone : 'Asia/Shanghai' };
    }
    case 'proposal':
    case 'opinion': {
      const s = parsed.category === 'proposal' ? ctx.proposal(parsed.id) : ctx.opinion(parsed.id);
      const c = (s.steps.get('submitted')?.data as { committeeId?: string } | undefined)?.committeeId;
      return { amendments: s.amendments, timeZone: c ? ctx.committee(c).timeZone : 'Asia/Shanghai' };
    }
    default:
      return undefined;
  }
}

/** The amendable target of a correction or retraction, or why there is none. */
function target(eventId: string, ctx: DecisionContext) {
  const event: RecordedEvent | undefined = ctx.event(eventId);
  if (!event) return err(rejection('unknown-event', 'eventId', eventId));
  const stream = NOT_AMENDABLE.has(event.type) ? undefined : amendmentsOf(event.streamId, ctx);
  if (!stream) return err(rejection('not-correctable', 'eventId', eventId, event.type));
  return ok({ event, ...stream });
}

/**
 * Later steps that rest on a step of a proposal's lifecycle. Retracting a whole submission retracts the
 * proposal with all its steps (projections count none of them), so only intermediate steps are guarded.
 */
const DEPENDENT_STEPS: Readonly<Record<string, (step: string) => boolean>> = {
  ProposalReviewed: (step) => ['key', 'awarded', 'answered', 'feedback'].includes(step),
  ProposalAnswered: (step) => step === 'feedback',
};

/** A live later step that rests on `event` (retract that one first), if any. */
function dependentStep(event: RecordedEvent, ctx: DecisionContext): string | undefined {
  const rests = DEPENDENT_STEPS[event.type];
  const parsed = parseStreamId(event.streamId);
  if (!rests || !parsed || (parsed.category !== 'proposal' && parsed.category !== 'opinion'))
    return undefined;
  const state = parsed.category === 'proposal' ? ctx.proposal(parsed.id) : ctx.opinion(parsed.id);
  for (const [step, record] of state.steps) {
    if (rests(step) && !state.amendments.retracted.has(record.eventId))
      return `${step} (${record.eventId}) rests on it`;
  }
  return undefined;
}

export const retractRecord = defineCommand({
  name: 'RetractRecord',
  schema: RetractRecord,
  eventType: 'RecordRetracted',
  refs: (data) => [data.eventId],
  decide: (data, ctx) => {
    const found = target(data.eventId, ctx);
    if (!found.ok) return found;
    const { event, amendments } = found.value;
    if (amendments.applied.has(fingerprint(data))) return ok('no-op');
    if (amendments.retracted.has(data.eventId))
      return err(rejection('already-retracted', 'eventId', data.eventId));
    const dependent = dependentStep(event, ctx);
    if (dependent) return err(rejection('retraction-has-dependents', 'eventId', data.eventId, dependent));
    return ok({
      streamId: event.streamId,
      type: 'RecordRetracted',
      data: { ...data, targetType: event.type, occurredAt: instantText(ctx.recordedAt) },
    });
  },
});

function checkCorrected(type: string, merged: Record<string, unknown>): Rejection | undefined {
  const schema = EVENT_SCHEMAS[type as EventType];
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    const path = ['data', ...issue.path.map(String), ...unknownKey].join('.');
    return rejection('invalid-command', path, undefined, issue.message);
  }
  if (type === 'ProposalReviewed') {
    if (merged.decision === 'merged' && merged.mergedInto === undefined)
      return rejection('merge-target-required', 'data.mergedInto');
    if (merged.decision !== 'merged' && merged.mergedInto !== undefined) {
      return rejection('field-not-allowed', 'data.mergedInto', merged.mergedInto);
    }
  }
  if (type === 'AttendanceRecorded') {
    if (merged.status === 'excused' && merged.leaveReason === undefined)
      return rejection('leave-reason-required', 'data.leaveReason');
    if (merged.status !== 'excused' && merged.leaveReason !== undefined) {
      return rejection('leave-reason-not-allowed', 'data.leaveReason', merged.leaveReason);
    }
    const f = merged.fractionAttended;
    if (typeof f === 'number' && !(f >= 0 && f <= 1))
      return rejection('fraction-out-of-range', 'data.fractionAttended', f);
  }
  return undefined;
}

const PROPOSER_FIELDS = [
  'proposerType',
  'leadMemberId',
  'coSignerIds',
  'collectiveBody',
  'mainMemberIds',
  'submittedOn',
];

/** A correction of who proposed a proposal must keep the rules of the proposer type (checked as at submission). */
function checkCorrectedProposers(
  type: string,
  patch: Readonly<Record<string, unknown>>,
  merged: Record<string, unknown>,
  ctx: DecisionContext,
  timeZone: string,
): Rejection | undefined {
  if (type !== 'ProposalSubmitted' || !PROPOSER_FIELDS.some((f) => f in patch)) return undefined;
  const proposal = merged as SubmitProposal;
  const wrong = checkProposers(proposal, ctx, startOfDateInput(proposal.submittedOn, timeZone));
  return wrong && { ...wrong, ...(wrong.field === undefined ? {} : { field: `data.${wrong.field}` }) };
}

export const correctRecord = defineCommand({
  name: 'CorrectRecord',
  schema: CorrectRecord,
  eventType: 'RecordCorrected',
  refs: (data) => [data.eventId],
  decide: (data, ctx) => {
    const found = target(data.eventId, ctx);
    if (!found.ok) return found;
    const { event, amendments, timeZone } = found.value;
    if (amendments.applied.has(fingerprint(data))) return ok('no-op');
    if (amendments.retracted.has(data.eventId))
      return err(rejection('retracted-event', 'eventId', data.eventId));
    const current = currentData(amendments, data.eventId, event.data as Record<string, unknown>);
    for (const [field, value] of Object.entries(data.data)) {
      // An identity field the record lacks (a publicity's optional level) may be added; one it has cannot change.
      const was = current[field];
      if (
        IDENTITY_FIELDS.has(field) &&
        was !== undefined &&
        (value === undefined || fingerprint(value) !== fingerprint(was))
      ) {
        return err(rejection('correction-changes-identity', `data.${field}`, value));
      }
    }
    const merged = mergeCorrection(current, data.data);
    const wrong =
      checkCorrected(event.type, merged) ??
      checkCorrectedProposers(event.type, data.data, merged, ctx, timeZone);
    if (wrong) return err(wrong);
    const dateField = ACT_DATE_FIELD[event.type as EventType];
    const newDate =
      dateField !== undefined && dateField in data.data ? (merged[dateField] as string) : undefined;
    return ok({
      streamId: event.streamId,
      type: 'RecordCorrected',
      data: {
        ...data,
        targetType: event.type,
        occurredAt: instantText(ctx.recordedAt),
        ...(newDate === undefined
          ? {}
          : { correctedOccurredAt: instantText(startOfDateInput(newDate, timeZone)) }),
      },
    });
  },
});

import { z } from 'zod';
import { type Decision, type DecisionContext, defineCommand } from '../commandHandling/decision.ts';
import { identical } from '../corrections/keyedRecords.ts';
import { Actor, CommitteeId, MemberId, RecordId } from '../ids/ids.ts';
import { checkNotAfterRecording, recordOnMember } from '../members/memberCommands.ts';
import { membershipsOf, seatAt } from '../members/membership.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { DateInput, Instant, instantText, startOfDateInput } from '../time/localDate.ts';

const Level = z.enum(['county', 'city', 'provincial', 'national']);
const title = z.string().min(1).max(500);

/** Records publicity (新闻宣传): an article, interview or report by or about the member. */
export const RecordPublicity = z.strictObject({
  publicityId: RecordId,
  memberId: MemberId,
  kind: z.enum(['article', 'interview', 'report']),
  outlet: z.string().min(1).max(200),
  level: Level.optional(),
  publishedOn: DateInput,
});
/** Records public-welfare work (公益/帮扶). */
export const RecordPublicWelfare = z.strictObject({
  activityId: RecordId,
  memberId: MemberId,
  title,
  on: DateInput,
});
/** Records a talk held with a member: heart-to-heart (谈心谈话), reminder (提醒谈话) or warning. */
export const RecordTalk = z.strictObject({
  talkId: RecordId,
  committeeId: CommitteeId,
  memberId: MemberId,
  kind: z.enum(['heart-to-heart', 'reminder', 'warning']),
  heldBy: Actor,
  heldOn: DateInput,
});
/** Records an honour received by a member. */
export const RecordHonour = z.strictObject({
  honourId: RecordId,
  memberId: MemberId,
  title,
  level: Level,
  awardedOn: DateInput,
});
/** Records a standing member's annual duty report (常委履职报告). */
export const SubmitAnnualReport = z.strictObject({
  reportId: RecordId,
  memberId: MemberId,
  committeeId: CommitteeId,
  year: z.int().min(1949).max(2200),
  submittedOn: DateInput,
});

const at = { occurredAt: Instant };
/** Publicity was recorded. */
export const PublicityRecorded = RecordPublicity.extend(at);
/** Public-welfare work was recorded. */
export const PublicWelfareRecorded = RecordPublicWelfare.extend(at);
/** A talk was recorded. */
export const TalkRecorded = RecordTalk.extend(at);
/** An honour was recorded. */
export const HonourRecorded = RecordHonour.extend(at);
/** An annual report was submitted. */
export const AnnualReportSubmitted = SubmitAnnualReport.extend(at);

/**
 * Records an act of a member on a date: the member must be seated on that date (in `committeeId`, or in any
 * committee when the act belongs to none).
 */
function memberAct(
  data: Readonly<Record<string, unknown>> & { memberId: string },
  committeeId: string | undefined,
  dateField: string,
  key: string,
  type: string,
  ctx: DecisionContext,
): Decision {
  const date = data[dateField] as string;
  const member = ctx.member(data.memberId);
  if (identical(member.acts, key, data)) return ok('no-op');
  const memberships = membershipsOf(member);
  if (memberships.length === 0) return err(rejection('unknown-member', 'memberId', data.memberId));
  if (committeeId !== undefined && !ctx.committee(committeeId).registered) {
    return err(rejection('unknown-committee', 'committeeId', committeeId));
  }
  const candidates =
    committeeId === undefined ? [...new Set(memberships.map((m) => m.committeeId))] : [committeeId];
  const tz = ctx.committee(candidates[0] ?? memberships[0]!.committeeId).timeZone;
  const when = startOfDateInput(date, tz);
  const late = checkNotAfterRecording(when, ctx, dateField, date);
  if (late) return err(late);
  if (!candidates.some((c) => seatAt(member, c, ctx.committee(c), when)))
    return err(rejection('not-seated', dateField, date));
  return recordOnMember(data.memberId, key, type, data, { occurredAt: instantText(when) }, ctx, {
    code: 'already-exists',
    field: Object.keys(data)[0]!,
  });
}

export const recordPublicity = defineCommand({
  name: 'RecordPublicity',
  schema: RecordPublicity,
  eventType: 'PublicityRecorded',
  decide: (d, ctx) =>
    memberAct(d, undefined, 'publishedOn', `publicity:${d.publicityId}`, 'PublicityRecorded', ctx),
});
export const recordPublicWelfare = defineCommand({
  name: 'RecordPublicWelfare',
  schema: RecordPublicWelfare,
  eventType: 'PublicWelfareRecorded',
  decide: (d, ctx) =>
    memberAct(d, undefined, 'on', `public-welfare:${d.activityId}`, 'PublicWelfareRecorded', ctx),
});
export const recordTalk = defineCommand({
  name: 'RecordTalk',
  schema: RecordTalk,
  eventType: 'TalkRecorded',
  decide: (d, ctx) => memberAct(d, d.committeeId, 'heldOn', `talk:${d.talkId}`, 'TalkRecorded', ctx),
});
export const recordHonour = defineCommand({
  name: 'RecordHonour',
  schema: RecordHonour,
  eventType: 'HonourRecorded',
  decide: (d, ctx) => memberAct(d, undefined, 'awardedOn', `honour:${d.honourId}`, 'HonourRecorded', ctx),
});
export const submitAnnualReport = defineCommand({
  name: 'SubmitAnnualReport',
  schema: SubmitAnnualReport,
  eventType: 'AnnualReportSubmitted',
  decide: (d, ctx) =>
    memberAct(d, d.committeeId, 'submittedOn', `annual-report:${d.reportId}`, 'AnnualReportSubmitted', ctx),
});

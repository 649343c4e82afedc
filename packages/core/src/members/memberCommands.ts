import { z } from 'zod';
import { type Decision, type DecisionContext, defineCommand } from '../commandHandling/decision.ts';
import { fingerprint } from '../commandHandling/fingerprint.ts';
import { identical, recordFingerprint, recordUnderKey } from '../corrections/keyedRecords.ts';
import { CommitteeId, MemberId, streamIds, TermNumber } from '../ids/ids.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { Instant, instantText, startOfDateInput } from '../time/localDate.ts';
import { membershipsOf, seatAt } from './membership.ts';

const shortText = z.string().min(1).max(200);

/** Appoints a member (委员) to a committee for a term, with sector (界别) and special committees (专门委员会). */
export const AppointMember = z.strictObject({
  memberId: MemberId,
  name: shortText,
  committeeId: CommitteeId,
  term: TermNumber,
  sector: shortText,
  specialCommittees: z.array(shortText).max(2).default([]),
  standing: z.boolean().default(false),
  party: shortText.optional(),
  appointedOn: z.iso.date(),
});
export type AppointMember = z.infer<typeof AppointMember>;

/** Makes a member a standing member (常委) or not, from a date. */
export const SetStandingMember = z.strictObject({
  memberId: MemberId,
  committeeId: CommitteeId,
  term: TermNumber.optional(),
  standing: z.boolean(),
  effectiveOn: z.iso.date(),
});
export type SetStandingMember = z.infer<typeof SetStandingMember>;

/** Why a membership ended. */
export const EndReason = z.enum(['resigned', 'revoked', 'deceased', 'term-ended']);

/** Ends a membership; without `term`, the membership in force on `effectiveOn`. */
export const EndMembership = z.strictObject({
  memberId: MemberId,
  committeeId: CommitteeId,
  term: TermNumber.optional(),
  reason: EndReason,
  effectiveOn: z.iso.date(),
});
export type EndMembership = z.infer<typeof EndMembership>;

/** Reasons for long leave (长期请假). */
export const LongLeaveReason = z.enum(['illness', 'maternity', 'official-abroad', 'other']);

/** Declares a long leave with its dates; acts during it are not expected. */
export const DeclareLongLeave = z.strictObject({
  memberId: MemberId,
  from: z.iso.date(),
  to: z.iso.date().optional(),
  reason: LongLeaveReason,
});
export type DeclareLongLeave = z.infer<typeof DeclareLongLeave>;

/** A member was appointed. */
export const MemberAppointed = AppointMember.extend({ occurredAt: Instant });
export type MemberAppointed = z.infer<typeof MemberAppointed>;
/** A member's standing status changed (the term is always resolved). */
export const StandingMemberSet = SetStandingMember.extend({ term: TermNumber, occurredAt: Instant });
export type StandingMemberSet = z.infer<typeof StandingMemberSet>;
/** A membership ended (the term is always resolved). */
export const MembershipEnded = EndMembership.extend({ term: TermNumber, occurredAt: Instant });
export type MembershipEnded = z.infer<typeof MembershipEnded>;
/** A long leave was declared. */
export const LongLeaveDeclared = DeclareLongLeave.extend({ occurredAt: Instant });
export type LongLeaveDeclared = z.infer<typeof LongLeaveDeclared>;

/** Records `data` on the member stream under `key`, or recognises it as already recorded. */
export function recordOnMember(
  memberId: string,
  key: string,
  type: string,
  commandData: Readonly<Record<string, unknown>>,
  added: Readonly<Record<string, unknown>>,
  ctx: DecisionContext,
  conflict: { readonly code: 'already-exists' | 'conflicts-with-recorded'; readonly field: string },
): Decision {
  const member = ctx.member(memberId);
  return recordUnderKey(
    member.acts,
    member.amendments,
    key,
    commandData,
    () => rejection(conflict.code, conflict.field, commandData[conflict.field]),
    { streamId: streamIds.member(memberId), type, data: { ...commandData, ...added } },
  );
}

/** Refuses an act dated after the moment it is being recorded. */
export function checkNotAfterRecording(atMs: number, ctx: DecisionContext, field: string, value: string) {
  return atMs > ctx.recordedAt ? rejection('occurs-after-recording', field, value) : undefined;
}

export const appointMember = defineCommand({
  name: 'AppointMember',
  schema: AppointMember,
  eventType: 'MemberAppointed',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    const term = committee.terms.get(data.term);
    if (!term) return err(rejection('unknown-term', 'term', data.term));
    const at = startOfDateInput(data.appointedOn, committee.timeZone);
    if (at < term.startMs || at > term.endMs)
      return err(rejection('outside-term', 'appointedOn', data.appointedOn));
    return recordOnMember(
      data.memberId,
      `appointment:${data.committeeId}:${data.term}`,
      'MemberAppointed',
      data,
      { occurredAt: instantText(at) },
      ctx,
      { code: 'already-exists', field: 'memberId' },
    );
  },
});

function resolveMembership(
  data: { memberId: string; committeeId: string; term?: number | undefined },
  dateField: string,
  date: string,
  ctx: DecisionContext,
  /** Also resolve a membership that ended on `date` (the member is no longer seated that day). */
  orEndedOn = false,
) {
  const committee = ctx.committee(data.committeeId);
  if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
  const member = ctx.member(data.memberId);
  if (member.appointments.length === 0) return err(rejection('unknown-member', 'memberId', data.memberId));
  const at = startOfDateInput(date, committee.timeZone);
  const membership =
    data.term === undefined
      ? (seatAt(member, data.committeeId, committee, at) ??
        (orEndedOn
          ? membershipsOf(member).find((m) => m.committeeId === data.committeeId && m.endedOn === date)
          : undefined))
      : membershipsOf(member).find((m) => m.committeeId === data.committeeId && m.term === data.term);
  if (!membership) return err(rejection('not-seated', dateField, date));
  return ok({ membership, at, member });
}

export const setStandingMember = defineCommand({
  name: 'SetStandingMember',
  schema: SetStandingMember,
  eventType: 'StandingMemberSet',
  decide: (data, ctx) => {
    const found = resolveMembership(data, 'effectiveOn', data.effectiveOn, ctx);
    if (!found.ok) return found;
    const resolved = { ...data, term: found.value.membership.term };
    const key = `standing:${data.committeeId}:${resolved.term}:${data.effectiveOn}`;
    return recordOnMember(
      data.memberId,
      key,
      'StandingMemberSet',
      resolved,
      {
        occurredAt: instantText(found.value.at),
      },
      ctx,
      { code: 'conflicts-with-recorded', field: 'effectiveOn' },
    );
  },
});

export const endMembership = defineCommand({
  name: 'EndMembership',
  schema: EndMembership,
  eventType: 'MembershipEnded',
  decide: (data, ctx) => {
    // An ending re-recorded without its term names the membership it ended: a no-op, not `not-seated`.
    const found = resolveMembership(data, 'effectiveOn', data.effectiveOn, ctx, true);
    if (!found.ok) return found;
    const { membership, at } = found.value;
    const resolved = { ...data, term: membership.term };
    if (membership.endedOn !== undefined) {
      const key = `ending:${data.committeeId}:${membership.term}`;
      const existing = ctx.member(data.memberId).acts.get(key);
      if (existing && recordFingerprint(existing) === fingerprint(resolved)) return ok('no-op');
      return err(rejection('already-ended', 'effectiveOn', data.effectiveOn));
    }
    // A membership named by its term ends within itself: not before the appointment, and at the latest on the
    // day after the term's last day (effectiveOn is the first day no longer seated, as when a term ends).
    const committee = ctx.committee(data.committeeId);
    if (at < startOfDateInput(membership.appointment.appointedOn, committee.timeZone)) {
      return err(rejection('invalid-date-range', 'effectiveOn', data.effectiveOn));
    }
    const term = committee.terms.get(membership.term);
    if (term !== undefined && at > term.endMs + 1) {
      return err(rejection('outside-term', 'effectiveOn', data.effectiveOn));
    }
    return ok({
      streamId: streamIds.member(data.memberId),
      type: 'MembershipEnded',
      data: { ...resolved, occurredAt: instantText(at) },
    });
  },
});

export const declareLongLeave = defineCommand({
  name: 'DeclareLongLeave',
  schema: DeclareLongLeave,
  eventType: 'LongLeaveDeclared',
  decide: (data, ctx) => {
    const member = ctx.member(data.memberId);
    if (identical(member.acts, `leave:${data.from}`, data)) return ok('no-op');
    const memberships = membershipsOf(member);
    if (memberships.length === 0) return err(rejection('unknown-member', 'memberId', data.memberId));
    if (data.to !== undefined && data.to < data.from)
      return err(rejection('invalid-date-range', 'to', data.to));
    const tz = ctx.committee(memberships[0]!.committeeId).timeZone;
    return recordOnMember(
      data.memberId,
      `leave:${data.from}`,
      'LongLeaveDeclared',
      data,
      {
        occurredAt: instantText(startOfDateInput(data.from, tz)),
      },
      ctx,
      { code: 'conflicts-with-recorded', field: 'from' },
    );
  },
});

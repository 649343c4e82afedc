import {
  liveActs,
  localDate,
  localYear,
  type RecordedAct,
  type SeatRecord,
  seatSpan,
  standingAt,
} from '@lvzhi/core';
import type { LeaveReason, ProposalRole } from '../policy/vocabulary.ts';
import { byOccurrence, type Fact } from './facts.ts';
import { meetingAct, type RecordContext, termAt } from './recordContext.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function when(ctx: RecordContext, act: RecordedAct) {
  const at = Date.parse(act.data.occurredAt as string);
  return { at, year: localYear(at, ctx.timeZone), on: localDate(at, ctx.timeZone) };
}

/** Whether a member held a standing seat in the committee at an instant. */
function standingWhen(ctx: RecordContext, seats: readonly SeatRecord[], at: number): boolean {
  const seat = seats.find((s) => {
    const [from, to] = seatSpan(ctx.state, s);
    return from <= at && at <= to;
  });
  return seat !== undefined && standingAt(seat, ctx.timeZone, at);
}

function meetingFact(ctx: RecordContext, act: RecordedAct, seats: readonly SeatRecord[]): Fact | undefined {
  const d = act.data;
  const meeting = meetingAct(ctx, d.meetingId as string);
  if (!meeting || d.committeeId !== ctx.committee.committeeId) return undefined;
  const m = meeting.data;
  // The act belongs to the year its meeting starts, as the meeting is currently recorded (corrections included).
  const base = {
    eventId: act.eventId,
    ...when(ctx, meeting),
    term: m.term as number,
    subjectId: d.meetingId as string,
    meetingEventId: meeting.eventId,
    meetingKind: m.kind as string,
  };
  if (act.type === 'SpeechRecorded') {
    return { ...base, family: 'speech', mode: d.mode as string, listed: d.listed === true };
  }
  return {
    ...base,
    family: 'attendance',
    meetingTitle: m.title as string,
    status: d.status as 'present' | 'excused' | 'absent',
    capacity: (d.capacity as string | undefined) ?? 'member',
    channel: (d.channel as string | undefined) ?? 'in-person',
    fractionAttended: typeof d.fractionAttended === 'number' ? d.fractionAttended : undefined,
    leaveReason: d.leaveReason as LeaveReason | undefined,
    standing: standingWhen(ctx, seats, base.at),
  };
}

const OTHER: Readonly<Record<string, 'public-welfare' | 'publicity' | 'honour' | 'annual-report'>> = {
  PublicWelfareRecorded: 'public-welfare',
  PublicityRecorded: 'publicity',
  HonourRecorded: 'honour',
  AnnualReportSubmitted: 'annual-report',
};
const OTHER_ID: Readonly<Record<string, string>> = {
  PublicWelfareRecorded: 'activityId',
  PublicityRecorded: 'publicityId',
  HonourRecorded: 'honourId',
  AnnualReportSubmitted: 'reportId',
};

function otherFact(ctx: RecordContext, act: RecordedAct): Fact | undefined {
  const family = OTHER[act.type];
  if (!family) return undefined;
  const d = act.data;
  if (typeof d.committeeId === 'string' && d.committeeId !== ctx.committee.committeeId) return undefined;
  const w = when(ctx, act);
  // An annual report belongs to the year it reports on.
  const year = family === 'annual-report' ? (d.year as number) : w.year;
  return {
    family,
    eventId: act.eventId,
    ...w,
    year,
    term: termAt(ctx, w.at),
    subjectId: d[OTHER_ID[act.type]!] as string,
    title: str(d.title) ?? str(d.outlet),
    kind: str(d.kind),
    level: str(d.level),
  };
}

/**
 * Every act of a member in a committee, normalized and ordered by occurrence: attendances and speeches at its
 * meetings, proposals and items credited to the member (by their current data), and the member's own records.
 */
export function memberFacts(ctx: RecordContext, memberId: string, seats: readonly SeatRecord[]): Fact[] {
  const facts: Fact[] = [];
  for (const act of liveActs(ctx.state, ctx.state.byMember[memberId])) {
    if (act.data.memberId !== memberId) continue;
    const fact =
      act.type === 'AttendanceRecorded' || act.type === 'SpeechRecorded'
        ? meetingFact(ctx, act, seats)
        : otherFact(ctx, act);
    if (fact) facts.push(fact);
  }
  for (const c of ctx.proposals.get(memberId) ?? []) {
    const d = c.submission.data;
    const w = when(ctx, c.submission);
    const review = c.steps.findLast((s) => s.type === 'ProposalReviewed');
    facts.push({
      family: 'proposal',
      eventId: c.submission.eventId,
      ...w,
      term: termAt(ctx, w.at),
      subjectId: d.proposalId as string,
      title: d.title as string,
      role: c.role as ProposalRole,
      proposerType: d.proposerType as string,
      category: d.category as string,
      timing: (d.timing as string | undefined) ?? 'session',
      coSigners: ((d.coSignerIds as string[] | undefined) ?? []).length,
      mainMemberIndex: c.role === 'main-member' ? c.index : 0,
      review: review ? { eventId: review.eventId, decision: review.data.decision as string } : undefined,
      keyEventId: c.steps.find((s) => s.type === 'ProposalMarkedKey')?.eventId,
      awardEventId: c.steps.find((s) => s.type === 'ProposalAwarded')?.eventId,
    });
  }
  for (const c of ctx.opinions.get(memberId) ?? []) {
    const d = c.submission.data;
    const w = when(ctx, c.submission);
    facts.push({
      family: 'opinion',
      eventId: c.submission.eventId,
      ...w,
      term: termAt(ctx, w.at),
      subjectId: d.opinionId as string,
      title: d.title as string,
      firstAuthor: c.index === 0,
      adoptions: c.steps
        .filter((s) => s.type === 'OpinionAdopted')
        .map((s) => ({ eventId: s.eventId, level: s.data.level as string })),
    });
  }
  return facts.sort(byOccurrence);
}

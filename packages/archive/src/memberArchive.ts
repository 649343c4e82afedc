import { committeeInfo, type DutyRecordState, localYear, type RecordedAct, seatSpan } from '@lvzhi/core';
import {
  type AnnualReportEntry,
  annualReportEntries,
  type DecisionEntry,
  decisionEntries,
  type HonourEntry,
  honourEntries,
  type PublicityEntry,
  type PublicWelfareEntry,
  publicityEntries,
  publicWelfareEntries,
  type TalkEntry,
  talkEntries,
} from './activities/activityEntries.ts';
import { type LongLeaveEntry, longLeaveEntries } from './activities/longLeaves.ts';
import {
  type AttendanceEntry,
  attendanceEntries,
  type SpeechEntry,
  speechEntries,
} from './attendance/attendanceEntries.ts';
import {
  type CorrectionEntry,
  correctionEntries,
  type RetractionEntry,
  retractionEntries,
} from './corrections/amendmentEntries.ts';
import { type MemberInfo, memberInfo, seatActs } from './members/memberInfo.ts';
import { seatsMatching } from './members/seatChoice.ts';
import { type OpinionEntry, opinionEntries } from './opinions/opinionEntries.ts';
import { type ProposalEntry, proposalEntries } from './proposals/proposalEntries.ts';
import { type ArchiveScope, timeZoneOf } from './scope/archiveScope.ts';
import { type YearTotals, yearTotals } from './totals/yearTotals.ts';

/**
 * A member archive (履职档案), one per member per term (一人一届一档): the member, long leaves, every act of the
 * five families and the other records with current status and history, corrections and retractions (retracted
 * records stay visible, marked, and count in no total), and per-year totals. Every entry carries its event ids.
 */
export interface MemberArchive {
  readonly member: MemberInfo;
  /** The calendar year the archive is limited to, if any. */
  readonly year: number | undefined;
  readonly longLeaves: readonly LongLeaveEntry[];
  readonly attendance: readonly AttendanceEntry[];
  readonly speeches: readonly SpeechEntry[];
  readonly proposals: readonly ProposalEntry[];
  readonly opinions: readonly OpinionEntry[];
  readonly publicity: readonly PublicityEntry[];
  readonly publicWelfare: readonly PublicWelfareEntry[];
  readonly talks: readonly TalkEntry[];
  readonly honours: readonly HonourEntry[];
  readonly annualReports: readonly AnnualReportEntry[];
  readonly decisions: readonly DecisionEntry[];
  readonly corrections: readonly CorrectionEntry[];
  readonly retractions: readonly RetractionEntry[];
  /** Per calendar year of the seat (or the one year asked for), in year order. */
  readonly totals: readonly YearTotals[];
}

/** Whose archive, for which seat and period. */
export interface MemberArchiveOptions {
  readonly memberId: string;
  /** The term (届); without it, the latest term the member holds. */
  readonly term?: number;
  /** The committee, for a member seated in several; without it, the one of the latest seat. */
  readonly committeeId?: string;
  /** Only the acts of this calendar year, in the committee's time zone. */
  readonly year?: number;
}

/**
 * The archive of a member for one term (the latest without `term`), optionally limited to one calendar year;
 * undefined when the member holds no such seat. A pure query over the duty record.
 * @example memberArchive(state, { memberId: 'm01', term: 5, year: 2019 })?.totals
 */
export function memberArchive(
  state: DutyRecordState,
  options: MemberArchiveOptions,
): MemberArchive | undefined {
  const seats = seatsMatching(state, options.memberId, options);
  const seat = seats[0];
  if (!seat) return undefined;
  const committee = committeeInfo(state, seat.committeeId);
  const scope: ArchiveScope = {
    state,
    memberId: options.memberId,
    seat,
    committee,
    timeZone: timeZoneOf(committee),
    span: seatSpan(state, seat),
    year: options.year,
    dates: new Map(),
  };
  const others = seatsMatching(state, options.memberId, {})
    .filter((s) => s.committeeId !== seat.committeeId || s.term !== seat.term)
    .map((s) => ({ committeeId: s.committeeId, term: s.term }));

  const longLeaves = longLeaveEntries(scope);
  const attendance = attendanceEntries(scope, longLeaves);
  const speeches = speechEntries(scope);
  const proposals = proposalEntries(scope);
  const opinions = opinionEntries(scope);
  const families = {
    attendance,
    speeches,
    proposals: proposals.entries,
    opinions: opinions.entries,
    publicity: publicityEntries(scope),
    publicWelfare: publicWelfareEntries(scope),
    talks: talkEntries(scope),
    honours: honourEntries(scope),
    annualReports: annualReportEntries(scope),
  };
  const years = seatYears(scope, families);
  const decisions = decisionEntries(scope, years);

  const touched = new Map<string, RecordedAct>();
  const touch = (eventId: string) => {
    const act = state.acts[eventId];
    if (act) touched.set(eventId, act);
  };
  for (const act of [...seatActs(scope), ...proposals.touched, ...opinions.touched])
    touched.set(act.eventId, act);
  for (const e of [
    ...longLeaves,
    ...attendance,
    ...speeches,
    ...families.publicity,
    ...families.publicWelfare,
  ])
    touch(e.eventId);
  for (const e of [...families.talks, ...families.honours, ...families.annualReports, ...decisions])
    touch(e.eventId);

  return {
    member: memberInfo(scope, others),
    year: options.year,
    longLeaves,
    ...families,
    decisions,
    corrections: correctionEntries(touched.values()),
    retractions: retractionEntries(touched.values()),
    totals: yearTotals(families, options.year === undefined ? years : [options.year]),
  };
}

/** The calendar years of the seat: from appointment to its end, or to the latest act while it lasts. */
function seatYears(
  scope: ArchiveScope,
  families: Readonly<Record<string, readonly { year: number }[]>>,
): number[] {
  const first = localYear(scope.span[0], scope.timeZone);
  let last = Number.isFinite(scope.span[1]) ? localYear(scope.span[1], scope.timeZone) : first;
  for (const entries of Object.values(families)) for (const e of entries) last = Math.max(last, e.year);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

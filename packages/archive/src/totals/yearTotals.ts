import type {
  AnnualReportEntry,
  HonourEntry,
  PublicityEntry,
  PublicWelfareEntry,
  TalkEntry,
} from '../activities/activityEntries.ts';
import type { AttendanceEntry, SpeechEntry } from '../attendance/attendanceEntries.ts';
import type { OpinionEntry } from '../opinions/opinionEntries.ts';
import type { ProposalEntry } from '../proposals/proposalEntries.ts';

/**
 * One calendar year's totals per family (retracted records and acts at retracted meetings excluded). An
 * attendance counts in the year its meeting starts; a proposal or item, with its later status, in the year
 * it was submitted.
 */
export interface YearTotals {
  readonly year: number;
  /** Attendance records by status; only `present` is an act, `excused` and `absent` are shown with reasons. */
  readonly attendance: { readonly present: number; readonly excused: number; readonly absent: number };
  readonly speeches: { readonly oral: number; readonly written: number; readonly listed: number };
  /** Proposals in a credited role: submitted, filed (立案 or 并案), key (重点), excellent (优秀). */
  readonly proposals: {
    readonly credited: number;
    readonly filed: number;
    readonly key: number;
    readonly excellent: number;
  };
  /** 社情民意 items authored, items adopted at least once, and adoptions over all levels. */
  readonly opinions: { readonly authored: number; readonly adopted: number; readonly adoptions: number };
  readonly publicity: number;
  readonly publicWelfare: number;
  readonly talks: number;
  readonly honours: number;
  readonly annualReports: number;
}

/** The entries the totals are computed from. */
export interface TotalsInput {
  readonly attendance: readonly AttendanceEntry[];
  readonly speeches: readonly SpeechEntry[];
  readonly proposals: readonly ProposalEntry[];
  readonly opinions: readonly OpinionEntry[];
  readonly publicity: readonly PublicityEntry[];
  readonly publicWelfare: readonly PublicWelfareEntry[];
  readonly talks: readonly TalkEntry[];
  readonly honours: readonly HonourEntry[];
  readonly annualReports: readonly AnnualReportEntry[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

function empty(year: number): Mutable<YearTotals> {
  return {
    year,
    attendance: { present: 0, excused: 0, absent: 0 },
    speeches: { oral: 0, written: 0, listed: 0 },
    proposals: { credited: 0, filed: 0, key: 0, excellent: 0 },
    opinions: { authored: 0, adopted: 0, adoptions: 0 },
    publicity: 0,
    publicWelfare: 0,
    talks: 0,
    honours: 0,
    annualReports: 0,
  };
}

/** Per-year totals over `years` (and any other year an entry falls in), in year order. */
export function yearTotals(input: TotalsInput, years: readonly number[]): YearTotals[] {
  const byYear = new Map<number, Mutable<YearTotals>>(years.map((y) => [y, empty(y)]));
  const at = (year: number) => {
    const found = byYear.get(year);
    if (found) return found;
    const t = empty(year);
    byYear.set(year, t);
    return t;
  };
  for (const a of input.attendance)
    if (!a.retracted && !a.meeting.retracted) at(a.year).attendance[a.status] += 1;
  for (const s of input.speeches) {
    if (s.retracted || s.meeting.retracted) continue;
    const t = at(s.year).speeches;
    t[s.mode] += 1;
    if (s.listed) t.listed += 1;
  }
  for (const p of input.proposals) {
    if (p.retracted || !p.credited) continue;
    const t = at(p.year).proposals;
    t.credited += 1;
    if (p.status.filed) t.filed += 1;
    if (p.status.key) t.key += 1;
    if (p.status.excellent) t.excellent += 1;
  }
  for (const o of input.opinions) {
    if (o.retracted) continue;
    const t = at(o.year).opinions;
    t.authored += 1;
    if (o.adoptedAt.length > 0) t.adopted += 1;
    t.adoptions += o.adoptedAt.length;
  }
  const count = (
    entries: readonly { retracted: unknown; year: number }[],
    family: 'publicity' | 'publicWelfare' | 'talks' | 'honours' | 'annualReports',
  ) => {
    for (const e of entries) if (!e.retracted) at(e.year)[family] += 1;
  };
  count(input.publicity, 'publicity');
  count(input.publicWelfare, 'publicWelfare');
  count(input.talks, 'talks');
  count(input.honours, 'honours');
  count(input.annualReports, 'annualReports');
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

import { type AnnualAnalysis, annualAnalysis, type RollUpAnalysis, rollUp } from '@lvzhi/analysis';
import { committeeInfo, type DutyRecordState, seatsOf } from '@lvzhi/core';
import { actsPerMember, type HistogramBin, histogram } from './actsPerMember.ts';

/** A member with nothing recorded in the year (未履职委员), with any long leave and its reason. */
export interface NothingRecordedRow {
  readonly memberId: string;
  readonly name: string;
  readonly sector: string;
  readonly longLeave: readonly {
    readonly reason: string;
    readonly from: string;
    readonly to: string | null;
  }[];
}

/** What the annual report shows: the analysis, plus what it lists by id only (names, the histogram). */
export interface AnnualReport {
  /** One committee's analysis, or a roll-up when several committees are reported together. */
  readonly analysis: AnnualAnalysis | RollUpAnalysis;
  readonly committees: readonly { readonly committeeId: string; readonly name: string }[];
  /** Acts per member seated in the year, ascending (from each member's archive). */
  readonly actsPerMember: readonly number[];
  readonly histogram: readonly HistogramBin[];
  readonly nothingRecorded: readonly NothingRecordedRow[];
}

/** True for a roll-up over several committees. */
export function isRollUp(analysis: AnnualAnalysis | RollUpAnalysis): analysis is RollUpAnalysis {
  return 'committeeIds' in analysis;
}

/**
 * The annual report of one committee (or a roll-up of several) for a calendar year: a pure query over the
 * duty record.
 * @example annualReport(state, { year: 2019, committeeIds: ['cq'] }).analysis.plenary.turnout
 */
export function annualReport(
  state: DutyRecordState,
  options: { readonly year: number; readonly committeeIds: readonly string[] },
): AnnualReport {
  const { year, committeeIds } = options;
  const analysis =
    committeeIds.length === 1
      ? annualAnalysis(state, { committeeId: committeeIds[0]!, year })
      : rollUp(state, { committeeIds, year });
  const acts = [...actsPerMember(state, committeeIds, year).values()].sort((a, b) => a - b);
  const inScope = new Set(committeeIds);
  const nothingRecorded = analysis.membersWithNothingRecorded.map((memberId): NothingRecordedRow => {
    const seat = seatsOf(state, memberId).find((s) => inScope.has(s.committeeId));
    return {
      memberId,
      name: seat?.name ?? memberId,
      sector: seat?.sector ?? '',
      longLeave: analysis.longLeave
        .filter((l) => l.memberId === memberId)
        .map(({ reason, from, to }) => ({ reason, from, to })),
    };
  });
  return {
    analysis,
    committees: committeeIds.map((id) => ({ committeeId: id, name: committeeInfo(state, id)?.name ?? id })),
    actsPerMember: acts,
    histogram: histogram(acts),
    nothingRecorded,
  };
}

import { memberArchive, type YearTotals } from '@lvzhi/archive';
import { committeeInfo, type DutyRecordState, seatSpan, seatsOf, yearSpan } from '@lvzhi/core';

/** The acts of a year's totals, as the annual analysis counts them (an excused or absent attendance is not an act). */
function actsOf(t: YearTotals): number {
  return (
    t.attendance.present +
    t.speeches.oral +
    t.speeches.written +
    t.proposals.credited +
    t.opinions.authored +
    t.publicity +
    t.publicWelfare
  );
}

/**
 * Acts of the year per member seated in any of the committees in it, read from each member's archive
 * (履职档案): the values behind the histogram of acts per member. A member with seats in several of the
 * committees gets the sum over those seats.
 */
export function actsPerMember(
  state: DutyRecordState,
  committeeIds: readonly string[],
  year: number,
): Map<string, number> {
  const spans = new Map<string, readonly [number, number]>();
  for (const id of committeeIds) {
    const info = committeeInfo(state, id);
    if (info) spans.set(id, yearSpan(year, info.timeZone));
  }
  const result = new Map<string, number>();
  for (const memberId of Object.keys(state.byMember).sort()) {
    let acts: number | undefined;
    for (const seat of seatsOf(state, memberId)) {
      const span = spans.get(seat.committeeId);
      if (!span) continue;
      const [from, to] = seatSpan(state, seat);
      if (from > span[1] || to < span[0]) continue;
      const archive = memberArchive(state, {
        memberId,
        committeeId: seat.committeeId,
        term: seat.term,
        year,
      });
      const totals = archive?.totals.find((t) => t.year === year);
      acts = (acts ?? 0) + (totals ? actsOf(totals) : 0);
    }
    if (acts !== undefined) result.set(memberId, acts);
  }
  return result;
}

/** One bar of a histogram: members with `from`..`to` acts (both inclusive). */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly members: number;
}

/** Bins of equal width (1, 2, 5, 10, 20, … acts) covering 0..max, about `target` of them. */
export function histogram(values: readonly number[], target = 16): HistogramBin[] {
  if (values.length === 0) return [];
  const max = Math.max(...values);
  const widths = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
  const width = widths.find((w) => (max + 1) / w <= target) ?? Math.ceil((max + 1) / target);
  const bins: HistogramBin[] = [];
  for (let from = 0; from <= max; from += width) {
    const to = from + width - 1;
    bins.push({ from, to, members: values.filter((v) => v >= from && v <= to).length });
  }
  return bins;
}

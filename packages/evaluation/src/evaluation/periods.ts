import { localYear, type SeatRecord, seatedDuring, seatSpan, seatsOf, yearSpan } from '@lvzhi/core';
import type { Fact } from '../record/facts.ts';
import type { RecordContext } from '../record/recordContext.ts';
import { EvaluationError } from './evaluationError.ts';

/** The period of an evaluation with its span in epoch ms (committee time zone). */
export type ResolvedPeriod =
  | { readonly kind: 'year'; readonly year: number; readonly from: number; readonly to: number }
  | { readonly kind: 'term'; readonly term: number; readonly from: number; readonly to: number };

/** A member seated in the period, with the seat shown (the latest one) and all the member's seats in the committee. */
export interface SeatedMember {
  readonly memberId: string;
  readonly seat: SeatRecord;
  readonly seats: readonly SeatRecord[];
}

/** A calendar year in the committee's zone. */
export function yearPeriod(ctx: RecordContext, year: number): ResolvedPeriod {
  const [from, to] = yearSpan(year, ctx.timeZone);
  return { kind: 'year', year, from, to };
}

/** A term of the committee; refuses a term the record does not know. */
export function termPeriod(ctx: RecordContext, term: number): ResolvedPeriod {
  const span = ctx.terms.find((t) => t.term === term);
  if (!span)
    throw new EvaluationError('unknown-term', `committee ${ctx.committee.committeeId} has no term ${term}`);
  return { kind: 'term', term, from: span.start, to: span.end };
}

/** Whether an act belongs to the period: its year, or its term (a meeting's own term, else by date). */
export function inPeriod(fact: Fact, period: ResolvedPeriod): boolean {
  return period.kind === 'year' ? fact.year === period.year : fact.term === period.term;
}

/** Whether a member held a seat in the committee at any time of a span. */
export function seatedIn(
  ctx: RecordContext,
  seats: readonly SeatRecord[],
  from: number,
  to: number,
): boolean {
  return seats.some((s) => {
    const [start, end] = seatSpan(ctx.state, s);
    return start <= to && end >= from && start <= end;
  });
}

/** Every member seated in the committee at any time in the period (for a term: holding a seat of that term). */
export function seatedMembers(ctx: RecordContext, period: ResolvedPeriod): SeatedMember[] {
  const committeeId = ctx.committee.committeeId;
  const out: SeatedMember[] = [];
  for (const { memberId } of seatedDuring(ctx.state, committeeId, period.from, period.to)) {
    const seats = seatsOf(ctx.state, memberId).filter((s) => s.committeeId === committeeId);
    const shown = seats
      .filter((s) =>
        period.kind === 'term' ? s.term === period.term : seatedIn(ctx, [s], period.from, period.to),
      )
      .sort((a, b) =>
        a.appointedOn < b.appointedOn ? -1 : a.appointedOn > b.appointedOn ? 1 : a.term - b.term,
      )
      .at(-1);
    if (shown) out.push({ memberId, seat: shown, seats });
  }
  return out;
}

/**
 * The years of a term: the calendar years in which it held a plenary session (a plenary meeting of the term
 * that started by `now`).
 */
export function termYears(ctx: RecordContext, term: number, now: number): number[] {
  const years = new Set<number>();
  for (const [streamId, ids] of Object.entries(ctx.state.byStream)) {
    if (!streamId.startsWith('meeting-')) continue;
    for (const id of ids) {
      const act = ctx.state.acts[id];
      if (!act || act.retraction || act.type !== 'MeetingScheduled') continue;
      const d = act.data;
      if (d.committeeId !== ctx.committee.committeeId || d.kind !== 'plenary' || d.term !== term) continue;
      const at = Date.parse(d.occurredAt as string);
      if (at <= now) years.add(localYear(at, ctx.timeZone));
    }
  }
  return [...years].sort((a, b) => a - b);
}

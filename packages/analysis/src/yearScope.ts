import { type CommitteeInfo, standingAt, startOfDateInput, yearSpan } from '@lvzhi/core';
import type { HeldSeat, RecordIndex } from './recordIndex.ts';

/** A member seated in the analysed committees at some time in the year, described by the primary seat. */
export interface ScopeMember {
  readonly memberId: string;
  readonly name: string;
  readonly sector: string;
  readonly specialCommittees: readonly string[];
  /** A standing member (常委) at any time in the year, in any of the seats. */
  readonly standing: boolean;
  /** The seats in the analysed committees that overlap the year. */
  readonly seats: readonly HeldSeat[];
  /** The time zone of the primary seat's committee. */
  readonly timeZone: string;
}

/** Who and what an analysis covers: the committees, the year in each one's zone, and the members seated in it. */
export interface Scope {
  readonly year: number;
  readonly committees: readonly CommitteeInfo[];
  /** committeeId → the first and last millisecond of the year in that committee's zone. */
  readonly spans: ReadonlyMap<string, readonly [number, number]>;
  /** The members seated, by id in code-unit order. */
  readonly members: ReadonlyMap<string, ScopeMember>;
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && a[1] >= b[0];

function standingInYear(held: HeldSeat, timeZone: string, year: readonly [number, number]): boolean {
  const from = Math.max(year[0], held.span[0]);
  const to = Math.min(year[1], held.span[1]);
  if (standingAt(held.seat, timeZone, from)) return true;
  return held.seat.standing.some((s) => {
    const at = startOfDateInput(s.from, timeZone);
    return s.standing && at > from && at <= to;
  });
}

/**
 * The scope of an analysis. A member seated in several of the committees counts once; sector, name and
 * special committees come from the primary seat: the seat in the first committee listed, the latest appointed
 * there.
 */
export function yearScope(index: RecordIndex, committees: readonly CommitteeInfo[], year: number): Scope {
  const spans = new Map(committees.map((c) => [c.committeeId, yearSpan(year, c.timeZone)] as const));
  const order = new Map(committees.map((c, i) => [c.committeeId, i]));
  const members = new Map<string, ScopeMember>();
  for (const memberId of [...index.seats.keys()].sort()) {
    const seats = (index.seats.get(memberId) ?? []).filter((h) => {
      const span = spans.get(h.seat.committeeId);
      return span !== undefined && overlaps(h.span, span);
    });
    if (seats.length === 0) continue;
    const primary = [...seats].sort(
      (a, b) => order.get(a.seat.committeeId)! - order.get(b.seat.committeeId)! || b.span[0] - a.span[0],
    )[0]!;
    const zoneOf = (h: HeldSeat) => index.committees.get(h.seat.committeeId)!.timeZone;
    members.set(memberId, {
      memberId,
      name: primary.seat.name,
      sector: primary.seat.sector,
      specialCommittees: primary.seat.specialCommittees,
      standing: seats.some((h) => standingInYear(h, zoneOf(h), spans.get(h.seat.committeeId)!)),
      seats,
      timeZone: zoneOf(primary),
    });
  }
  return { year, committees, spans, members };
}

/** True when an instant falls in the year, in the zone of a committee of the scope. */
export function inYear(scope: Scope, committeeId: string, at: number): boolean {
  const span = scope.spans.get(committeeId);
  return span !== undefined && at >= span[0] && at <= span[1];
}

/** True when a member held a seat at an instant: in a given committee, or in any of the scope's. */
export function seatedAt(member: ScopeMember, committeeId: string | undefined, at: number): boolean {
  return member.seats.some(
    (h) =>
      (committeeId === undefined || h.seat.committeeId === committeeId) && h.span[0] <= at && at <= h.span[1],
  );
}

import { endOfDateInput, localYear, startOfDateInput, startOfLocalYear } from '../time/localDate.ts';
import { type DutyRecordState, liveActs, type RecordedAct } from './dutyRecord.ts';

/** A committee as the record knows it. */
export interface CommitteeInfo {
  readonly committeeId: string;
  readonly name: string;
  readonly level: string;
  readonly timeZone: string;
  readonly terms: readonly { readonly term: number; readonly startsOn: string; readonly endsOn: string }[];
}

/** A member's seat in one committee for one term, with corrections and retractions applied. */
export interface SeatRecord {
  readonly memberId: string;
  readonly name: string;
  readonly committeeId: string;
  readonly term: number;
  readonly sector: string;
  readonly specialCommittees: readonly string[];
  readonly party: string | undefined;
  readonly appointedOn: string;
  readonly endedOn: string | undefined;
  readonly endReason: string | undefined;
  /** Standing status from each date on, in date order (the first is the appointment's). */
  readonly standing: readonly { readonly from: string; readonly standing: boolean }[];
  readonly appointmentEventId: string;
}

/** A committee's registration and terms. */
export function committeeInfo(state: DutyRecordState, committeeId: string): CommitteeInfo | undefined {
  const acts = liveActs(state, state.byStream[`committee-${committeeId}`]);
  const reg = acts.find((a) => a.type === 'CommitteeRegistered');
  if (!reg) return undefined;
  return {
    committeeId,
    name: reg.data.name as string,
    level: reg.data.level as string,
    timeZone: reg.data.timeZone as string,
    terms: acts
      .filter((a) => a.type === 'TermOpened')
      .map((a) => ({
        term: a.data.term as number,
        startsOn: a.data.startsOn as string,
        endsOn: a.data.endsOn as string,
      })),
  };
}

/** Every current seat of a member. */
export function seatsOf(state: DutyRecordState, memberId: string): SeatRecord[] {
  const acts = liveActs(state, state.byMember[memberId]);
  const seats: SeatRecord[] = [];
  for (const a of acts) {
    if (a.type !== 'MemberAppointed') continue;
    const d = a.data;
    const same = (x: RecordedAct) => x.data.committeeId === d.committeeId && x.data.term === d.term;
    const ending = acts.find((x) => x.type === 'MembershipEnded' && same(x));
    const changes = acts
      .filter((x) => x.type === 'StandingMemberSet' && same(x))
      .map((x) => ({ from: x.data.effectiveOn as string, standing: x.data.standing as boolean }))
      .sort((p, q) => (p.from < q.from ? -1 : p.from > q.from ? 1 : 0));
    seats.push({
      memberId,
      name: d.name as string,
      committeeId: d.committeeId as string,
      term: d.term as number,
      sector: d.sector as string,
      specialCommittees: (d.specialCommittees as string[]) ?? [],
      party: d.party as string | undefined,
      appointedOn: d.appointedOn as string,
      endedOn: ending?.data.effectiveOn as string | undefined,
      endReason: ending?.data.reason as string | undefined,
      standing: [{ from: d.appointedOn as string, standing: d.standing as boolean }, ...changes],
      appointmentEventId: a.eventId,
    });
  }
  return seats;
}

/** The span [start, end] (epoch ms) in which a seat is held, bounded by its term's dates. */
export function seatSpan(state: DutyRecordState, seat: SeatRecord): readonly [number, number] {
  const committee = committeeInfo(state, seat.committeeId);
  const tz = committee?.timeZone ?? 'Asia/Shanghai';
  const term = committee?.terms.find((t) => t.term === seat.term);
  const start = startOfDateInput(seat.appointedOn, tz);
  const termEnd = term ? endOfDateInput(term.endsOn, tz) : Number.POSITIVE_INFINITY;
  const ended =
    seat.endedOn === undefined ? Number.POSITIVE_INFINITY : startOfDateInput(seat.endedOn, tz) - 1;
  return [start, Math.min(termEnd, ended)];
}

/** Whether a seat was standing (常委) at an instant. */
export function standingAt(seat: SeatRecord, timeZone: string, atMs: number): boolean {
  let standing = false;
  for (const s of seat.standing) if (startOfDateInput(s.from, timeZone) <= atMs) standing = s.standing;
  return standing;
}

/** The first and last millisecond of a calendar year in a committee's zone. */
export function yearSpan(year: number, timeZone: string): readonly [number, number] {
  return [startOfLocalYear(year, timeZone), startOfLocalYear(year + 1, timeZone) - 1];
}

/** Every member seated in a committee at any time within [from, to] (epoch ms), with one such seat, by member id. */
export function seatedDuring(
  state: DutyRecordState,
  committeeId: string,
  from: number,
  to: number,
): SeatRecord[] {
  const result: SeatRecord[] = [];
  for (const memberId of Object.keys(state.byMember).sort()) {
    for (const seat of seatsOf(state, memberId)) {
      if (seat.committeeId !== committeeId) continue;
      const [s, e] = seatSpan(state, seat);
      if (s <= to && e >= from) {
        result.push(seat);
        break;
      }
    }
  }
  return result;
}

/** The current data of a meeting, unless never scheduled or retracted. */
export function meetingOf(state: DutyRecordState, meetingId: string): Record<string, unknown> | undefined {
  return liveActs(state, state.byStream[`meeting-${meetingId}`]).find((a) => a.type === 'MeetingScheduled')
    ?.data;
}

/**
 * The calendar year in which an act occurred, in a time zone. For an attendance or speech use the meeting's
 * current start instead (`meetingOf`): a correction of the meeting's date does not move its attendances.
 */
export function yearOfAct(act: RecordedAct, timeZone: string): number {
  return localYear(Date.parse(act.data.occurredAt as string), timeZone);
}

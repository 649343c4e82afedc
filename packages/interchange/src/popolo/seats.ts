import { committeeInfo, type DutyRecordState, type SeatRecord, seatsOf } from '@lvzhi/core';
import { popoloDate } from './popoloDates.ts';
import { popoloIds } from './popoloIds.ts';
import type { PopoloMembership, PopoloOrganization, PopoloPerson } from './popoloTypes.ts';

/** What the seats of the record give: people, their memberships, and the bodies they sit in. */
export interface SeatsInPopolo {
  readonly persons: PopoloPerson[];
  readonly memberships: PopoloMembership[];
  /** Sectors (界别), special committees (专门委员会) and parties, each once, in order of first mention. */
  readonly bodies: PopoloOrganization[];
  /** memberId → the name of the member's latest seat. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Every member with a seat as a person; every seat (委员) as a membership of the committee on behalf of its
 * sector, with its term; each standing period (常委) as a `standing member` membership; each special
 * committee and party as a membership of that body. Retracted and corrected facts are applied.
 */
export function seatsToPopolo(state: DutyRecordState): SeatsInPopolo {
  const persons: PopoloPerson[] = [];
  const memberships: PopoloMembership[] = [];
  const bodies = new Map<string, PopoloOrganization>();
  const names = new Map<string, string>();
  const body = (org: PopoloOrganization) => {
    if (!bodies.has(org.id)) bodies.set(org.id, org);
    return org.id;
  };
  for (const memberId of Object.keys(state.byMember).sort()) {
    const seats = seatsOf(state, memberId);
    const latest = seats.at(-1);
    if (!latest) continue;
    names.set(memberId, latest.name);
    const personId = popoloIds.person(memberId);
    persons.push({
      id: personId,
      name: latest.name,
      identifiers: [{ scheme: 'lvzhi-member', identifier: memberId }],
    });
    const parties = new Set<string>();
    for (const seat of seats) {
      const committee = popoloIds.committee(seat.committeeId);
      const sector = body({
        id: popoloIds.sector(seat.committeeId, seat.sector),
        name: seat.sector,
        classification: 'sector',
        parent_id: committee,
      });
      const span = seatDates(state, seat);
      const term = popoloIds.term(seat.committeeId, seat.term);
      const seatId = popoloIds.recorded('membership', seat.appointmentEventId);
      memberships.push({
        id: seatId,
        person_id: personId,
        organization_id: committee,
        role: 'member',
        label: '委员',
        on_behalf_of_id: sector,
        legislative_period_id: term,
        ...span,
      });
      for (const [i, period] of standingPeriods(seat, span.end_date).entries()) {
        memberships.push({
          id: `${seatId}/standing/${i + 1}`,
          person_id: personId,
          organization_id: committee,
          role: 'standing member',
          label: '常务委员',
          legislative_period_id: term,
          ...period,
        });
      }
      for (const name of seat.specialCommittees) {
        const organization = body({
          id: popoloIds.specialCommittee(seat.committeeId, name),
          name,
          classification: 'special committee',
          parent_id: committee,
        });
        memberships.push({
          id: `${seatId}/special-committee/${name}`,
          person_id: personId,
          organization_id: organization,
          role: 'member',
          legislative_period_id: term,
          ...span,
        });
      }
      if (seat.party !== undefined) parties.add(seat.party);
    }
    for (const party of parties) {
      memberships.push({
        id: `${personId}/party/${party}`,
        person_id: personId,
        organization_id: body({ id: popoloIds.party(party), name: party, classification: 'party' }),
        role: 'member',
      });
    }
  }
  return { persons, memberships, bodies: [...bodies.values()], names };
}

/** A seat's dates: from the appointment to its ending, else to the end of its term. */
function seatDates(state: DutyRecordState, seat: SeatRecord): { start_date: string; end_date?: string } {
  const termEnd = committeeInfo(state, seat.committeeId)?.terms.find((t) => t.term === seat.term)?.endsOn;
  const end = seat.endedOn ?? termEnd;
  return {
    start_date: popoloDate(seat.appointedOn),
    ...(end === undefined ? {} : { end_date: popoloDate(end) }),
  };
}

/** The periods in which a seat was standing, each ending where the next change or the seat ends. */
function standingPeriods(
  seat: SeatRecord,
  seatEnd: string | undefined,
): { start_date: string; end_date?: string }[] {
  const periods: { start_date: string; end_date?: string }[] = [];
  let from: string | undefined;
  for (const change of seat.standing) {
    if (change.standing && from === undefined) from = change.from;
    else if (!change.standing && from !== undefined) {
      periods.push({ start_date: popoloDate(from), end_date: popoloDate(change.from) });
      from = undefined;
    }
  }
  if (from !== undefined) {
    periods.push({
      start_date: popoloDate(from),
      ...(seatEnd === undefined ? {} : { end_date: seatEnd }),
    });
  }
  return periods;
}

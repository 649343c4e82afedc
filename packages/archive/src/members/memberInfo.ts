import type { RecordedAct } from '@lvzhi/core';
import { type ArchiveScope, actsOfType, compareText, dataOf } from '../scope/archiveScope.ts';

/** A period in which the member was a standing member (常委): from a date, until the date it stopped. */
export interface StandingPeriod {
  readonly from: string;
  /** The first day no longer standing; undefined while it lasts to the end of the seat. */
  readonly until: string | undefined;
  /** The appointment or standing-change event that began the period. */
  readonly eventId: string;
}

/** The member (委员) as the archive heads it: who, where, in which term, in which roles. */
export interface MemberInfo {
  readonly memberId: string;
  readonly name: string;
  readonly committee: {
    readonly committeeId: string;
    readonly name: string | undefined;
    readonly level: string | undefined;
    readonly timeZone: string;
  };
  readonly term: {
    readonly term: number;
    readonly startsOn: string | undefined;
    readonly endsOn: string | undefined;
  };
  /** 界别. */
  readonly sector: string;
  /** 专门委员会. */
  readonly specialCommittees: readonly string[];
  readonly party: string | undefined;
  readonly standingPeriods: readonly StandingPeriod[];
  readonly appointedOn: string;
  readonly appointmentEventId: string;
  readonly ended: { readonly on: string; readonly reason: string; readonly eventId: string } | undefined;
  /** The member's other seats (committee and term), each with an archive of its own. */
  readonly otherSeats: readonly { readonly committeeId: string; readonly term: number }[];
}

/** The seat events behind the member section (appointment, standing changes, ending), retracted ones included. */
export function seatActs(scope: ArchiveScope): RecordedAct[] {
  const { seat } = scope;
  return actsOfType(scope.state, scope.state.byMember[scope.memberId], [
    'MemberAppointed',
    'StandingMemberSet',
    'MembershipEnded',
  ]).filter((a) => a.data.committeeId === seat.committeeId && a.data.term === seat.term);
}

/** The member section of an archive. */
export function memberInfo(
  scope: ArchiveScope,
  others: readonly { committeeId: string; term: number }[],
): MemberInfo {
  const { seat, committee } = scope;
  const live = seatActs(scope).filter((a) => !a.retraction);
  const ending = live.find((a) => a.type === 'MembershipEnded');
  const termInfo = committee?.terms.find((t) => t.term === seat.term);
  return {
    memberId: seat.memberId,
    name: seat.name,
    committee: {
      committeeId: seat.committeeId,
      name: committee?.name,
      level: committee?.level,
      timeZone: scope.timeZone,
    },
    term: { term: seat.term, startsOn: termInfo?.startsOn, endsOn: termInfo?.endsOn },
    sector: seat.sector,
    specialCommittees: seat.specialCommittees,
    party: seat.party,
    standingPeriods: standingPeriods(live),
    appointedOn: seat.appointedOn,
    appointmentEventId: seat.appointmentEventId,
    ended: ending
      ? {
          on: dataOf(ending, 'MembershipEnded').effectiveOn,
          reason: dataOf(ending, 'MembershipEnded').reason,
          eventId: ending.eventId,
        }
      : undefined,
    otherSeats: others,
  };
}

function standingPeriods(live: readonly RecordedAct[]): StandingPeriod[] {
  const appointment = live.find((a) => a.type === 'MemberAppointed');
  if (!appointment) return [];
  const a = dataOf(appointment, 'MemberAppointed');
  const changes = live
    .filter((x) => x.type === 'StandingMemberSet')
    .map((x) => ({
      on: dataOf(x, 'StandingMemberSet').effectiveOn,
      standing: dataOf(x, 'StandingMemberSet').standing,
      id: x.eventId,
    }))
    // Same-day changes: the later-recorded one (member-stream order) wins, as in core's `standingAt`.
    .sort((p, q) => compareText(p.on, q.on));
  const steps = [{ on: a.appointedOn, standing: a.standing, id: appointment.eventId }, ...changes];
  const periods: StandingPeriod[] = [];
  let open: { from: string; eventId: string } | undefined;
  for (const [i, s] of steps.entries()) {
    if (steps[i + 1]?.on === s.on) continue;
    if (s.standing && !open) open = { from: s.on, eventId: s.id };
    if (!s.standing && open) {
      if (open.from !== s.on) periods.push({ from: open.from, until: s.on, eventId: open.eventId });
      open = undefined;
    }
  }
  if (open) periods.push({ from: open.from, until: undefined, eventId: open.eventId });
  return periods;
}

import type { CommitteeState } from '../committees/committeeState.ts';
import { currentData } from '../corrections/amendments.ts';
import { endOfDateInput, startOfDateInput } from '../time/localDate.ts';
import type { MemberAppointed } from './memberCommands.ts';
import type { MemberState } from './memberState.ts';

/** A member's seat in one committee for one term, as currently recorded (corrections applied). */
export interface Membership {
  readonly eventId: string;
  readonly appointment: MemberAppointed;
  readonly committeeId: string;
  readonly term: number;
  /** The date the membership ended (resigned, revoked, deceased, term-ended), if it did. */
  readonly endedOn: string | undefined;
}

/**
 * Memberships by the appointments they were computed from: a member's state changes with every act, but its
 * appointments, endings and amendments only with the rare events that touch them.
 */
const memberships = new WeakMap<
  MemberState['appointments'],
  {
    readonly endings: MemberState['endings'];
    readonly amendments: MemberState['amendments'];
    readonly value: Membership[];
  }
>();

/** Every current (not retracted) membership of a member (computed once per appointments, endings and amendments). */
export function membershipsOf(member: MemberState): Membership[] {
  const cached = memberships.get(member.appointments);
  if (cached && cached.endings === member.endings && cached.amendments === member.amendments) {
    return cached.value;
  }
  const value = computeMemberships(member);
  memberships.set(member.appointments, { endings: member.endings, amendments: member.amendments, value });
  return value;
}

function computeMemberships(member: MemberState): Membership[] {
  const { amendments } = member;
  const endings = member.endings
    .filter((e) => !amendments.retracted.has(e.eventId))
    .map((e) => currentData(amendments, e.eventId, e.data));
  return member.appointments
    .filter((a) => !amendments.retracted.has(a.eventId))
    .map((a) => {
      const appointment = currentData(amendments, a.eventId, a.data);
      const ending = endings.find(
        (e) => e.committeeId === appointment.committeeId && e.term === appointment.term,
      );
      return {
        eventId: a.eventId,
        appointment,
        committeeId: appointment.committeeId,
        term: appointment.term,
        endedOn: ending?.effectiveOn,
      };
    });
}

/** The membership in which a member sits in a committee at an instant, if any. */
export function seatAt(
  member: MemberState,
  committeeId: string,
  committee: CommitteeState,
  atMs: number,
): Membership | undefined {
  const tz = committee.timeZone;
  for (const m of membershipsOf(member)) {
    if (m.committeeId !== committeeId) continue;
    const termInfo = committee.terms.get(m.term);
    if (termInfo && atMs > termInfo.endMs) continue;
    if (atMs < startOfDateInput(m.appointment.appointedOn, tz)) continue;
    if (m.endedOn === undefined || atMs < startOfDateInput(m.endedOn, tz)) return m;
  }
  return undefined;
}

/** Whether a member is a standing member (常委) of a membership at an instant. */
export function isStandingAt(
  member: MemberState,
  membership: Membership,
  timeZone: string,
  atMs: number,
): boolean {
  const { amendments } = member;
  let standing = membership.appointment.standing;
  let latest = Number.NEGATIVE_INFINITY;
  for (const change of member.standingChanges) {
    if (amendments.retracted.has(change.eventId)) continue;
    const c = currentData(amendments, change.eventId, change.data);
    if (c.committeeId !== membership.committeeId || c.term !== membership.term) continue;
    const from = startOfDateInput(c.effectiveOn, timeZone);
    if (from <= atMs && from >= latest) {
      latest = from;
      standing = c.standing;
    }
  }
  return standing;
}

/** The long leave (长期请假) a member is on at an instant, if any. */
export function longLeaveAt(member: MemberState, timeZone: string, atMs: number) {
  const { amendments } = member;
  for (const leave of member.leaves) {
    if (amendments.retracted.has(leave.eventId)) continue;
    const l = currentData(amendments, leave.eventId, leave.data);
    const from = startOfDateInput(l.from, timeZone);
    const to = l.to === undefined ? Number.POSITIVE_INFINITY : endOfDateInput(l.to, timeZone);
    if (from <= atMs && atMs <= to) return l;
  }
  return undefined;
}

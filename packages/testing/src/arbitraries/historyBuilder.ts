import type { CommandName } from '@lvzhi/core';
import { dateOf, utcMidnightOf } from './calendarDays.ts';
import { buildActivities, buildOpinions, buildProposals } from './historyActs.ts';
import type { HistoryPlan } from './historyPlan.ts';
import { LISTED_KINDS, onLeave, type Seat, seated, standingOn, within } from './historySeats.ts';
import type { RecordLine } from './recordLine.ts';

/**
 * Builds the commands of a plan: a committee, a term, members (standing changes, long leaves, endings),
 * meetings, attendances, speeches, proposals with their lifecycle, opinions with adoptions and instructions,
 * and other acts. Choices that would break a domain rule are adjusted or dropped, so every command is valid
 * in order. Every command is recorded at one instant after the last act.
 */
export function buildHistory(plan: HistoryPlan): RecordLine[] {
  const start = plan.term.startDay;
  const end = start + plan.term.days - 1;
  const meta = { recordedBy: '秘书处', recordedAt: utcMidnightOf(end + 120) };
  const lines: RecordLine[] = [];
  const add = (command: CommandName, data: Record<string, unknown>) => lines.push({ command, data, meta });
  const { salt } = plan;
  const committeeId = salt;
  const term = plan.term.number;
  const { name, level, timeZone } = plan.committee;
  add('RegisterCommittee', { committeeId, name, level, ...(timeZone === undefined ? {} : { timeZone }) });
  add('OpenTerm', { committeeId, term, startsOn: dateOf(start), endsOn: dateOf(end) });

  const seats: Seat[] = plan.members.map((m, i) => {
    const memberId = `${salt}.m${i + 1}`;
    const appointDay = within(m.appointAt, start, end);
    add('AppointMember', {
      memberId,
      name: m.name,
      committeeId,
      term,
      sector: m.sector,
      specialCommittees: m.specialCommittees,
      standing: m.standing,
      ...(m.party === undefined ? {} : { party: m.party }),
      appointedOn: dateOf(appointDay),
    });
    const endDay = m.ending ? within(m.ending.at, appointDay, end) : undefined;
    const lastDay = endDay === undefined ? end : Math.min(end, endDay - 1);
    const changes: { day: number; standing: boolean }[] = [];
    for (const c of m.standingChanges) {
      if (lastDay < appointDay) break;
      const day = within(c.at, appointDay, lastDay);
      if (changes.some((x) => x.day === day)) continue;
      changes.push({ day, standing: c.standing });
      const effectiveOn = dateOf(day);
      add('SetStandingMember', {
        memberId,
        committeeId,
        ...(c.omitTerm ? {} : { term }),
        standing: c.standing,
        effectiveOn,
      });
    }
    const leaves: { from: number; to: number | undefined }[] = [];
    for (const l of m.leaves) {
      const from = within(l.at, start, end);
      if (leaves.some((x) => x.from === from)) continue;
      const to = l.days === undefined ? undefined : from + l.days;
      leaves.push({ from, to });
      add('DeclareLongLeave', {
        memberId,
        from: dateOf(from),
        ...(to === undefined ? {} : { to: dateOf(to) }),
        reason: l.reason,
      });
    }
    if (m.ending && endDay !== undefined) {
      const { reason, omitTerm } = m.ending;
      add('EndMembership', {
        memberId,
        committeeId,
        ...(omitTerm ? {} : { term }),
        reason,
        effectiveOn: dateOf(endDay),
      });
    }
    return { memberId, appointDay, endDay, lastDay, standing: m.standing, changes, leaves };
  });
  const seatedOn = (day: number) => seats.filter((s) => seated(s, day)).map((s) => s.memberId);

  const meetings = plan.meetings.map((m, j) => {
    const meetingId = `${salt}.mt${j + 1}`;
    const day = within(m.at, start, end);
    const startsOn = m.timed ? `${dateOf(day)}T12:00:00Z` : dateOf(day);
    const endsOn = m.lastsDays === undefined ? undefined : dateOf(day + m.lastsDays + (m.timed ? 1 : 0));
    add('ScheduleMeeting', {
      meetingId,
      committeeId,
      kind: m.kind,
      title: m.title,
      startsOn,
      ...(endsOn === undefined ? {} : { endsOn }),
      term,
      ...(m.session === undefined ? {} : { session: m.session }),
    });
    return { meetingId, day, kind: m.kind };
  });

  const recorded = new Set<string>();
  for (const a of meetings.length === 0 ? [] : plan.attendances) {
    const seat = seats[a.member % seats.length]!;
    const meeting = meetings[a.meeting % meetings.length]!;
    const key = `${seat.memberId} ${meeting.meetingId}`;
    if (recorded.has(key) || !seated(seat, meeting.day)) continue;
    recorded.add(key);
    const status = a.status === 'present' && onLeave(seat, meeting.day) ? 'excused' : a.status;
    const observerOnly = meeting.kind === 'standing' && !standingOn(seat, meeting.day);
    const capacity = observerOnly ? 'observer' : a.capacity;
    add('RecordAttendance', {
      meetingId: meeting.meetingId,
      memberId: seat.memberId,
      status,
      ...(a.spellDefaults || capacity !== 'member' ? { capacity } : {}),
      ...(a.spellDefaults || a.channel !== 'in-person' ? { channel: a.channel } : {}),
      ...(a.fractionAttended === undefined ? {} : { fractionAttended: a.fractionAttended + 0 }),
      ...(status === 'excused' ? { leaveReason: a.leaveReason ?? 'other' } : {}),
    });
  }

  for (const sp of meetings.length === 0 ? [] : plan.speeches) {
    const seat = seats[sp.member % seats.length]!;
    const meeting = meetings[sp.meeting % meetings.length]!;
    const mode = sp.mode === 'oral' && onLeave(seat, meeting.day) ? 'written' : sp.mode;
    const key = `${seat.memberId} ${meeting.meetingId} ${mode}`;
    if (recorded.has(key) || !seated(seat, meeting.day)) continue;
    recorded.add(key);
    const listed = sp.listed && mode === 'written' && LISTED_KINDS.has(meeting.kind);
    add('RecordSpeech', {
      meetingId: meeting.meetingId,
      memberId: seat.memberId,
      mode,
      ...(listed ? { listed } : {}),
    });
  }

  const context = { plan, salt, committeeId, term, start, end, seats, seatedOn, recorded, add };
  buildProposals(context);
  buildOpinions(context);
  buildActivities(context);
  return lines;
}

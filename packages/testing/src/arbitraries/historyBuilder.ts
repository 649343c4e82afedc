import type { CommandName } from '@lvzhi/core';
import { dateOf, utcMidnightOf } from './calendarDays.ts';
import type { HistoryPlan } from './historyPlan.ts';
import type { RecordLine } from './recordLine.ts';

/** Meeting kinds whose proceedings list written speeches. */
const LISTED_KINDS: ReadonlySet<string> = new Set(['plenary', 'standing', 'consultation']);

/** What the builder knows of a member's seat, to keep every act it writes valid. */
interface Seat {
  readonly memberId: string;
  readonly appointDay: number;
  /** The day the membership ended (not seated from that day on). */
  readonly endDay: number | undefined;
  readonly lastDay: number;
  readonly standing: boolean;
  readonly changes: readonly { readonly day: number; readonly standing: boolean }[];
  readonly leaves: readonly { readonly from: number; readonly to: number | undefined }[];
}

const seated = (s: Seat, day: number) => s.appointDay <= day && day <= s.lastDay;
const onLeave = (s: Seat, day: number) =>
  s.leaves.some((l) => l.from <= day && day <= (l.to ?? Number.POSITIVE_INFINITY));
function standingOn(s: Seat, day: number): boolean {
  let standing = s.standing;
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of s.changes) {
    if (c.day <= day && c.day > latest) {
      latest = c.day;
      standing = c.standing;
    }
  }
  return standing;
}

/** A day in `from..to` chosen by `at`. */
const within = (at: number, from: number, to: number) => from + (at % (to - from + 1));

/** Distinct members of `pool` chosen by `picks`, leaving out `exclude`. */
function distinct(
  picks: readonly number[],
  pool: readonly string[],
  exclude: readonly string[] = [],
): string[] {
  const chosen: string[] = [];
  for (const p of picks) {
    const id = pool[p % pool.length];
    if (id !== undefined && !exclude.includes(id) && !chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

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

  const filed: string[] = [];
  plan.proposals.forEach((p, k) => {
    const proposalId = `${salt}.p${k + 1}`;
    const day = within(p.at, start, end);
    const present = seatedOn(day);
    let type = p.proposerType;
    if (type === 'joint' && present.length < 2) type = present.length === 1 ? 'individual' : 'collective';
    if (type === 'individual' && present.length === 0) type = 'collective';
    const lead = type === 'collective' ? undefined : present[p.lead % present.length]!;
    const coSigners = type === 'joint' ? distinct([...p.coSigners, ...present.keys()], present, [lead!]) : [];
    const mainMembers = type === 'collective' ? distinct(p.mainMembers, present).slice(0, 3) : [];
    add('SubmitProposal', {
      proposalId,
      committeeId,
      title: p.title,
      category: p.category,
      submittedOn: dateOf(day),
      proposerType: type,
      ...(lead === undefined ? {} : { leadMemberId: lead }),
      ...(type === 'joint' ? { coSignerIds: coSigners.slice(0, Math.max(1, p.coSigners.length)) } : {}),
      ...(type === 'collective' ? { collectiveBody: p.collectiveBody } : {}),
      ...(mainMembers.length > 0 ? { mainMemberIds: mainMembers } : {}),
      ...(p.timing === 'interim' ? { timing: p.timing } : {}),
    });
    const after = (n: number) => dateOf(day + (n % 60));
    if (p.review) {
      const [{ decision: wanted, target }, n] = p.review;
      const decision = wanted === 'merged' && filed.length === 0 ? 'filed' : wanted;
      const mergedInto = decision === 'merged' ? filed[target % filed.length] : undefined;
      add('ReviewProposal', {
        proposalId,
        decision,
        decidedOn: after(n),
        ...(mergedInto === undefined ? {} : { mergedInto }),
      });
      if (decision === 'filed') filed.push(proposalId);
      if (decision === 'filed' || decision === 'merged') {
        if (p.key) add('MarkKeyProposal', { proposalId, markedOn: after(p.key[1]) });
        if (p.award) add('AwardProposal', { proposalId, awardedOn: after(p.award[1]) });
        if (p.answer) {
          add('AnswerProposal', { proposalId, result: p.answer[0].result, answeredOn: after(p.answer[1]) });
          if (p.feedback) {
            const givenOn = dateOf(day + (p.answer[1] % 60) + (p.feedback[1] % 30));
            add('RecordProposerFeedback', { proposalId, rating: p.feedback[0].rating, givenOn });
          }
        }
      }
    }
    if (p.instruction) {
      const { level } = p.instruction[0];
      add('RecordLeaderInstruction', {
        subjectKind: 'proposal',
        subjectId: proposalId,
        level,
        instructedOn: after(p.instruction[1]),
      });
    }
  });

  plan.opinions.forEach((o, k) => {
    const opinionId = `${salt}.o${k + 1}`;
    const day = within(o.at, start, end);
    const authorIds = distinct(o.authors, seatedOn(day));
    if (authorIds.length === 0) return;
    add('SubmitOpinion', { opinionId, committeeId, authorIds, title: o.title, submittedOn: dateOf(day) });
    const levels = new Set<string>();
    for (const [level, n] of o.adoptions) {
      if (levels.has(level)) continue;
      levels.add(level);
      add('AdoptOpinion', { opinionId, level, adoptedOn: dateOf(day + (n % 60)) });
    }
    if (o.instruction) {
      const [{ level }, n] = o.instruction;
      add('RecordLeaderInstruction', {
        subjectKind: 'opinion',
        subjectId: opinionId,
        level,
        instructedOn: dateOf(day + (n % 60)),
      });
    }
  });

  plan.activities.forEach((a, k) => {
    const seat = seats[a.member % seats.length]!;
    const chosen = within(a.at, start, end);
    const day = seated(seat, chosen) ? chosen : seat.appointDay;
    if (!seated(seat, day)) return;
    const id = `${salt}.a${k + 1}`;
    const { memberId } = seat;
    const on = dateOf(day);
    const act = a.act;
    switch (act.command) {
      case 'RecordPublicity':
        add(act.command, {
          publicityId: id,
          memberId,
          kind: act.kind,
          outlet: act.outlet,
          ...(act.level === undefined ? {} : { level: act.level }),
          publishedOn: on,
        });
        break;
      case 'RecordPublicWelfare':
        add(act.command, { activityId: id, memberId, title: act.title, on });
        break;
      case 'RecordTalk':
        add(act.command, {
          talkId: id,
          committeeId,
          memberId,
          kind: act.kind,
          heldBy: act.heldBy,
          heldOn: on,
        });
        break;
      case 'RecordHonour':
        add(act.command, { honourId: id, memberId, title: act.title, level: act.level, awardedOn: on });
        break;
      case 'SubmitAnnualReport':
        add(act.command, {
          reportId: id,
          memberId,
          committeeId,
          year: Number(on.slice(0, 4)),
          submittedOn: on,
        });
        break;
      case 'RecordAssessmentDecision': {
        const year = Number(on.slice(0, 4));
        const key = `${memberId} assessment ${year} ${act.policyId}`;
        if (recorded.has(key)) break;
        recorded.add(key);
        const { grade, policyId, score } = act;
        const decision = { memberId, committeeId, year, grade, policyId, policyVersion: '1', score };
        add(act.command, { ...decision, decidedBy: '主席会议', decidedOn: on });
        break;
      }
      case 'RecordRenominationDecision': {
        const key = `${memberId} renomination`;
        if (recorded.has(key)) break;
        recorded.add(key);
        const { decision, reason } = act;
        add(act.command, {
          memberId,
          committeeId,
          term,
          decision,
          decidedBy: '主席会议',
          decidedOn: on,
          reason,
        });
        break;
      }
    }
  });
  return lines;
}

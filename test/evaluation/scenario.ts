import { createHash } from 'node:crypto';
import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  InMemoryEventStore,
  projectLog,
} from '@lvzhi/core';
import fc from 'fast-check';

/** One line of the record format, with the layer it belongs to (a layer may be recorded in any order). */
export interface Line {
  readonly command: string;
  readonly data: Record<string, unknown>;
  readonly layer: number;
}

/** A UUIDv7-shaped id derived from a command's content, so that any recording order gives the same ids. */
export function eventIdOf(line: Pick<Line, 'command' | 'data'>): string {
  const h = createHash('sha256')
    .update(`${line.command}|${JSON.stringify(line.data)}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const COMMITTEE = 'pc';
const YEARS = [2018, 2019, 2020] as const;
const KINDS = ['plenary', 'standing', 'inspection', 'research', 'consultation', 'study'] as const;
const MONTH: Readonly<Record<(typeof KINDS)[number], string>> = {
  plenary: '01-15',
  standing: '03-01',
  inspection: '04-01',
  research: '05-01',
  consultation: '06-01',
  study: '12-31',
};
const REASONS = ['illness', 'maternity', 'higher-level-meeting', 'official-abroad', 'work', 'other'] as const;
const LEVELS = ['county', 'city', 'provincial', 'national'] as const;

const date = fc
  .record({
    y: fc.constantFrom(...YEARS),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const attendanceArb = fc.record({
  status: fc.constantFrom('present', 'present', 'excused', 'absent'),
  reason: fc.constantFrom(...REASONS),
  fraction: fc.option(fc.constantFrom(0.5, 2 / 3, 0.9, 1), { nil: undefined }),
});

/**
 * A small committee's record over 2018–2020 (term 1: 2018-01-01..2022-12-31): members, meetings of several
 * kinds, attendances, speeches, proposals of every proposer type with reviews, key marks and awards, items
 * with adoptions, public welfare, and some retractions. Layers: 0 setup, 1 acts, 2 reviews and adoptions,
 * 3 key marks and awards, 4 retractions.
 */
export const scenarioArb = fc
  .record({
    members: fc.array(fc.record({ sector: fc.constantFrom('经济界', '教育界'), standing: fc.boolean() }), {
      minLength: 2,
      maxLength: 5,
    }),
    leaves: fc.option(fc.constantFrom('2019-07-01', '2020-03-01'), { nil: undefined }),
    attendances: fc.array(fc.tuple(fc.nat(), fc.nat(), attendanceArb), { maxLength: 30 }),
    speeches: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    proposals: fc.array(
      fc.record({
        type: fc.constantFrom('individual', 'joint', 'collective'),
        members: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 1, maxLength: 4 }),
        on: date,
        review: fc.constantFrom('filed', 'filed', 'not-filed', 'converted', 'none'),
        key: fc.boolean(),
        award: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    opinions: fc.array(
      fc.record({
        authors: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }),
        on: date,
        adoptions: fc.uniqueArray(fc.constantFrom(...LEVELS), { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ),
    welfare: fc.array(fc.tuple(fc.nat(), date), { maxLength: 8 }),
    retractions: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map((s) => {
    const lines: Line[] = [];
    const add = (layer: number, command: string, data: Record<string, unknown>) =>
      lines.push({ command, data, layer });
    const n = s.members.length;
    const member = (i: number) => `m${i % n}`;
    add(0, 'RegisterCommittee', { committeeId: COMMITTEE, name: '属性政协', level: 'county' });
    add(0, 'OpenTerm', { committeeId: COMMITTEE, term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' });
    for (const [i, m] of s.members.entries()) {
      add(0, 'AppointMember', {
        memberId: `m${i}`,
        name: `委员${i}`,
        committeeId: COMMITTEE,
        term: 1,
        sector: m.sector,
        standing: m.standing,
        appointedOn: '2018-01-01',
      });
    }
    if (s.leaves)
      add(0, 'EndMembership', {
        memberId: 'm0',
        committeeId: COMMITTEE,
        reason: 'resigned',
        effectiveOn: s.leaves,
      });
    const meetings = YEARS.flatMap((y) =>
      KINDS.map((kind) => ({ id: `${kind}-${y}`, kind, on: `${y}-${MONTH[kind]}` })),
    );
    for (const m of meetings) {
      add(0, 'ScheduleMeeting', {
        meetingId: m.id,
        committeeId: COMMITTEE,
        kind: m.kind,
        title: m.id,
        startsOn: m.on,
        term: 1,
      });
    }
    const seen = new Set<string>();
    for (const [mi, ai, a] of s.attendances) {
      const meeting = meetings[mi % meetings.length]!;
      const memberId = member(ai);
      if (seen.has(`${meeting.id}|${memberId}`)) continue;
      seen.add(`${meeting.id}|${memberId}`);
      const standing = s.members[ai % n]!.standing;
      add(1, 'RecordAttendance', {
        meetingId: meeting.id,
        memberId,
        status: a.status,
        ...(a.status === 'excused' ? { leaveReason: a.reason } : {}),
        ...(a.status === 'present' && a.fraction !== undefined ? { fractionAttended: a.fraction } : {}),
        ...(meeting.kind === 'standing' && !standing ? { capacity: 'observer' } : {}),
      });
    }
    const listedAt = meetings.filter((m) => m.kind === 'plenary' || m.kind === 'consultation');
    const spoken = new Set<string>();
    for (const [mi, ai] of s.speeches) {
      const meeting = listedAt[mi % listedAt.length]!;
      if (spoken.has(`${meeting.id}|${member(ai)}`)) continue;
      spoken.add(`${meeting.id}|${member(ai)}`);
      add(1, 'RecordSpeech', { meetingId: meeting.id, memberId: member(ai), mode: 'written', listed: true });
    }
    s.proposals.forEach((p, i) => {
      const ids = [...new Set(p.members.map(member))];
      const proposalId = `pr${i}`;
      const who =
        p.type === 'collective'
          ? { proposerType: 'collective', collectiveBody: '民盟', mainMemberIds: ids.slice(0, 3) }
          : p.type === 'joint' && ids.length > 1
            ? { proposerType: 'joint', leadMemberId: ids[0], coSignerIds: ids.slice(1) }
            : { proposerType: 'individual', leadMemberId: ids[0] };
      add(1, 'SubmitProposal', {
        proposalId,
        committeeId: COMMITTEE,
        title: proposalId,
        category: 'social',
        submittedOn: p.on,
        ...who,
      });
      if (p.review === 'none') return;
      add(2, 'ReviewProposal', { proposalId, decision: p.review, decidedOn: p.on });
      if (p.review !== 'filed') return;
      if (p.key) add(3, 'MarkKeyProposal', { proposalId, markedOn: p.on });
      if (p.award) add(3, 'AwardProposal', { proposalId, awardedOn: p.on });
    });
    s.opinions.forEach((o, i) => {
      const opinionId = `op${i}`;
      const authorIds = [...new Set(o.authors.map(member))];
      add(1, 'SubmitOpinion', {
        opinionId,
        committeeId: COMMITTEE,
        authorIds,
        title: opinionId,
        submittedOn: o.on,
      });
      for (const level of o.adoptions) add(2, 'AdoptOpinion', { opinionId, level, adoptedOn: o.on });
    });
    for (const [i, [ai, on]] of s.welfare.entries()) {
      add(1, 'RecordPublicWelfare', { activityId: `w${i}`, memberId: member(ai), title: `w${i}`, on });
    }
    const acts = lines.filter((l) => l.layer === 1);
    for (const r of s.retractions) {
      if (acts.length === 0) break;
      add(4, 'RetractRecord', {
        eventId: eventIdOf(acts[r % acts.length]!),
        reason: '录入错误',
        approvedBy: '秘书长',
      });
    }
    return lines;
  });

/** A deterministic shuffle (mulberry32) of each layer, keeping layers in order. */
export function shuffleLayers(lines: readonly Line[], seed: number): Line[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const layers = [...new Set(lines.map((l) => l.layer))].sort((x, y) => x - y);
  return layers.flatMap((layer) => {
    const part = lines.filter((l) => l.layer === layer);
    if (layer === 0) return part;
    for (let i = part.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [part[i], part[j]] = [part[j]!, part[i]!];
    }
    return part;
  });
}

/** Records lines in order (refusals are skipped), each at `recordedAt(i)`, with content-derived event ids. */
export async function recordLines(
  lines: readonly Line[],
  recordedAt: (index: number) => string = () => '2024-01-01T00:00:00.000Z',
): Promise<EventStore> {
  const store = new InMemoryEventStore();
  let next = '';
  const handler = new CommandHandler(store, { newEventId: () => next });
  for (const [i, line] of lines.entries()) {
    next = eventIdOf(line);
    await handler.handle({
      command: line.command,
      data: line.data,
      meta: { recordedBy: 'office', recordedAt: recordedAt(i) },
    });
  }
  return store;
}

/** The duty record of a store, as known at an instant when given. */
export async function dutyRecord(store: EventStore, recordedAtOrBefore?: number): Promise<DutyRecordState> {
  const { states } = await projectLog(
    store,
    [dutyRecordProjection],
    recordedAtOrBefore === undefined ? {} : { recordedAtOrBefore },
  );
  return states.get(dutyRecordProjection.name) as DutyRecordState;
}

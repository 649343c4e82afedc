import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Prng } from './prng.ts';

/** How a generated year is scaled. */
export interface YearShape {
  /** Total commands in the file. */
  readonly commands: number;
  readonly seed: number;
}

interface Member {
  readonly id: string;
  readonly committeeId: string;
  readonly standing: boolean;
  /** Day of year range of a long leave, if any. */
  readonly leave?: readonly [number, number];
}

interface Committee {
  readonly id: string;
  readonly name: string;
  readonly level: 'provincial' | 'county';
  readonly size: number;
  readonly members: Member[];
}

const SECTORS = [
  '中国共产党',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '无党派人士',
  '共青团',
  '总工会',
  '妇联',
  '青联',
  '工商联',
  '科协',
  '台联',
  '侨联',
  '文化艺术界',
  '科学技术界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '体育界',
  '新闻出版界',
  '医药卫生界',
  '对外友好界',
  '社会福利和社会保障界',
  '少数民族界',
  '宗教界',
  '特邀人士',
];
const SPECIAL = [
  '提案委员会',
  '经济委员会',
  '农业和农村委员会',
  '人口资源环境建设委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教委员会',
  '文化文史和学习委员会',
];
const ACTIVITY_KINDS = [
  'inspection',
  'research',
  'study',
  'consultation',
  'supervision',
  'special-committee',
  'sector',
  'other',
  'chairman',
] as const;
const CATEGORIES = [
  'economic',
  'economic',
  'economic',
  'political',
  'cultural',
  'cultural',
  'social',
  'social',
  'ecological',
  'ecological',
] as const;
const LEAVE_REASONS = ['illness', 'work', 'higher-level-meeting', 'official-abroad', 'other'] as const;
const LEVELS = ['county', 'city', 'provincial', 'national'] as const;
const RECORDERS = ['市政协办公厅', '市政协提案委员会', '市政协研究室', '区政协办公室', '委员工作委员会'];

/** The local date of day `d` (0-based) of 2019. */
function day(d: number): string {
  return new Date(Date.UTC(2019, 0, 1 + d)).toISOString().slice(0, 10);
}

/** Recorded the day after the act, in the afternoon, Beijing time. */
function recordedAfter(d: number): string {
  return `${day(d + 1)}T17:30:00+08:00`;
}

/**
 * Writes a deterministic, Chongqing-like year of the record format, scaled up: a city committee and three
 * district committees (~2,500 members), a plenary with attendance for every member, standing meetings, many
 * activities and study sessions with attendance, speeches, proposals through their lifecycle, 社情民意 items,
 * publicity and public welfare. Every line is valid. Returns the number of lines written.
 */
export async function generateYear(path: string, shape: YearShape): Promise<number> {
  const rng = new Prng(shape.seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let lines = 0;
  const emit = async (command: string, data: Record<string, unknown>, d: number) => {
    const text = JSON.stringify({
      command,
      data,
      meta: { recordedBy: rng.pick(RECORDERS), recordedAt: recordedAfter(d) },
    });
    lines += 1;
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  };
  const budget = () => shape.commands - lines;

  const committees: Committee[] = [
    { id: 'cq', name: '政协重庆市委员会', level: 'provincial', size: 860, members: [] },
    { id: 'cq-yz', name: '政协重庆市渝中区委员会', level: 'county', size: 560, members: [] },
    { id: 'cq-jb', name: '政协重庆市江北区委员会', level: 'county', size: 540, members: [] },
    { id: 'cq-sp', name: '政协重庆市沙坪坝区委员会', level: 'county', size: 540, members: [] },
  ];
  for (const c of committees) {
    await emit('RegisterCommittee', { committeeId: c.id, name: c.name, level: c.level }, -400);
    await emit(
      'OpenTerm',
      { committeeId: c.id, term: 5, startsOn: '2018-01-25', endsOn: '2023-01-12' },
      -340,
    );
  }
  for (const c of committees) {
    for (let i = 1; i <= c.size; i++) {
      const standing = rng.chance(0.12);
      const leaveStart = rng.int(60, 250);
      const member: Member = {
        id: `${c.id}-m${String(i).padStart(4, '0')}`,
        committeeId: c.id,
        standing,
        ...(rng.chance(0.015) ? { leave: [leaveStart, leaveStart + rng.int(30, 120)] as const } : {}),
      };
      c.members.push(member);
      await emit(
        'AppointMember',
        {
          memberId: member.id,
          name: `委员${c.id}${i}`,
          committeeId: c.id,
          term: 5,
          sector: rng.pick(SECTORS),
          specialCommittees: rng.sample(SPECIAL, rng.int(0, 2)),
          standing,
          appointedOn: '2018-01-25',
        },
        -340,
      );
    }
  }
  for (const c of committees) {
    for (const m of c.members) {
      if (m.leave) {
        await emit(
          'DeclareLongLeave',
          { memberId: m.id, from: day(m.leave[0]), to: day(m.leave[1]), reason: 'illness' },
          m.leave[0] - 1,
        );
      }
    }
  }

  const onLeave = (m: Member, d: number) => m.leave !== undefined && d >= m.leave[0] && d <= m.leave[1];
  const attend = async (meetingId: string, m: Member, d: number, pPresent: number) => {
    if (onLeave(m, d)) {
      await emit(
        'RecordAttendance',
        { meetingId, memberId: m.id, status: 'excused', leaveReason: 'illness' },
        d,
      );
      return false;
    }
    const r = rng.next();
    if (r < pPresent) {
      const channel = rng.chance(0.08) ? 'video' : 'in-person';
      await emit('RecordAttendance', { meetingId, memberId: m.id, status: 'present', channel }, d);
      return true;
    }
    if (r < pPresent + (1 - pPresent) * 0.8) {
      await emit(
        'RecordAttendance',
        { meetingId, memberId: m.id, status: 'excused', leaveReason: rng.pick(LEAVE_REASONS) },
        d,
      );
    } else {
      await emit('RecordAttendance', { meetingId, memberId: m.id, status: 'absent' }, d);
    }
    return false;
  };

  // The plenary: every member has an attendance record; speeches; proposals at the session.
  const proposals: { id: string; committeeId: string; submitted: number }[] = [];
  for (const c of committees) {
    const plenaryDay = c.level === 'provincial' ? 12 : rng.int(5, 20);
    const meetingId = `${c.id}-plenary-2019`;
    await emit(
      'ScheduleMeeting',
      {
        meetingId,
        committeeId: c.id,
        kind: 'plenary',
        title: `${c.name}第五届第二次会议`,
        startsOn: day(plenaryDay),
        endsOn: day(plenaryDay + 4),
        term: 5,
        session: 2,
      },
      plenaryDay - 7,
    );
    for (const m of c.members) {
      const present = await attend(meetingId, m, plenaryDay, 0.94);
      if (present && rng.chance(0.06))
        await emit('RecordSpeech', { meetingId, memberId: m.id, mode: 'oral' }, plenaryDay);
      if (rng.chance(0.15)) {
        await emit(
          'RecordSpeech',
          { meetingId, memberId: m.id, mode: 'written', listed: rng.chance(0.3) },
          plenaryDay,
        );
      }
    }
    const seated = c.members.filter((m) => !onLeave(m, plenaryDay + 1));
    const count = Math.round(c.members.length * 1.9);
    for (let i = 1; i <= count; i++) {
      const id = `${c.id}-2019-${String(i).padStart(4, '0')}`;
      const interim = rng.chance(0.02);
      const submitted = interim ? rng.int(60, 300) : plenaryDay + rng.int(0, 3);
      const type = rng.next();
      const eligible = seated.filter((m) => !onLeave(m, submitted));
      const data: Record<string, unknown> = {
        proposalId: id,
        committeeId: c.id,
        title: `关于第${i}项事项的提案`,
        category: rng.pick(CATEGORIES),
        submittedOn: day(submitted),
        timing: interim ? 'interim' : 'session',
      };
      if (type < 0.6) {
        Object.assign(data, { proposerType: 'individual', leadMemberId: rng.pick(eligible).id });
      } else if (type < 0.9) {
        const [lead, ...co] = rng.sample(eligible, rng.int(2, 5));
        Object.assign(data, {
          proposerType: 'joint',
          leadMemberId: lead!.id,
          coSignerIds: co.map((m) => m.id),
        });
      } else {
        Object.assign(data, {
          proposerType: 'collective',
          collectiveBody: rng.pick(SECTORS),
          mainMemberIds: rng.sample(eligible, rng.int(1, 3)).map((m) => m.id),
        });
      }
      await emit('SubmitProposal', data, submitted);
      proposals.push({ id, committeeId: c.id, submitted });
    }
  }

  // Reviews, key marks, answers, feedback and awards.
  const filedBy = new Map<string, string[]>();
  const filed: { id: string; submitted: number }[] = [];
  for (const p of proposals) {
    const decidedOn = p.submitted + rng.int(20, 45);
    const r = rng.next();
    const targets = filedBy.get(p.committeeId) ?? [];
    if (r < 0.05 && targets.length > 0) {
      await emit(
        'ReviewProposal',
        { proposalId: p.id, decision: 'merged', decidedOn: day(decidedOn), mergedInto: rng.pick(targets) },
        decidedOn,
      );
    } else if (r < 0.75) {
      await emit(
        'ReviewProposal',
        { proposalId: p.id, decision: 'filed', decidedOn: day(decidedOn) },
        decidedOn,
      );
      targets.push(p.id);
      filedBy.set(p.committeeId, targets);
      filed.push({ id: p.id, submitted: decidedOn });
    } else {
      const decision = rng.pick(['not-filed', 'not-filed', 'not-filed', 'converted', 'returned']);
      await emit('ReviewProposal', { proposalId: p.id, decision, decidedOn: day(decidedOn) }, decidedOn);
    }
  }
  for (const p of filed) {
    if (rng.chance(0.03))
      await emit('MarkKeyProposal', { proposalId: p.id, markedOn: day(p.submitted + 10) }, p.submitted + 10);
  }
  for (const p of filed) {
    const answered = p.submitted + rng.int(60, 160);
    await emit(
      'AnswerProposal',
      {
        proposalId: p.id,
        result: rng.pick(['solved', 'solved', 'planned', 'reference']),
        answeredOn: day(answered),
      },
      answered,
    );
    if (rng.chance(0.85)) {
      const rating = rng.chance(0.95) ? rng.pick(['satisfied', 'basically-satisfied']) : 'unsatisfied';
      await emit(
        'RecordProposerFeedback',
        { proposalId: p.id, rating, givenOn: day(answered + 14) },
        answered + 14,
      );
    }
    if (rng.chance(0.02)) await emit('AwardProposal', { proposalId: p.id, awardedOn: day(350) }, 350);
  }

  // 社情民意 items, publicity, public welfare.
  let opinion = 0;
  let publicity = 0;
  let welfare = 0;
  for (const c of committees) {
    for (let i = 0; i < c.members.length * 0.6; i++) {
      const d = rng.int(30, 340);
      const authors = rng.sample(
        c.members.filter((m) => !onLeave(m, d)),
        rng.int(1, 3),
      );
      const id = `${c.id}-sq-${++opinion}`;
      await emit(
        'SubmitOpinion',
        {
          opinionId: id,
          committeeId: c.id,
          authorIds: authors.map((m) => m.id),
          title: `社情民意信息第${opinion}号`,
          submittedOn: day(d),
        },
        d,
      );
      if (rng.chance(0.4))
        await emit(
          'AdoptOpinion',
          { opinionId: id, level: rng.pick(LEVELS), adoptedOn: day(d + 10) },
          d + 10,
        );
    }
    for (const m of c.members) {
      if (rng.chance(0.4)) {
        const d = rng.int(20, 340);
        await emit(
          'RecordPublicity',
          {
            publicityId: `xc-${++publicity}`,
            memberId: m.id,
            kind: rng.pick(['article', 'interview', 'report']),
            outlet: '重庆日报',
            level: 'city',
            publishedOn: day(d),
          },
          d,
        );
      }
      if (rng.chance(0.3)) {
        const d = rng.int(20, 340);
        await emit(
          'RecordPublicWelfare',
          { activityId: `gy-${++welfare}`, memberId: m.id, title: '助学帮扶活动', on: day(d) },
          d,
        );
      }
    }
  }

  // Standing meetings: standing members attend.
  for (const c of committees) {
    const standing = c.members.filter((m) => m.standing);
    for (let k = 1; k <= 6; k++) {
      const d = 30 + k * 50;
      const meetingId = `${c.id}-standing-2019-${k}`;
      await emit(
        'ScheduleMeeting',
        {
          meetingId,
          committeeId: c.id,
          kind: 'standing',
          title: `常委会第${k}次会议`,
          startsOn: day(d),
          term: 5,
        },
        d - 7,
      );
      for (const m of standing) await attend(meetingId, m, d, 0.9);
    }
  }

  // Activities and study sessions fill the rest: most attend only in part, study sessions record everyone.
  let meetingNo = 0;
  while (budget() > 0) {
    const c = committees[meetingNo % committees.length]!;
    meetingNo += 1;
    const d = rng.int(20, 345);
    const kind = rng.pick(ACTIVITY_KINDS);
    const meetingId = `${c.id}-act-2019-${meetingNo}`;
    await emit(
      'ScheduleMeeting',
      { meetingId, committeeId: c.id, kind, title: `${kind} 活动 ${meetingNo}`, startsOn: day(d), term: 5 },
      d - 3,
    );
    const everyone = kind === 'study' && rng.chance(0.5);
    const invited = everyone ? c.members : rng.sample(c.members, rng.int(30, 150));
    for (const m of invited) {
      if (budget() <= 0) break;
      const present = await attend(meetingId, m, d, 0.85);
      if (present && budget() > 0 && rng.chance(0.04)) {
        await emit('RecordSpeech', { meetingId, memberId: m.id, mode: rng.pick(['oral', 'written']) }, d);
      }
    }
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

import { describe, expect, it } from 'vitest';
import { listMembers, memberArchive } from './index.ts';
import { chongqing } from './testFixtures/dutyRecord.ts';

describe('Given a member seated in terms 5 and 6 (一人一届一档)', () => {
  async function twoTerms() {
    const r = await chongqing();
    await r.run('EndMembership', {
      memberId: 'm1',
      committeeId: 'cq',
      term: 5,
      reason: 'term-ended',
      effectiveOn: '2023-01-15',
    });
    const appointed6 = await r.run('AppointMember', {
      memberId: 'm1',
      name: '张三',
      committeeId: 'cq',
      term: 6,
      sector: '经济界',
      appointedOn: '2023-01-15',
    });
    await r.run('ScheduleMeeting', {
      meetingId: 'p2023',
      committeeId: 'cq',
      kind: 'plenary',
      title: '六届一次会议',
      startsOn: '2023-01-16',
      term: 6,
      session: 1,
    });
    const a5 = await r.run('RecordAttendance', { meetingId: 'p2019', memberId: 'm1', status: 'present' });
    const a6 = await r.run('RecordAttendance', { meetingId: 'p2023', memberId: 'm1', status: 'present' });
    const pub5 = await r.run('RecordPublicity', {
      publicityId: 'pub5',
      memberId: 'm1',
      kind: 'interview',
      outlet: '重庆日报',
      publishedOn: '2022-12-01',
    });
    const pub6 = await r.run('RecordPublicity', {
      publicityId: 'pub6',
      memberId: 'm1',
      kind: 'article',
      outlet: '人民政协报',
      level: 'national',
      publishedOn: '2023-03-01',
    });
    return { state: await r.state(), a5, a6, pub5, pub6, appointed6 };
  }

  it('each term has its own archive, and without a term the latest one is given', async () => {
    const { state, a5, a6, pub5, pub6, appointed6 } = await twoTerms();
    const term5 = memberArchive(state, { memberId: 'm1', term: 5 })!;
    const term6 = memberArchive(state, { memberId: 'm1', term: 6 })!;
    const latest = memberArchive(state, { memberId: 'm1' })!;

    expect(term5.member.term).toEqual({ term: 5, startsOn: '2018-01-15', endsOn: '2023-01-14' });
    expect(term5.attendance.map((a) => a.eventId)).toEqual([a5]);
    expect(term5.publicity.map((p) => p.eventId)).toEqual([pub5]);
    expect(term5.member.ended).toMatchObject({ on: '2023-01-15', reason: 'term-ended' });
    expect(term5.member.otherSeats).toEqual([{ committeeId: 'cq', term: 6 }]);
    expect(term5.totals.map((t) => t.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);

    expect(term6.member).toMatchObject({
      appointmentEventId: appointed6,
      standingPeriods: [],
      ended: undefined,
    });
    expect(term6.attendance.map((a) => a.eventId)).toEqual([a6]);
    expect(term6.publicity.map((p) => p.eventId)).toEqual([pub6]);
    expect(term6.totals.map((t) => t.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(latest).toEqual(term6);
    expect(memberArchive(state, { memberId: 'm1', term: 4 })).toBeUndefined();
    expect(memberArchive(state, { memberId: 'nobody' })).toBeUndefined();
  });

  it('listMembers gives one row per member, committee and term', async () => {
    const { state } = await twoTerms();
    expect(listMembers(state, { term: 6 })).toEqual([
      {
        memberId: 'm1',
        name: '张三',
        committeeId: 'cq',
        term: 6,
        sector: '经济界',
        standing: false,
        appointedOn: '2023-01-15',
        endedOn: undefined,
        endReason: undefined,
      },
    ]);
    expect(
      listMembers(state, { committeeId: 'cq', term: 5 }).map((m) => [m.memberId, m.name, m.standing]),
    ).toEqual([
      ['m1', '张三', true],
      ['m2', '李四', false],
      ['m3', '王五', false],
      ['m4', '赵六', false],
      ['m5', '钱七', false],
    ]);
    expect(listMembers(state, { committeeId: 'elsewhere' })).toEqual([]);
  });
});

describe('Given acts in 2019 and 2020', () => {
  it('the year filter keeps the acts of that calendar year in the committee zone, and its totals only', async () => {
    const r = await chongqing();
    await r.run('RecordAttendance', { meetingId: 'p2019', memberId: 'm2', status: 'present' });
    const a2020 = await r.run('RecordAttendance', { meetingId: 'p2020', memberId: 'm2', status: 'present' });
    // 2019-12-31T23:30 UTC is 2020-01-01 07:30 in Shanghai: a 2020 act.
    const newYear = await r.run('RecordPublicWelfare', {
      activityId: 'w1',
      memberId: 'm2',
      title: '新年送温暖',
      on: '2019-12-31T23:30:00Z',
    });
    const late2019 = await r.run('RecordHonour', {
      honourId: 'h1',
      memberId: 'm2',
      title: '优秀政协委员',
      level: 'city',
      awardedOn: '2019-12-31T23:30:00+08:00',
    });
    const state = await r.state();
    const y2020 = memberArchive(state, { memberId: 'm2', year: 2020 })!;
    const y2019 = memberArchive(state, { memberId: 'm2', year: 2019 })!;

    expect(y2020.year).toBe(2020);
    expect(y2020.attendance.map((a) => a.eventId)).toEqual([a2020]);
    expect(y2020.publicWelfare.map((w) => [w.eventId, w.date])).toEqual([[newYear, '2020-01-01']]);
    expect(y2020.honours).toEqual([]);
    expect(y2019.honours.map((h) => [h.eventId, h.date])).toEqual([[late2019, '2019-12-31']]);
    expect(y2020.totals).toEqual([
      {
        year: 2020,
        attendance: { present: 1, excused: 0, absent: 0 },
        speeches: { oral: 0, written: 0, listed: 0 },
        proposals: { credited: 0, filed: 0, key: 0, excellent: 0 },
        opinions: { authored: 0, adopted: 0, adoptions: 0 },
        publicity: 0,
        publicWelfare: 1,
        talks: 0,
        honours: 0,
        annualReports: 0,
      },
    ]);
    const whole = memberArchive(state, { memberId: 'm2' })!;
    expect(
      whole.totals.filter((t) => t.honours + t.publicWelfare + t.attendance.present > 0).map((t) => t.year),
    ).toEqual([2019, 2020]);
  });
});

describe('Given the member section', () => {
  it('shows standing periods, special committees, party and a resignation with its reason', async () => {
    const r = await chongqing();
    await r.run('SetStandingMember', {
      memberId: 'm1',
      committeeId: 'cq',
      standing: false,
      effectiveOn: '2019-06-01',
    });
    const again = await r.run('SetStandingMember', {
      memberId: 'm1',
      committeeId: 'cq',
      standing: true,
      effectiveOn: '2020-03-01',
    });
    const ended = await r.run('EndMembership', {
      memberId: 'm1',
      committeeId: 'cq',
      reason: 'resigned',
      effectiveOn: '2021-07-01',
    });
    const state = await r.state();
    const m = memberArchive(state, { memberId: 'm1' })!.member;

    expect(m).toMatchObject({
      memberId: 'm1',
      name: '张三',
      committee: { committeeId: 'cq', name: '重庆市政协', level: 'prefectural', timeZone: 'Asia/Shanghai' },
      sector: '经济界',
      specialCommittees: ['提案委员会'],
      party: '民建',
      appointedOn: '2018-01-15',
      ended: { on: '2021-07-01', reason: 'resigned', eventId: ended },
      otherSeats: [],
    });
    expect(m.standingPeriods).toEqual([
      { from: '2018-01-15', until: '2019-06-01', eventId: m.appointmentEventId },
      { from: '2020-03-01', until: undefined, eventId: again },
    ]);
    // Seated until 2021-06-30: the archive's years stop at 2021.
    expect(memberArchive(state, { memberId: 'm1' })!.totals.map((t) => t.year)).toEqual([
      2018, 2019, 2020, 2021,
    ]);
  });

  it('lists talks, annual reports and decisions of the seat', async () => {
    const r = await chongqing();
    const talk = await r.run('RecordTalk', {
      talkId: 't1',
      committeeId: 'cq',
      memberId: 'm5',
      kind: 'reminder',
      heldBy: '副主席 Zhou',
      heldOn: '2019-09-01',
    });
    const report = await r.run('SubmitAnnualReport', {
      reportId: 'r1',
      memberId: 'm5',
      committeeId: 'cq',
      year: 2019,
      submittedOn: '2020-01-05',
    });
    const grade = await r.run('RecordAssessmentDecision', {
      memberId: 'm5',
      committeeId: 'cq',
      year: 2019,
      grade: 'competent',
      policyId: 'jinan-2015',
      policyVersion: '1',
      score: 72,
      decidedBy: '主席会议',
      decidedOn: '2020-02-01',
    });
    const archive = memberArchive(await r.state(), { memberId: 'm5' })!;
    expect(archive.talks).toEqual([
      expect.objectContaining({
        eventId: talk,
        kind: 'reminder',
        heldBy: '副主席 Zhou',
        date: '2019-09-01',
        year: 2019,
      }),
    ]);
    expect(archive.annualReports).toEqual([
      expect.objectContaining({ eventId: report, reportYear: 2019, year: 2020 }),
    ]);
    expect(archive.decisions).toEqual([
      expect.objectContaining({
        eventId: grade,
        decision: 'assessment',
        assessedYear: 2019,
        grade: 'competent',
        score: 72,
      }),
    ]);
    const t = archive.totals;
    expect([t.find((x) => x.year === 2019)?.talks, t.find((x) => x.year === 2020)?.annualReports]).toEqual([
      1, 1,
    ]);
    // The grade of 2019 belongs to the 2019 archive, though decided in 2020.
    expect(
      memberArchive(await r.state(), { memberId: 'm5', year: 2019 })!.decisions.map((d) => d.eventId),
    ).toEqual([grade]);
  });
});

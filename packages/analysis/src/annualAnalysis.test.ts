import type { DutyRecordState } from '@lvzhi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualAnalysis } from './analysisTypes.ts';
import { annualAnalysis, UnknownCommitteeError } from './annualAnalysis.ts';
import { committeeYearHistory } from './committeeYear.fixture.ts';
import type { History } from './history.fixture.ts';

// Every expectation below is worked out by hand from committeeYear.fixture.ts.
describe('Given the cq committee through 2018–2020', () => {
  let history: History;
  let state: DutyRecordState;
  let a: AnnualAnalysis;
  let beforeA8Retracted: number;

  beforeAll(async () => {
    ({ history, beforeA8Retracted } = await committeeYearHistory());
    state = await history.state();
    a = annualAnalysis(state, { committeeId: 'cq', year: 2019 });
  });

  it('names the committee, the year and the terms overlapping it', () => {
    expect(a).toMatchObject({
      year: 2019,
      committeeId: 'cq',
      committeeName: '重庆市政协',
      level: 'provincial',
      timeZone: 'Asia/Shanghai',
      terms: [5],
    });
  });

  it('counts every member seated at any time in the year, the one appointed in June included', () => {
    // m1–m5 all year, m6 from 2019-06-10; m7 sits only in yz.
    expect(a.members).toBe(6);
  });

  it('expects each member at the plenaries held while seated, and splits them four ways', () => {
    // P1 (2019-01-20): m1–m5 seated → 5; P2 (2019-09-10): m1–m6 → 6.
    // P1: m1, m2 present; m3 excused (absent corrected to excused); m4 absent; m5 not recorded.
    // P2: m1, m2, m3, m6 present; m4 absent (the wrong "present" was retracted); m5 excused (illness, on leave).
    expect(a.plenary).toMatchObject({
      meetings: 2,
      expected: 11,
      present: 6,
      excused: 2,
      absent: 2,
      notRecorded: 1,
      onLongLeave: 1,
      presentByChannel: { inPerson: 4, video: 1, online: 1 },
      excusedByReason: {
        illness: 1,
        maternity: 0,
        'higher-level-meeting': 0,
        'official-abroad': 0,
        work: 1,
        other: 0,
      },
    });
    expect(a.plenary.turnout).toBeCloseTo(6 / 11, 12);
    expect(
      a.plenary.byMeeting.map((m) => [
        m.meetingId,
        m.session,
        m.expected,
        m.present,
        m.excused,
        m.absent,
        m.notRecorded,
      ]),
    ).toEqual([
      ['P1', 2, 5, 2, 1, 1, 1],
      ['P2', null, 6, 4, 1, 1, 0],
    ]);
    expect(a.plenary.byMeeting[0]!.turnout).toBeCloseTo(2 / 5, 12);
    expect(a.plenary.byMeeting[1]!.turnout).toBeCloseTo(4 / 6, 12);
  });

  it('runs the proposal funnel over the proposals submitted in the year, with reviews as corrected', () => {
    // A1 filed, A2 merged, A3 not filed, A4 converted, A5 not filed corrected to filed, A6 pending, A7 returned;
    // A8 retracted; A0 is 2018's, although marked key in 2019.
    expect(a.proposals).toEqual({
      submitted: 7,
      filed: 3,
      merged: 1,
      notFiled: 1,
      converted: 1,
      returned: 1,
      pendingReview: 1,
      key: 1,
      excellent: 1,
      instructed: 1,
      byCategory: {
        economic: { submitted: 2, filed: 1 },
        political: { submitted: 1, filed: 1 },
        cultural: { submitted: 1, filed: 0 },
        social: { submitted: 1, filed: 1 },
        ecological: { submitted: 1, filed: 0 },
        other: { submitted: 1, filed: 0 },
      },
      collective: 1,
      fromMembers: 6,
      session: 3,
      interim: 4,
    });
  });

  it('counts 社情民意 items by adoption level, an adoption made in 2020 included and a retracted one not', () => {
    // O1 city + provincial (instructed), O2 city, O3 national retracted, O4 (2019-12-31 23:30 +08:00) county in 2020.
    expect(a.opinions).toEqual({
      submitted: 4,
      adopted: 3,
      adoptedByLevel: { county: 1, city: 2, provincial: 1, national: 0 },
      instructed: 1,
    });
  });

  it('totals member-acts per family, averages them over all members and counts who did each', () => {
    // Attendances present: m1 P1 P2 R1, m2 P1 P2, m3 P2 R1, m6 P2 (m2's M9 moved to 2020) = 8.
    // Credited proposals: m1 A1 A3 A5 A7, m2 A2 A5 A6, m3 A2 A3 A4, m6 A5 = 11.
    // Items: m1 O1, m2 O1 O3, m3 O2, m6 O4 = 5. Publicity: m1 N1, m2 N3. Public welfare: m3 W1, m6 W2.
    expect(a.totals).toEqual({
      attendances: 8,
      speeches: 2,
      proposals: 11,
      opinions: 5,
      publicity: 2,
      publicWelfare: 2,
    });
    expect(a.perMember.attendances).toBeCloseTo(8 / 6, 12);
    expect(a.perMember.speeches).toBeCloseTo(2 / 6, 12);
    expect(a.perMember.proposals).toBeCloseTo(11 / 6, 12);
    expect(a.perMember.opinions).toBeCloseTo(5 / 6, 12);
    expect(a.perMember.publicity).toBeCloseTo(2 / 6, 12);
    expect(a.perMember.publicWelfare).toBeCloseTo(2 / 6, 12);
    expect(a.coverage).toEqual({
      attendances: 4,
      speeches: 2,
      proposals: 4,
      opinions: 4,
      publicity: 2,
      publicWelfare: 2,
    });
  });

  it('gives the quartiles of acts per member, zeros included', () => {
    // m1 10, m2 8, m3 8, m4 0, m5 0, m6 4 → sorted 0 0 4 8 8 10.
    // q1: rank 1.25 → 0 + 0.25 × 4 = 1; median: rank 2.5 → 4 + 0.5 × 4 = 6; q3: rank 3.75 → 8.
    expect(a.distribution).toEqual({ min: 0, q1: 1, median: 6, q3: 8, max: 10 });
  });

  it('breaks the year down by sector, in code-unit order of the sector names', () => {
    expect(a.bySector.map((s) => s.sector)).toEqual(['医药卫生界', '教育界', '经济界']);
    expect(a.bySector[0]).toEqual({
      sector: '医药卫生界',
      members: 1,
      acts: 0,
      actsPerMember: 0,
      plenary: { expected: 2, present: 0, turnout: 0 },
      proposals: 0,
      opinions: 0,
      nothingRecorded: 1,
    });
    expect(a.bySector[1]).toEqual({
      sector: '教育界',
      members: 2,
      acts: 8,
      actsPerMember: 4,
      plenary: { expected: 4, present: 1, turnout: 0.25 },
      proposals: 3,
      opinions: 1,
      nothingRecorded: 1,
    });
    // 经济界: m1 10 + m2 8 + m6 4; distinct proposals A1 A2 A3 A5 A6 A7; items O1 O3 O4.
    expect(a.bySector[2]).toMatchObject({
      sector: '经济界',
      members: 3,
      acts: 22,
      plenary: { expected: 5, present: 5, turnout: 1 },
      proposals: 6,
      opinions: 3,
      nothingRecorded: 0,
    });
    expect(a.bySector[2]!.actsPerMember).toBeCloseTo(22 / 3, 12);
  });

  it('breaks the year down by special committee, a member of two counting in both', () => {
    expect(a.bySpecialCommittee).toEqual([
      {
        specialCommittee: '提案委员会',
        members: 2,
        acts: 16,
        actsPerMember: 8,
        plenary: { expected: 4, present: 3, turnout: 0.75 },
        proposals: 5,
        opinions: 3,
        nothingRecorded: 0,
      },
      {
        specialCommittee: '文化文史和学习委员会',
        members: 1,
        acts: 0,
        actsPerMember: 0,
        plenary: { expected: 2, present: 0, turnout: 0 },
        proposals: 0,
        opinions: 0,
        nothingRecorded: 1,
      },
      {
        specialCommittee: '经济委员会',
        members: 2,
        acts: 18,
        actsPerMember: 9,
        plenary: { expected: 4, present: 3, turnout: 0.75 },
        proposals: 6,
        opinions: 2,
        nothingRecorded: 0,
      },
    ]);
  });

  it('counts as standing whoever was a standing member at any time in the year, and not before it', () => {
    // m1 all year, m2 from July; m3 was standing only in 2018.
    expect(a.standingVsOrdinary.standing).toEqual({
      members: 2,
      acts: 18,
      actsPerMember: 9,
      plenary: { expected: 4, present: 4, turnout: 1 },
      proposals: 6,
      opinions: 2,
      nothingRecorded: 0,
    });
    expect(a.standingVsOrdinary.ordinary).toMatchObject({
      members: 4,
      acts: 12,
      actsPerMember: 3,
      plenary: { expected: 7, present: 2 },
      proposals: 4,
      opinions: 2,
      nothingRecorded: 2,
    });
    expect(a.standingVsOrdinary.ordinary.plenary.turnout).toBeCloseTo(2 / 7, 12);
  });

  it('lists the members with nothing recorded: absences, a talk and retracted acts are not acts', () => {
    expect(a.membersWithNothingRecorded).toEqual(['m4', 'm5']);
  });

  it('lists the long leaves overlapping the year, always with their reason', () => {
    expect(a.longLeave).toEqual([
      { memberId: 'm5', name: '钱五', reason: 'illness', from: '2019-08-01', to: '2019-12-31' },
    ]);
  });

  it('compares the headline figures with the previous year', () => {
    // 2018: m1–m5; A0 filed; O0 adopted; P0 4 present of 5.
    expect(a.previousYear).toMatchObject({
      year: 2018,
      members: 5,
      proposalsSubmitted: 1,
      proposalsFiled: 1,
      opinionsSubmitted: 1,
      opinionsAdopted: 1,
      plenaryTurnout: 0.8,
      change: {
        members: 1,
        proposalsSubmitted: 6,
        proposalsFiled: 2,
        opinionsSubmitted: 3,
        opinionsAdopted: 2,
      },
    });
    expect(a.previousYear!.change.plenaryTurnout).toBeCloseTo(6 / 11 - 0.8, 12);
  });

  it('has no previous year when nobody was seated then', () => {
    const first = annualAnalysis(state, { committeeId: 'cq', year: 2018 });
    expect(first.previousYear).toBeNull();
  });

  it("puts a proposal's key mark in the year the proposal was submitted", () => {
    const y2018 = annualAnalysis(state, { committeeId: 'cq', year: 2018 });
    expect(y2018.proposals).toMatchObject({ submitted: 1, filed: 1, key: 1 });
    expect(y2018.standingVsOrdinary.standing.members).toBe(2); // m1, and m3 from June to December
    expect(y2018.membersWithNothingRecorded).toEqual(['m5']);
    expect(y2018.longLeave).toEqual([
      { memberId: 'm4', name: '赵四', reason: 'other', from: '2018-02-01', to: '2018-03-01' },
    ]);
  });

  it("dates acts in the committee's zone and attendances by their meeting's corrected start", () => {
    // N2 at 2020-01-01 00:30 +08:00 (still 2019 in UTC) and m2 at M9, moved from 2019-12-20 to 2020-01-08.
    const y2020 = annualAnalysis(state, { committeeId: 'cq', year: 2020 });
    expect(y2020.totals).toEqual({
      attendances: 1,
      speeches: 0,
      proposals: 0,
      opinions: 0,
      publicity: 1,
      publicWelfare: 0,
    });
    expect(y2020.members).toBe(6);
    expect(y2020.plenary).toMatchObject({ meetings: 0, expected: 0, turnout: null });
    expect(y2020.membersWithNothingRecorded).toEqual(['m3', 'm4', 'm5', 'm6']);
  });

  it('counts a retracted act nowhere: as of just before the retraction, A8 counts everywhere', async () => {
    const before = annualAnalysis(await history.state({ toPosition: beforeA8Retracted }), {
      committeeId: 'cq',
      year: 2019,
    });
    expect(before.proposals).toMatchObject({ submitted: 8, filed: 4 });
    expect(before.proposals.byCategory.economic).toEqual({ submitted: 3, filed: 2 });
    expect(before.totals.proposals).toBe(12);
    expect(before.coverage.proposals).toBe(5);
    expect(before.membersWithNothingRecorded).toEqual(['m5']);
    expect(before.bySector[1]).toMatchObject({ sector: '教育界', acts: 9, proposals: 4, nothingRecorded: 0 });
  });

  it('refuses a committee the record does not know', () => {
    expect(() => annualAnalysis(state, { committeeId: 'nowhere', year: 2019 })).toThrow(
      UnknownCommitteeError,
    );
  });
});

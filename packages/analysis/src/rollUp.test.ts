import type { DutyRecordState } from '@lvzhi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { annualAnalysis, rollUp, UnknownCommitteeError } from './annualAnalysis.ts';
import { committeeYearHistory } from './committeeYear.fixture.ts';

// Expectations worked out by hand from committeeYear.fixture.ts: cq as in annualAnalysis.test.ts, plus yz,
// where m1 (also a cq member) and m7 attended plenary Y1 and m7's proposal B1 was filed.
describe('Given the city committee cq and the district committee yz in 2019', () => {
  let state: DutyRecordState;

  beforeAll(async () => {
    state = await (await committeeYearHistory()).history.state();
  });

  it('counts a member seated in both committees once, and each act once', () => {
    const r = rollUp(state, { committeeIds: ['cq', 'yz'], year: 2019 });
    expect(r.year).toBe(2019);
    expect(r.committeeIds).toEqual(['cq', 'yz']);
    expect(r.members).toBe(7);
    expect(r.plenary).toMatchObject({
      meetings: 3,
      expected: 13,
      present: 8,
      excused: 2,
      absent: 2,
      notRecorded: 1,
    });
    expect(r.plenary.byMeeting.map((m) => m.meetingId)).toEqual(['Y1', 'P1', 'P2']);
    expect(r.plenary.turnout).toBeCloseTo(8 / 13, 12);
    expect(r.proposals).toMatchObject({
      submitted: 8,
      filed: 4,
      byCategory: expect.objectContaining({ economic: { submitted: 3, filed: 2 } }),
    });
    // m1's publicity N1 belongs to no committee: once here, although both committees' analyses count it.
    expect(r.totals).toEqual({
      attendances: 10,
      speeches: 2,
      proposals: 12,
      opinions: 5,
      publicity: 2,
      publicWelfare: 2,
    });
    expect(annualAnalysis(state, { committeeId: 'yz', year: 2019 }).totals.publicity).toBe(1);
    expect(r.membersWithNothingRecorded).toEqual(['m4', 'm5']);
  });

  it("gives each committee's headline figures beside the union", () => {
    const r = rollUp(state, { committeeIds: ['cq', 'yz'], year: 2019 });
    expect(r.committees).toEqual([
      {
        committeeId: 'cq',
        committeeName: '重庆市政协',
        level: 'provincial',
        members: 6,
        proposalsSubmitted: 7,
        proposalsFiled: 3,
        opinionsSubmitted: 4,
        opinionsAdopted: 3,
        plenaryTurnout: 6 / 11,
      },
      {
        committeeId: 'yz',
        committeeName: '渝中区政协',
        level: 'county',
        members: 2,
        proposalsSubmitted: 1,
        proposalsFiled: 1,
        opinionsSubmitted: 0,
        opinionsAdopted: 0,
        plenaryTurnout: 1,
      },
    ]);
  });

  it('describes a member by the seat in the first committee listed', () => {
    const cityFirst = rollUp(state, { committeeIds: ['cq', 'yz'], year: 2019 });
    expect(cityFirst.bySector.map((s) => [s.sector, s.members])).toEqual([
      ['医药卫生界', 1],
      ['教育界', 2],
      ['经济界', 4],
    ]);
    const districtFirst = rollUp(state, { committeeIds: ['yz', 'cq'], year: 2019 });
    expect(districtFirst.bySector.map((s) => [s.sector, s.members])).toEqual([
      ['医药卫生界', 1], // U+533B
      ['教育界', 2], // U+6559
      ['无党派人士', 1], // U+65E0
      ['经济界', 3], // U+7ECF
    ]);
  });

  it('compares with the previous year of the union (yz had nobody in 2018)', () => {
    const r = rollUp(state, { committeeIds: ['cq', 'yz'], year: 2019 });
    expect(r.previousYear).toMatchObject({
      year: 2018,
      members: 5,
      proposalsSubmitted: 1,
      change: { members: 2, proposalsSubmitted: 7, proposalsFiled: 3 },
    });
    expect(annualAnalysis(state, { committeeId: 'yz', year: 2019 }).previousYear).toBeNull();
  });

  it('equals the single-committee analysis when given one committee', () => {
    const { committeeIds, committees, ...figures } = rollUp(state, { committeeIds: ['cq'], year: 2019 });
    const { committeeId, committeeName, level, timeZone, terms, ...single } = annualAnalysis(state, {
      committeeId: 'cq',
      year: 2019,
    });
    expect(figures).toEqual(single);
  });

  it('refuses an unknown committee and an empty list', () => {
    expect(() => rollUp(state, { committeeIds: ['cq', 'nowhere'], year: 2019 })).toThrow(
      UnknownCommitteeError,
    );
    expect(() => rollUp(state, { committeeIds: [], year: 2019 })).toThrow(RangeError);
  });
});

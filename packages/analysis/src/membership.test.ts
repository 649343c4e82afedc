import { describe, expect, it } from 'vitest';
import { annualAnalysis } from './annualAnalysis.ts';
import { History } from './history.fixture.ts';

describe('Given a member who resigns between two plenaries', () => {
  it('counts the member in the year but expects them only while seated', async () => {
    const h = new History();
    await h.record('RegisterCommittee', { committeeId: 'x', name: '某县政协', level: 'county' });
    await h.record('OpenTerm', { committeeId: 'x', term: 1, startsOn: '2019-01-01', endsOn: '2023-12-31' });
    for (const id of ['a1', 'a2']) {
      await h.record('AppointMember', {
        memberId: id,
        name: id,
        committeeId: 'x',
        term: 1,
        sector: '农业界',
        appointedOn: '2019-01-01',
      });
    }
    for (const [id, on] of [
      ['Q1', '2019-01-15'],
      ['Q2', '2019-09-01'],
    ] as const) {
      await h.record('ScheduleMeeting', {
        meetingId: id,
        committeeId: 'x',
        kind: 'plenary',
        title: id,
        startsOn: on,
        term: 1,
      });
    }
    await h.record('RecordAttendance', { meetingId: 'Q1', memberId: 'a1', status: 'present' });
    await h.record('RecordAttendance', { meetingId: 'Q1', memberId: 'a2', status: 'present' });
    await h.record('EndMembership', {
      memberId: 'a2',
      committeeId: 'x',
      reason: 'resigned',
      effectiveOn: '2019-03-01',
    });
    await h.record('RecordAttendance', { meetingId: 'Q2', memberId: 'a1', status: 'present' });
    const state = await h.state();

    const y2019 = annualAnalysis(state, { committeeId: 'x', year: 2019 });
    expect(y2019.members).toBe(2);
    expect(y2019.plenary).toMatchObject({ meetings: 2, expected: 3, present: 3, notRecorded: 0, turnout: 1 });
    expect(y2019.membersWithNothingRecorded).toEqual([]);

    const y2020 = annualAnalysis(state, { committeeId: 'x', year: 2020 });
    expect(y2020.members).toBe(1);
    expect(y2020.membersWithNothingRecorded).toEqual(['a1']);
    expect(y2020.distribution).toEqual({ min: 0, q1: 0, median: 0, q3: 0, max: 0 });
    expect(y2020.previousYear).toMatchObject({
      year: 2019,
      members: 2,
      change: { members: -1, plenaryTurnout: null },
    });
  });
});

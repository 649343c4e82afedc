import { describe, expect, it } from 'vitest';
import { memberArchive } from './index.ts';
import { chongqing } from './testFixtures/dutyRecord.ts';

describe('Given attendances at the 2019 plenary (五届二次会议)', () => {
  it('an excused attendance shows its leave reason, an absent one shows "no leave"', async () => {
    const r = await chongqing();
    const excused = await r.run('RecordAttendance', {
      meetingId: 'p2019',
      memberId: 'm1',
      status: 'excused',
      leaveReason: 'illness',
    });
    const absent = await r.run('RecordAttendance', { meetingId: 'p2019', memberId: 'm2', status: 'absent' });
    const state = await r.state();

    const m1 = memberArchive(state, { memberId: 'm1' })!;
    expect(m1.attendance).toHaveLength(1);
    expect(m1.attendance[0]).toMatchObject({
      eventId: excused,
      date: '2019-01-14',
      year: 2019,
      status: 'excused',
      absenceReason: 'illness',
      capacity: 'member',
      channel: 'in-person',
      meeting: { meetingId: 'p2019', title: '五届二次会议', kind: 'plenary', session: 2, retracted: false },
    });
    const m2 = memberArchive(state, { memberId: 'm2' })!;
    expect(m2.attendance[0]).toMatchObject({ eventId: absent, status: 'absent', absenceReason: 'no leave' });
    expect(m2.totals.find((t) => t.year === 2019)?.attendance).toEqual({ present: 0, excused: 0, absent: 1 });
  });

  it('a present attendance has no absence reason, and keeps its capacity, channel and fraction', async () => {
    const r = await chongqing();
    await r.run('RecordAttendance', {
      meetingId: 'p2019',
      memberId: 'm3',
      status: 'present',
      capacity: 'speaker',
      channel: 'video',
      fractionAttended: 0.5,
    });
    const [entry] = memberArchive(await r.state(), { memberId: 'm3' })!.attendance;
    expect(entry).toMatchObject({
      status: 'present',
      capacity: 'speaker',
      channel: 'video',
      fractionAttended: 0.5,
    });
    expect(entry?.absenceReason).toBeUndefined();
  });

  it('a corrected attendance shows the original, the correction, its reason and approver; totals use the corrected status', async () => {
    const r = await chongqing();
    const recorded = await r.run('RecordAttendance', {
      meetingId: 'p2019',
      memberId: 'm3',
      status: 'absent',
    });
    const correction = await r.run(
      'CorrectRecord',
      {
        eventId: recorded,
        data: { status: 'excused', leaveReason: 'higher-level-meeting' },
        reason: '请假条迟交 leave note arrived late',
        approvedBy: '秘书长 Wang',
      },
      '2019-02-01T09:00:00+08:00',
    );
    const archive = memberArchive(await r.state(), { memberId: 'm3' })!;

    expect(archive.attendance[0]).toMatchObject({
      eventId: recorded,
      status: 'excused',
      absenceReason: 'higher-level-meeting',
      correctedBy: [correction],
      retracted: undefined,
    });
    expect(archive.corrections).toEqual([
      {
        eventId: recorded,
        type: 'AttendanceRecorded',
        correction: {
          eventId: correction,
          reason: '请假条迟交 leave note arrived late',
          approvedBy: '秘书长 Wang',
          recordedAt: '2019-02-01T09:00:00+08:00',
          recordedBy: 'secretariat',
        },
        original: expect.objectContaining({ status: 'absent', meetingId: 'p2019', memberId: 'm3' }),
        changes: [
          { field: 'leaveReason', from: undefined, to: 'higher-level-meeting' },
          { field: 'status', from: 'absent', to: 'excused' },
        ],
      },
    ]);
    expect(archive.totals.find((t) => t.year === 2019)?.attendance).toEqual({
      present: 0,
      excused: 1,
      absent: 0,
    });
  });

  it('an absence during a long leave carries the leave beside its reason, and the leave is listed', async () => {
    const r = await chongqing();
    const leave = await r.run('DeclareLongLeave', {
      memberId: 'm4',
      from: '2019-03-01',
      to: '2019-08-31',
      reason: 'illness',
    });
    await r.run('RecordAttendance', {
      meetingId: 'c2019',
      memberId: 'm4',
      status: 'excused',
      leaveReason: 'illness',
    });
    await r.run('RecordAttendance', { meetingId: 'p2019', memberId: 'm4', status: 'absent' });
    const archive = memberArchive(await r.state(), { memberId: 'm4' })!;

    expect(archive.longLeaves).toEqual([
      {
        eventId: leave,
        from: '2019-03-01',
        to: '2019-08-31',
        reason: 'illness',
        retracted: undefined,
        correctedBy: [],
      },
    ]);
    // The plenary of 2019-01-14 precedes the leave; the consultation of 2019-05-10 falls in it.
    expect(
      archive.attendance.map((a) => [a.meeting.meetingId, a.absenceReason, a.longLeave?.eventId]),
    ).toEqual([
      ['p2019', 'no leave', undefined],
      ['c2019', 'illness', leave],
    ]);
  });
});

describe('Given speeches at the 2019 consultation', () => {
  it('a retracted speech is shown as retracted, with reason and approver, and counts in no total', async () => {
    const r = await chongqing();
    const oral = await r.run('RecordSpeech', { meetingId: 'c2019', memberId: 'm1', mode: 'oral' });
    const written = await r.run('RecordSpeech', {
      meetingId: 'c2019',
      memberId: 'm1',
      mode: 'written',
      listed: true,
    });
    const retraction = await r.run(
      'RetractRecord',
      { eventId: oral, reason: '记错委员 recorded for the wrong member', approvedBy: '办公厅 Li' },
      '2019-06-01T10:00:00+08:00',
    );
    const archive = memberArchive(await r.state(), { memberId: 'm1' })!;

    expect(archive.speeches.map((s) => [s.eventId, s.mode, s.retracted?.eventId])).toEqual([
      [oral, 'oral', retraction],
      [written, 'written', undefined],
    ]);
    expect(archive.speeches[0]?.retracted).toEqual({
      eventId: retraction,
      reason: '记错委员 recorded for the wrong member',
      approvedBy: '办公厅 Li',
      recordedAt: '2019-06-01T10:00:00+08:00',
      recordedBy: 'secretariat',
    });
    expect(archive.retractions).toEqual([
      expect.objectContaining({
        eventId: oral,
        type: 'SpeechRecorded',
        retraction: expect.objectContaining({ eventId: retraction }),
      }),
    ]);
    expect(archive.totals.find((t) => t.year === 2019)?.speeches).toEqual({ oral: 0, written: 1, listed: 1 });
  });
});

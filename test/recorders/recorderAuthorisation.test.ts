import { CommandHandler, DEFAULT_RECORDER_POLICY, InMemoryEventStore } from '@lvzhi/core';
import { beforeEach, describe, expect, it } from 'vitest';

const at = (recordedBy: string) => ({ recordedBy, recordedAt: '2019-12-31T10:00:00+08:00' });

let handler: CommandHandler;
let store: InMemoryEventStore;

async function record(command: string, data: Record<string, unknown>, recordedBy: string) {
  return handler.handle({ command, data, meta: at(recordedBy) });
}

beforeEach(async () => {
  store = new InMemoryEventStore();
  handler = new CommandHandler(store, { recorderPolicy: DEFAULT_RECORDER_POLICY });
  // Bootstrap: the committee and its first recorder need no registration.
  expect(
    (await record('RegisterCommittee', { committeeId: 'c', name: '测试政协', level: 'county' }, 'founder'))
      .status,
  ).toBe('recorded');
  expect(
    (
      await record(
        'RegisterRecorder',
        { recorderId: '办公室', committeeId: 'c', roles: ['admin', 'members-office'] },
        'founder',
      )
    ).status,
  ).toBe('recorded');
  for (const [recorderId, roles] of [
    ['提案委', ['proposals-office']],
    ['秘书处', ['secretariat']],
    ['视察组', ['organiser']],
    ['审核人', ['reviewer']],
  ] as const) {
    expect((await record('RegisterRecorder', { recorderId, committeeId: 'c', roles }, '办公室')).status).toBe(
      'recorded',
    );
  }
  await record(
    'OpenTerm',
    { committeeId: 'c', term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' },
    '办公室',
  );
  await record(
    'AppointMember',
    { memberId: 'a', name: '甲', committeeId: 'c', term: 1, sector: '经济界', appointedOn: '2018-01-01' },
    '办公室',
  );
});

describe('Given recorder authorisation is enforced (--enforce-recorders)', () => {
  it('refuses a second recorder registered by someone who is not an admin', async () => {
    const o = await record(
      'RegisterRecorder',
      { recorderId: 'x', committeeId: 'c', roles: ['admin'] },
      '提案委',
    );
    expect(o).toMatchObject({
      status: 'rejected',
      rejection: { code: 'unauthorised-recorder', field: 'meta.recordedBy' },
    });
  });

  it('refuses an unregistered recordedBy, naming it', async () => {
    const o = await record(
      'SubmitProposal',
      {
        proposalId: 'p',
        committeeId: 'c',
        title: 't',
        category: 'social',
        submittedOn: '2019-03-01',
        proposerType: 'individual',
        leadMemberId: 'a',
      },
      '路人',
    );
    expect(o).toMatchObject({
      status: 'rejected',
      rejection: { code: 'unregistered-recorder', value: '路人' },
    });
  });

  it('lets the proposals office review proposals and refuses the secretariat', async () => {
    await record(
      'SubmitProposal',
      {
        proposalId: 'p',
        committeeId: 'c',
        title: 't',
        category: 'social',
        submittedOn: '2019-03-01',
        proposerType: 'individual',
        leadMemberId: 'a',
      },
      '提案委',
    );
    const review = { proposalId: 'p', decision: 'filed', decidedOn: '2019-04-01' };
    expect((await record('ReviewProposal', review, '秘书处')).status).toBe('rejected');
    expect((await record('ReviewProposal', review, '提案委')).status).toBe('recorded');
  });

  it("lets a meeting's organiser record its attendance, but not another meeting's", async () => {
    await record(
      'ScheduleMeeting',
      {
        meetingId: 'v1',
        committeeId: 'c',
        kind: 'inspection',
        title: '视察',
        startsOn: '2019-05-01',
        term: 1,
      },
      '视察组',
    );
    await record(
      'ScheduleMeeting',
      {
        meetingId: 'v2',
        committeeId: 'c',
        kind: 'inspection',
        title: '视察',
        startsOn: '2019-05-02',
        term: 1,
      },
      '秘书处',
    );
    expect(
      (await record('RecordAttendance', { meetingId: 'v1', memberId: 'a', status: 'present' }, '视察组'))
        .status,
    ).toBe('recorded');
    const other = await record(
      'RecordAttendance',
      { meetingId: 'v2', memberId: 'a', status: 'present' },
      '视察组',
    );
    expect(other).toMatchObject({ status: 'rejected', rejection: { code: 'unauthorised-recorder' } });
    expect(
      (await record('RecordAttendance', { meetingId: 'v2', memberId: 'a', status: 'present' }, '秘书处'))
        .status,
    ).toBe('recorded');
  });

  it('accepts a correction only when approved by a reviewer', async () => {
    await record(
      'ScheduleMeeting',
      {
        meetingId: 'v1',
        committeeId: 'c',
        kind: 'inspection',
        title: '视察',
        startsOn: '2019-05-01',
        term: 1,
      },
      '秘书处',
    );
    const recorded = await record(
      'RecordAttendance',
      { meetingId: 'v1', memberId: 'a', status: 'absent' },
      '秘书处',
    );
    if (recorded.status !== 'recorded') throw new Error('setup');
    const eventId = recorded.events[0]!.eventId;
    const fix = (approvedBy: string) => ({
      eventId,
      data: { status: 'excused', leaveReason: 'illness' },
      reason: '补假',
      approvedBy,
    });
    expect(await record('CorrectRecord', fix('秘书处'), '秘书处')).toMatchObject({
      status: 'rejected',
      rejection: { code: 'unauthorised-approver', field: 'approvedBy' },
    });
    expect((await record('CorrectRecord', fix('审核人'), '秘书处')).status).toBe('recorded');
  });

  it('is off by default: the same unregistered recorder is accepted without a policy', async () => {
    const open = new CommandHandler(store);
    const o = await open.handle({
      command: 'ScheduleMeeting',
      data: { meetingId: 'z', committeeId: 'c', kind: 'other', title: 'x', startsOn: '2019-06-01', term: 1 },
      meta: at('路人'),
    });
    expect(o.status).toBe('recorded');
  });
});

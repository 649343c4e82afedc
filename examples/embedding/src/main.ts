import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DutyPlatform } from './dutyPlatform.ts';

/** Records a small year through the API, then prints one member's archive and the committee's analysis. */
export async function main(file = join(mkdtempSync(join(tmpdir(), 'lvzhi-embed-')), 'platform.db')) {
  const platform = DutyPlatform.open(file);
  const office = '政协办公室';
  const at = '2019-12-20T10:00:00+08:00';
  const steps: [string, Record<string, unknown>][] = [
    ['RegisterCommittee', { committeeId: 'demo', name: '示例县政协', level: 'county' }],
    ['OpenTerm', { committeeId: 'demo', term: 9, startsOn: '2017-01-05', endsOn: '2021-12-31' }],
    [
      'AppointMember',
      {
        memberId: 'wang',
        name: '王芳',
        committeeId: 'demo',
        term: 9,
        sector: '教育界',
        appointedOn: '2017-01-05',
      },
    ],
    [
      'AppointMember',
      {
        memberId: 'li',
        name: '李强',
        committeeId: 'demo',
        term: 9,
        sector: '经济界',
        appointedOn: '2017-01-05',
      },
    ],
    [
      'ScheduleMeeting',
      {
        meetingId: 'plenary-2019',
        committeeId: 'demo',
        kind: 'plenary',
        title: '九届三次全体会议',
        startsOn: '2019-01-15',
        term: 9,
        session: 3,
      },
    ],
    ['RecordAttendance', { meetingId: 'plenary-2019', memberId: 'wang', status: 'present' }],
    [
      'RecordAttendance',
      { meetingId: 'plenary-2019', memberId: 'li', status: 'excused', leaveReason: 'illness' },
    ],
    [
      'SubmitProposal',
      {
        proposalId: 'p-1',
        committeeId: 'demo',
        title: '关于改善乡村学校供暖的提案',
        category: 'social',
        submittedOn: '2019-01-14',
        proposerType: 'individual',
        leadMemberId: 'wang',
      },
    ],
    ['ReviewProposal', { proposalId: 'p-1', decision: 'filed', decidedOn: '2019-02-20' }],
  ];
  for (const [command, data] of steps) {
    const outcome = await platform.record(command, data, office, at);
    if (outcome.status === 'rejected') throw new Error(`${command}: ${outcome.rejection.message}`);
  }
  const archive = await platform.archive('wang');
  const analysis = await platform.analysis('demo', 2019);
  await platform.close();
  return { archive, analysis };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { archive, analysis } = await main();
  console.log(
    `${archive?.member.name}: ${archive?.attendance.length} attendance(s), ${archive?.proposals.length} proposal(s)`,
  );
  console.log(`plenary turnout 全体会议出席率 ${analysis.plenary.present}/${analysis.plenary.expected}`);
  console.log(
    `members with nothing recorded 未履职委员: ${analysis.membersWithNothingRecorded.join(', ') || '—'}`,
  );
}

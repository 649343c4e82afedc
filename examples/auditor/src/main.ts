import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annualAnalysis } from '@lvzhi/analysis';
import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  projectLog,
  sealLog,
  verifyLog,
} from '@lvzhi/core';
import { SqliteEventStore } from '@lvzhi/store-sqlite';

const office = '秘书处';

/**
 * An auditor's replay (审计回放): the office records a year and seals the log; later it corrects an attendance.
 * The auditor verifies the chain against the seal, rebuilds the year as known on the seal's date, and compares
 * it with today's answer: the old answer is unchanged, today's shows the correction with its reason.
 */
export async function main(file = join(mkdtempSync(join(tmpdir(), 'lvzhi-audit-')), 'audited.db')) {
  const store = SqliteEventStore.open(file);
  const handler = new CommandHandler(store);
  const record = async (command: string, data: Record<string, unknown>, recordedAt: string) => {
    const outcome = await handler.handle({ command, data, meta: { recordedBy: office, recordedAt } });
    if (outcome.status !== 'recorded') throw new Error(`${command}: ${JSON.stringify(outcome)}`);
    return outcome.events[0]!.eventId;
  };
  await record(
    'RegisterCommittee',
    { committeeId: 'x', name: '示例区政协', level: 'county' },
    '2018-01-02T09:00:00+08:00',
  );
  await record(
    'OpenTerm',
    { committeeId: 'x', term: 3, startsOn: '2018-01-05', endsOn: '2022-12-31' },
    '2018-01-02T09:01:00+08:00',
  );
  for (const [id, name] of [
    ['zhao', '赵敏'],
    ['qian', '钱进'],
  ]) {
    await record(
      'AppointMember',
      { memberId: id, name, committeeId: 'x', term: 3, sector: '农业界', appointedOn: '2018-01-05' },
      '2018-01-06T09:00:00+08:00',
    );
  }
  await record(
    'ScheduleMeeting',
    {
      meetingId: 'p19',
      committeeId: 'x',
      kind: 'plenary',
      title: '三届二次全体会议',
      startsOn: '2019-01-10',
      term: 3,
      session: 2,
    },
    '2019-01-02T09:00:00+08:00',
  );
  await record(
    'RecordAttendance',
    { meetingId: 'p19', memberId: 'zhao', status: 'present' },
    '2019-01-12T09:00:00+08:00',
  );
  const absence = await record(
    'RecordAttendance',
    { meetingId: 'p19', memberId: 'qian', status: 'absent' },
    '2019-01-12T09:00:00+08:00',
  );
  const seal = await sealLog(store, {
    sealedBy: '审计组',
    now: () => Date.parse('2019-12-31T18:00:00+08:00'),
  });

  // In 2020 the office learns Qian was ill, and corrects the record with the approver's name.
  await record(
    'CorrectRecord',
    {
      eventId: absence,
      data: { status: 'excused', leaveReason: 'illness' },
      reason: '补交病假证明',
      approvedBy: '秘书长',
    },
    '2020-02-03T09:00:00+08:00',
  );

  // The auditor's work.
  const audit = await verifyLog(store);
  const yearOf = async (recordedAtOrBefore?: number) => {
    const { states } = await projectLog(
      store,
      [dutyRecordProjection],
      recordedAtOrBefore === undefined ? {} : { recordedAtOrBefore },
    );
    return annualAnalysis(states.get('duty-record') as DutyRecordState, { committeeId: 'x', year: 2019 });
  };
  const asSealed = await yearOf(Date.parse(seal.data.occurredAt));
  const today = await yearOf();
  await store.close();
  return { audit, asSealed, today };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { audit, asSealed, today } = await main();
  console.log(
    `audit 审计: ${audit.ok ? 'chain intact, matches the seal 链完好，与封存一致' : 'BROKEN'} (${audit.streams} streams, ${audit.events} events)`,
  );
  console.log(
    `2019 plenary as known at the seal 封存时: present ${asSealed.plenary.present}, excused ${asSealed.plenary.excused}, absent ${asSealed.plenary.absent}`,
  );
  console.log(
    `2019 plenary as known today 今日: present ${today.plenary.present}, excused ${today.plenary.excused}, absent ${today.plenary.absent}`,
  );
}

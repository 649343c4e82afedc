import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

/** A district committee beside the city's: one member, present at its 2019 plenary. */
const DISTRICT = [
  {
    command: 'RegisterCommittee',
    data: { committeeId: 'yz', name: '政协重庆市渝中区委员会', level: 'county', timeZone: 'Asia/Shanghai' },
    meta: { recordedBy: '渝中区政协办公室', recordedAt: '2018-01-20T09:00:00+08:00' },
  },
  {
    command: 'OpenTerm',
    data: { committeeId: 'yz', term: 15, startsOn: '2017-01-10', endsOn: '2022-01-09' },
    meta: { recordedBy: '渝中区政协办公室', recordedAt: '2018-01-20T09:00:00+08:00' },
  },
  {
    command: 'AppointMember',
    data: {
      memberId: 'y-001',
      name: '孙丽',
      committeeId: 'yz',
      term: 15,
      sector: '教育界',
      appointedOn: '2017-01-10',
    },
    meta: { recordedBy: '渝中区政协办公室', recordedAt: '2018-01-20T09:00:00+08:00' },
  },
  {
    command: 'ScheduleMeeting',
    data: {
      meetingId: 'yz-15-3-plenary',
      committeeId: 'yz',
      kind: 'plenary',
      title: '政协重庆市渝中区第十五届委员会第三次会议',
      startsOn: '2019-01-08',
      term: 15,
      session: 3,
    },
    meta: { recordedBy: '渝中区政协办公室', recordedAt: '2019-01-02T09:00:00+08:00' },
  },
  {
    command: 'RecordAttendance',
    data: { meetingId: 'yz-15-3-plenary', memberId: 'y-001', status: 'present' },
    meta: { recordedBy: '渝中区政协办公室', recordedAt: '2019-01-08T18:00:00+08:00' },
  },
];

describe('lvzhi analysis, on a recorded sample', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);

  beforeAll(async () => {
    expect((await lvzhi('record', example('sample-2019.jsonl'))).code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('--format json has the figures the issue asks for, as computed by hand from the sample', async () => {
    const run = await lvzhi('analysis', '--year', '2019', '--format', 'json');
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a).toMatchObject({
      year: 2019,
      committeeId: 'cq',
      members: 10,
      // Ten seated; m-008 excused (illness), m-009 absent, the other eight present.
      plenary: { expected: 10, present: 8, excused: 1, absent: 1 },
      // Seven submitted: four filed and one merged (2019-0004 into 2019-0005), 2019-0006 not filed, 2019-0007
      // converted; 2019-0001 and 2019-0003 key; 2019-0001 awarded.
      proposals: { submitted: 7, filed: 5, notFiled: 1, converted: 1, key: 2, excellent: 1 },
      // Three items; SQ-2019-0031 adopted at city and national level, SQ-2019-0052 at city level.
      opinions: { submitted: 3, adopted: 2, adoptedByLevel: { city: 2, national: 1 } },
      // Everyone but m-009 was present at something; m-002 and m-003 and m-006 and m-007 authored items.
      coverage: { attendances: 9, opinions: 4 },
      membersWithNothingRecorded: [],
    });
    expect(a.proposals.byCategory.social).toEqual({ submitted: 3, filed: 2 });
    expect(a.bySector).toHaveLength(10);
  });

  it('--format csv and the default Markdown (in zh), and the usage and input errors', async () => {
    const [csv, md, noYear, unknown, help] = await Promise.all([
      lvzhi('analysis', '--year', '2019', '--format', 'csv'),
      lvzhi('--lang', 'zh', 'analysis', '--year', '2019'),
      lvzhi('analysis'),
      lvzhi('analysis', '--year', '2019', '--committee', 'nope'),
      runCli(['analysis', '--help']),
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('metric,value');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 年度履职整体分析/);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('--year');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no committee "nope" in the record (known: cq)');
    expect(help.stdout).toContain('--committee <id>');
  });

  it('with two committees: --committee is needed (usage error listing them); several roll up', async () => {
    const file = join(temp.dir, 'district.jsonl');
    writeFileSync(file, `${DISTRICT.map((c) => JSON.stringify(c)).join('\n')}\n`);
    expect((await lvzhi('record', file)).code).toBe(0);
    const ambiguous = await lvzhi('analysis', '--year', '2019');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('choose with --committee: cq, yz');
    const [rollUp, one] = await Promise.all([
      lvzhi('analysis', '--year', '2019', '--committee', 'cq', '--committee', 'yz', '--format', 'json'),
      lvzhi('analysis', '--year', '2019', '--committee', 'yz', '--format', 'json'),
    ]);
    expect(rollUp.code).toBe(0);
    const r = JSON.parse(rollUp.stdout);
    expect(r.committeeIds).toEqual(['cq', 'yz']);
    expect(r.members).toBe(11);
    expect(r.plenary).toMatchObject({ expected: 11, present: 9 });
    expect(JSON.parse(one.stdout)).toMatchObject({ committeeId: 'yz', members: 1, plenary: { present: 1 } });
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

interface MembersJson {
  members: {
    memberId: string;
    name: string;
    committeeId: string;
    term: number;
    sector: string;
    standing: boolean;
  }[];
}

interface ArchiveJson {
  member: { memberId: string; name: string; committee: { committeeId: string }; term: { term: number } };
  year?: number;
  attendance: { meeting: { meetingId: string }; status: string }[];
  speeches: unknown[];
  proposals: { proposalId: string }[];
  opinions: { opinionId: string }[];
  corrections: unknown[];
  retractions: unknown[];
  totals: { year: number }[];
}

describe('lvzhi members and lvzhi archive, on a recorded sample', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);

  beforeAll(async () => {
    expect((await lvzhi('record', example('sample-2019.jsonl'))).code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('members lists every seat (JSON for machines, a table with zh headers for people)', async () => {
    const json = await lvzhi('members', '--format', 'json');
    expect(json.code).toBe(0);
    const { members } = JSON.parse(json.stdout) as MembersJson;
    expect(members.map((m) => m.memberId).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `m-${String(i + 1).padStart(3, '0')}`),
    );
    expect(members.find((m) => m.memberId === 'm-003')).toMatchObject({
      name: '王强',
      committeeId: 'cq',
      term: 5,
      sector: '经济界',
      standing: false,
    });
    const [table, none] = await Promise.all([
      lvzhi('--lang', 'zh', 'members', '--committee', 'cq', '--term', '5'),
      lvzhi('members', '--term', '4'),
    ]);
    expect(table.stdout).toMatch(/委员\s+姓名\s+政协\s+届次\s+界别/);
    expect(table.stdout).toMatch(/m-001\s+张伟\s+cq\s+5\s+中国共产党\s+常委/);
    expect(table.stdout).toContain('共 10 条任职记录');
    expect(none.stdout).toBe('no members\n');
  });

  it('archive MEMBER --format json: the seat, every act with its status, and per-year totals', async () => {
    const run = await lvzhi('archive', 'm-003', '--format', 'json');
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout) as ArchiveJson;
    expect(a.member).toMatchObject({ memberId: 'm-003', name: '王强', committee: { committeeId: 'cq' } });
    expect(a.member.term.term).toBe(5);
    // Plenary, inspection, standing meeting (as observer) and consultation: four attendances, all present.
    expect(a.attendance.map((e) => [e.meeting.meetingId, e.status])).toEqual([
      ['cq-5-2-plenary', 'present'],
      ['cq-2019-inspection-yangtze', 'present'],
      ['cq-5-standing-06', 'present'],
      ['cq-2019-consultation-proposals', 'present'],
    ]);
    expect(a.speeches).toHaveLength(2);
    expect(a.proposals.map((p) => p.proposalId)).toEqual(['2019-0001']);
    expect(a.opinions.map((o) => o.opinionId)).toEqual(['SQ-2019-0031']);
    expect(a.corrections).toEqual([]);
    expect(a.totals.map((y) => y.year)).toContain(2019);

    const [year, md] = await Promise.all([
      lvzhi('archive', 'm-003', '--year', '2019', '--format', 'json'),
      lvzhi('--lang', 'zh', 'archive', 'm-003', '--term', '5'),
    ]);
    expect((JSON.parse(year.stdout) as ArchiveJson).totals.map((y) => y.year)).toEqual([2019]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 履职档案/);
    expect(md.stdout).toContain('王强');
  });

  it('an unknown member or seat is rejected (exit 1) in the chosen language; a bad --as-of is a usage error', async () => {
    const [unknown, unknownZh, noSeat, badAsOf, help] = await Promise.all([
      lvzhi('archive', 'm-999'),
      lvzhi('--lang', 'zh', 'archive', 'm-999'),
      lvzhi('archive', 'm-003', '--term', '4'),
      lvzhi('archive', 'm-003', '--as-of', '2019-02-30'),
      runCli(['archive', '--help']),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no member "m-999" in the record (lvzhi members lists them)');
    expect(unknownZh.code).toBe(1);
    expect(unknownZh.stderr).toContain('记录中没有委员“m-999”');
    expect(noSeat.code).toBe(1);
    expect(noSeat.stderr).toContain('seats: cq/5');
    expect(badAsOf.code).toBe(2);
    expect(badAsOf.stderr).toContain('--as-of');
    expect(help.code).toBe(0);
    for (const option of ['--term', '--year', '--committee', '--as-of', '--format'])
      expect(help.stdout).toContain(option);
  });
});

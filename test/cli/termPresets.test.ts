import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'lvzhi-term-presets-'));
const db = join(dir, 'lvzhi.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lvzhi(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'packages/cli/src/bin.ts', '--store', `sqlite:${db}`, ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const meta = { recordedBy: '秘书处', recordedAt: '2020-01-20T10:00:00+08:00' };
const line = (command: string, data: Record<string, unknown>) => JSON.stringify({ command, data, meta });

/**
 * A two-year term (2018–2019, plenaries in both years, ended before the evaluation) of committee x:
 * - a: absent (无故缺席) from both plenaries, no proposal;
 * - b: present at both, proposals 1 in 2018 and 2 in 2019 (3 over the term);
 * - c: present at both, no proposal;
 * - standing members s, e, f, g at three 2019 standing meetings: s absent at all three; e excused each time
 *   for a higher-level meeting (exempt); f present for exactly 2/3 of each (not an absence); g present for
 *   half of each (an absence under the Weihai rule).
 */
const lines = [
  line('RegisterCommittee', { committeeId: 'x', name: '试点县政协', level: 'county' }),
  line('OpenTerm', { committeeId: 'x', term: 1, startsOn: '2018-01-01', endsOn: '2019-12-31' }),
  ...['a', 'b', 'c'].map((m) =>
    line('AppointMember', {
      memberId: m,
      name: m,
      committeeId: 'x',
      term: 1,
      sector: '经济界',
      appointedOn: '2018-01-01',
    }),
  ),
  ...['s', 'e', 'f', 'g'].map((m) =>
    line('AppointMember', {
      memberId: m,
      name: m,
      committeeId: 'x',
      term: 1,
      sector: '教育界',
      standing: true,
      appointedOn: '2018-01-01',
    }),
  ),
  ...[2018, 2019].flatMap((y, i) => [
    line('ScheduleMeeting', {
      meetingId: `p${y}`,
      committeeId: 'x',
      kind: 'plenary',
      title: `全体会议${y}`,
      startsOn: `${y}-01-10`,
      term: 1,
      session: i + 1,
    }),
    line('RecordAttendance', { meetingId: `p${y}`, memberId: 'a', status: 'absent' }),
    line('RecordAttendance', { meetingId: `p${y}`, memberId: 'b', status: 'present' }),
    line('RecordAttendance', { meetingId: `p${y}`, memberId: 'c', status: 'present' }),
  ]),
  ...[
    ['q1', '2018-03-01'],
    ['q2', '2019-03-01'],
    ['q3', '2019-04-01'],
  ].map(([id, on]) =>
    line('SubmitProposal', {
      proposalId: id,
      committeeId: 'x',
      title: id,
      category: 'social',
      submittedOn: on,
      proposerType: 'individual',
      leadMemberId: 'b',
    }),
  ),
  ...[1, 2, 3].flatMap((i) => [
    line('ScheduleMeeting', {
      meetingId: `st${i}`,
      committeeId: 'x',
      kind: 'standing',
      title: `常委会议${i}`,
      startsOn: `2019-0${i + 3}-15`,
      term: 1,
    }),
    line('RecordAttendance', { meetingId: `st${i}`, memberId: 's', status: 'absent' }),
    line('RecordAttendance', {
      meetingId: `st${i}`,
      memberId: 'e',
      status: 'excused',
      leaveReason: 'higher-level-meeting',
    }),
    line('RecordAttendance', {
      meetingId: `st${i}`,
      memberId: 'f',
      status: 'present',
      fractionAttended: 2 / 3,
    }),
    line('RecordAttendance', {
      meetingId: `st${i}`,
      memberId: 'g',
      status: 'present',
      fractionAttended: 0.5,
    }),
  ]),
];

type Flag = { code: string; year?: number };
type Result = { memberId: string; flags: Flag[] };
const flagsOf = (results: Result[], id: string) =>
  results
    .find((r) => r.memberId === id)!
    .flags.map((f) => `${f.code}${f.year === undefined ? '' : `@${f.year}`}`)
    .sort();

beforeAll(() => {
  const file = join(dir, 'term.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  expect(lvzhi('record', file).status).toBe(0);
});

describe('the term presets through the CLI, on a hand-made two-year term', () => {
  it('xuanwei-term: sanctions by absence and by missing proposals, with the year they arise', () => {
    const run = lvzhi(
      'evaluate',
      '--policy',
      'xuanwei-term',
      '--term',
      '1',
      '--committee',
      'x',
      '--as-of',
      '2020-06-01',
      '--format',
      'json',
    );
    expect(run.status).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: Result[] };
    // a: 1st unexcused plenary absence (2018) → public-criticism; 2nd (2019) → revocation-procedure; no proposal in
    // 2018 and 2019 → advise-against-reappointment @2019; 0 < 3 proposals over the completed term → the same
    // code without a year.
    expect(flagsOf(results, 'a')).toEqual(
      [
        'public-criticism@2018',
        'revocation-procedure@2019',
        'advise-against-reappointment@2019',
        'advise-against-reappointment',
      ].sort(),
    );
    // b: a proposal in each year and 3 over the term → nothing.
    expect(flagsOf(results, 'b')).toEqual([]);
    // c: no proposal in either year, 0 over the term → both advise-against-reappointment flags.
    expect(flagsOf(results, 'c')).toEqual([
      'advise-against-reappointment',
      'advise-against-reappointment@2019',
    ]);
  });

  it('shandong-2013: persuade-to-resign for 3 standing-meeting absences in a year, counting all but exempt leave', () => {
    const run = lvzhi(
      'evaluate',
      '--policy',
      'shandong-2013',
      '--term',
      '1',
      '--committee',
      'x',
      '--as-of',
      '2020-06-01',
      '--format',
      'json',
    );
    expect(run.status).toBe(0);
    const { results } = JSON.parse(run.stdout) as { results: Result[] };
    // s: absent 3 times in 2019 → one flag, in 2019 (the year of the 3rd absence).
    expect(flagsOf(results, 's')).toEqual(['persuade-to-resign@2019']);
    // e: excused for a higher-level meeting is exempt → 0 absences.
    expect(flagsOf(results, 'e')).toEqual([]);
    // f: present for exactly 2/3 is not an absence.
    expect(flagsOf(results, 'f')).toEqual([]);
    // g: present for 1/2 (< 2/3) counts as an absence, 3 times in 2019.
    expect(flagsOf(results, 'g')).toEqual(['persuade-to-resign@2019']);
    // a: 2 plenary absences in the term (< 3) → no flag under this scheme.
    expect(flagsOf(results, 'a')).toEqual([]);
  });
});

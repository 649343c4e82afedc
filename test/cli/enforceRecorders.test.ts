import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'lvzhi-recorders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (recordedBy: string) => ({ recordedBy, recordedAt: '2019-12-31T10:00:00+08:00' });
const lines = [
  {
    command: 'RegisterCommittee',
    data: { committeeId: 'c', name: '测试政协', level: 'county' },
    meta: at('founder'),
  },
  {
    command: 'RegisterRecorder',
    data: { recorderId: '办公室', committeeId: 'c', roles: ['admin'] },
    meta: at('founder'),
  },
  {
    command: 'OpenTerm',
    data: { committeeId: 'c', term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' },
    meta: at('路人'),
  },
];

function record(file: string, db: string, ...flags: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/cli/src/bin.ts',
      '--store',
      `sqlite:${db}`,
      'record',
      ...flags,
      '--format',
      'json',
      file,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return {
    status: run.status,
    report: JSON.parse(run.stdout) as {
      recorded: number;
      rejections: { line: number; field?: string; code?: string }[];
    },
  };
}

describe('lvzhi record --enforce-recorders', () => {
  const file = join(dir, 'lines.jsonl');
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

  it('refuses a line recorded by someone not registered, naming meta.recordedBy; off by default', () => {
    const enforced = record(file, join(dir, 'enforced.db'), '--enforce-recorders');
    expect(enforced.status).toBe(1);
    expect(enforced.report.recorded).toBe(2);
    expect(JSON.stringify(enforced.report.rejections)).toContain('meta.recordedBy');
    expect(JSON.stringify(enforced.report.rejections)).toContain('unregistered-recorder');
    const open = record(file, join(dir, 'open.db'));
    expect(open.status).toBe(0);
    expect(open.report.recorded).toBe(3);
  });
});

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualAnalysis } from '@lvzhi/analysis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, jsonLines, runCli, tempDir } from './runCli.ts';

function embeddedAnalysis(file: string): AnnualAnalysis {
  const html = readFileSync(file, 'utf8');
  const match = /<script type="application\/json" id="analysis">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match![1]!) as AnnualAnalysis;
}

describe('lvzhi demo', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    temp = tempDir();
  });
  afterAll(() => temp.remove());

  it('explains itself with --help', async () => {
    const run = await runCli(['demo', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--out', '--scale', '--seed', '--lang']) expect(run.stdout).toContain(option);
    const zh = await runCli(['--lang', 'zh', 'demo', '--help']);
    expect(zh.stdout).toContain('重庆市政协 2019 年样例数据');
  });

  it('refuses to replace a database it did not write, and leaves it as it was', async () => {
    const dir = join(temp.dir, 'theirs');
    const store = `sqlite:${join(dir, 'lvzhi.db')}`;
    mkdirSync(dir);
    expect((await runCli(['--store', store, 'record', example('sample-2019.jsonl')])).code).toBe(0);
    const run = await runCli(['demo', '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lvzhi demo');
    const events = jsonLines((await runCli(['--store', store, 'log', '--format', 'json'])).stdout);
    expect(events).toHaveLength(90);
  });

  it('refuses to replace a file that is not a database', async () => {
    const dir = join(temp.dir, 'text');
    mkdirSync(dir);
    writeFileSync(join(dir, 'lvzhi.db'), 'my notes\n');
    const run = await runCli(['--lang', 'zh', 'demo', '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('拒绝替换');
    expect(readFileSync(join(dir, 'lvzhi.db'), 'utf8')).toBe('my notes\n');
  });

  it('records, analyses, evaluates, seals and reports the sample year; a second run replaces it with the same', async () => {
    const dir = join(temp.dir, 'demo');
    const first = await runCli(['demo', '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    const out = first.stdout;
    expect(out).toMatch(/19,?\d{3} lines: 19,?\d{3} recorded, 0 already recorded \(no-op\), 0 rejected/);
    expect(out).toContain('3 of 3 planned corrections recorded');
    for (const heading of [
      'Plenary attendance 全体会议出席',
      'Proposal funnel 提案',
      'Proposals by category 类别',
      'Adoption by level 采用层级',
      'Duty acts 履职',
      'Acts per member, distribution 委员履职数分布',
      'Acts per member by sector 界别',
      'Members with nothing recorded 未履职委员',
      'Evaluation under',
    ])
      expect(out).toContain(heading);
    expect(out).toContain('tongcheng-2019');
    expect(out).toMatch(/Pass 合格\s+\d+/);
    expect(out).toContain('intact:');
    expect(out).toMatch(/lvzhi archive cq-m\d{4} --store sqlite:/);
    expect(out).toContain('lvzhi evaluate --policy tongcheng-2019 --year 2019');
    expect(out).toContain('lvzhi analysis --year 2019');
    const report = join(dir, 'report-2019.html');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('*');
    const analysis = embeddedAnalysis(report);
    expect(analysis.plenary).toMatchObject({ expected: 851, present: 804 });
    expect(analysis.proposals).toMatchObject({ submitted: 1674, filed: 1224 });

    const store = `sqlite:${join(dir, 'lvzhi.db')}`;
    const verified = await runCli(['--store', store, 'audit', 'verify']);
    expect(verified.code, verified.stdout).toBe(0);
    const again = join(dir, 'again.html');
    const reported = await runCli(['--store', store, 'report', '--year', '2019', '--out', again]);
    expect(reported.code, reported.stderr).toBe(0);
    expect(embeddedAnalysis(again)).toEqual(analysis);

    const second = await runCli(['demo', '--out', dir]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('removed the previous demo database');
    expect(embeddedAnalysis(report)).toEqual(analysis);
  }, 300_000);
});

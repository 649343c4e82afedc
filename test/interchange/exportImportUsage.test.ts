import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from '../cli/runCli.ts';

const temp = tempDir();
afterAll(() => temp.remove());

describe('lvzhi export and lvzhi import: usage', () => {
  it.each([
    [
      ['export', '--help'],
      ['--format <format>', 'jsonl, cloudevents or popolo', '--out <file>'],
    ],
    [
      ['import', '--help'],
      ['<file>', '--from <format>', '--check', 'events per transaction', 'an empty store'],
    ],
  ])('lvzhi %j prints help and exits 0', async (args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    for (const text of expected) expect(run.stdout).toContain(text);
  });

  it('prints help in Chinese', async () => {
    expect((await runCli(['--lang', 'zh', 'export', '--help'])).stdout).toContain(
      '以标准格式导出日志或履职档案',
    );
    expect((await runCli(['--lang', 'zh', 'import', '--help'])).stdout).toContain('逐一重现哈希');
  });

  it.each([
    [['export', '--format', 'xml']],
    [['export', '--format', 'jsonl', '--array']],
    [['export', '--format', 'popolo', '--source-prefix', 'urn:x:']],
    [['import']],
    [['import', '--from', 'csv', 'x.jsonl']],
    [['import', 'no-such-export.jsonl']],
  ])('exits 2 on a usage error: lvzhi %j', async (args) => {
    const run = await runCli(['--store', 'memory:', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--help');
  });

  it('explains the usage error in the chosen language', async () => {
    const run = await runCli(['--lang', 'zh', '--store', 'memory:', 'export', '--array']);
    expect(run.stderr).toContain('只能与 --format cloudevents 一起使用');
  });

  it('export --out writes the file only when complete, and says so; a failed export leaves no file', async () => {
    const db = join(temp.dir, 'lvzhi.db');
    expect((await runCli(['--store', `sqlite:${db}`, 'record', example('sample-2019.jsonl')])).code).toBe(0);
    const out = join(temp.dir, 'out.jsonl');
    const run = await runCli(['--store', `sqlite:${db}`, 'export', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`exported 90 events (jsonl) to ${out}\n`);
    expect(readdirSync(temp.dir).filter((f) => f.includes('partial'))).toEqual([]);
    const missing = join(temp.dir, 'no-dir', 'out.jsonl');
    const failed = await runCli(['--store', `sqlite:${db}`, 'export', '--out', missing]);
    expect(failed.code).toBe(1);
    expect(existsSync(missing)).toBe(false);
  });

  it('import --check checks a file without a store', async () => {
    const db = join(temp.dir, 'lvzhi.db');
    const out = join(temp.dir, 'check.jsonl');
    expect((await runCli(['--store', `sqlite:${db}`, 'export', '--out', out])).code).toBe(0);
    const run = await runCli([
      '--lang',
      'zh',
      '--store',
      'sqlite:/nonexistent/dir/x.db',
      'import',
      '--check',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('完好：26 个流、90 条事件');
  });
});

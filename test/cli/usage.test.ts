import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

describe('lvzhi usage', () => {
  it.each([
    [[]],
    [['--bogus']],
    [['frobnicate']],
    [['audit']],
    [['record']],
    [['log', '--limit', '0']],
    [['log', '--format', 'xml']],
    [['--lang', 'fr', 'log']],
  ])('exits 2 on a usage error: lvzhi %j', async (args) => {
    const run = await runCli(['--store', 'memory:', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--help');
  });

  it.each([
    [['--help']],
    [['record', '--help']],
    [['log', '--help']],
    [['audit', '--help']],
    [['audit', 'verify', '--help']],
    [['audit', 'seal', '--help']],
  ])('prints help and exits 0: lvzhi %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: lvzhi');
    expect(run.stdout).toContain('--store <url>');
  });

  it('prints help in Chinese with --lang zh or a Chinese locale', async () => {
    const byOption = await runCli(['--lang', 'zh', 'record', '--help']);
    expect(byOption.stdout).toContain('用法');
    expect(byOption.stdout).toContain('全有或全无');
    const byLocale = await runCli(['log', '--help'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toContain('按全局顺序列出已记录的事件');
  });

  it('names a missing file as a usage error', async () => {
    const run = await runCli(['--store', 'memory:', 'record', 'no-such-file.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file: no-such-file.jsonl');
  });

  it('explains an unknown store scheme and lists the known ones', async () => {
    const run = await runCli([
      '--store',
      'mongodb://localhost/lvzhi',
      'record',
      example('sample-2019.jsonl'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown store scheme "mongodb:"');
    for (const known of ['sqlite:PATH', 'postgres://', 'esdb://', 'memory:'])
      expect(run.stderr).toContain(known);
    const zh = await runCli(['--lang', 'zh', '--store', 'redis://x', 'log']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('不支持的存储协议 "redis:"');
  });

  it('suggests sqlite: for a bare path, and takes the store from LVZHI_STORE', async () => {
    const bare = await runCli(['--store', './x.db', 'log']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('did you mean sqlite:./x.db');
    const fromEnv = await runCli(['log'], { env: { LVZHI_STORE: 'redis://x' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('"redis:"');
  });

  it('uses sqlite:./lvzhi.db in the working directory by default', async () => {
    const temp = tempDir();
    try {
      const none = await runCli(['log'], { cwd: temp.dir, env: { NODE_PATH: '' } });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(`no event store at ${join(temp.dir, 'lvzhi.db')}`);
    } finally {
      temp.remove();
    }
  });
});

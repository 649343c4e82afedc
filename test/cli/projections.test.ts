import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

interface StatusJson {
  durable: boolean;
  projections: {
    name: string;
    version: number;
    checkpoint: number;
    head: number;
    lag: number;
    anomalyCount: number;
    anomalies: unknown[];
  }[];
}

/** One act more than the sample: a public-welfare activity of m-009 in 2019. */
const LATE_ACT = JSON.stringify({
  command: 'RecordPublicWelfare',
  data: { activityId: 'GY-2019-020', memberId: 'm-009', title: '社区义务植树', on: '2019-12-28' },
  meta: { recordedBy: '市政协办公厅', recordedAt: '2020-01-05T10:00:00+08:00' },
});

describe('lvzhi projections status and rebuild, on a recorded sample', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);
  const status = async () => {
    const run = await lvzhi('projections', 'status', '--format', 'json');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as StatusJson;
  };
  const analysisJson = async () => {
    const run = await lvzhi('analysis', '--year', '2019', '--format', 'json');
    expect(run.code).toBe(0);
    return run.stdout;
  };

  beforeAll(async () => {
    expect((await lvzhi('record', example('sample-2019.jsonl'))).code).toBe(0);
  });
  afterAll(() => temp.remove());

  let before = '';

  it('status shows the whole log as lag before the first catch-up, and no lag once a report caught up', async () => {
    const first = await status();
    expect(first).toEqual({
      durable: true,
      projections: [
        {
          name: 'record-index',
          version: 2,
          checkpoint: 0,
          head: 90,
          lag: 90,
          anomalyCount: 0,
          anomalies: [],
        },
      ],
    });
    before = await analysisJson();
    const table = await lvzhi('--lang', 'zh', 'projections', 'status');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/投影\s+版本\s+检查点\s+日志头\s+滞后\s+异常/);
    expect(table.stdout).toMatch(/record-index\s+2\s+90\s+90\s+0\s+0/);
  });

  it('a new record shows as lag 1; the next report catches up (lag 0) and reflects it', async () => {
    const file = join(temp.dir, 'late.jsonl');
    writeFileSync(file, `${LATE_ACT}\n`);
    expect((await lvzhi('record', file)).code).toBe(0);
    expect((await status()).projections[0]).toMatchObject({ checkpoint: 90, head: 91, lag: 1 });
    const after = await analysisJson();
    expect(JSON.parse(after).coverage.publicWelfare).toBe(JSON.parse(before).coverage.publicWelfare + 1);
    expect((await status()).projections[0]).toMatchObject({ checkpoint: 91, head: 91, lag: 0 });
    before = after;
  });

  it('rebuild builds every projection anew and switches to it: the analysis is byte for byte the same', async () => {
    const rebuilt = await lvzhi('--lang', 'zh', 'projections', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('已重建 record-index v2，至位置 91（异常 0 条）');
    // Not a terminal: no progress bar.
    expect(rebuilt.stderr).toBe('');
    expect((await status()).projections[0]).toMatchObject({
      checkpoint: 91,
      head: 91,
      lag: 0,
      anomalyCount: 0,
    });
    expect(await analysisJson()).toBe(before);
  });

  it('usage: help for both subcommands; a store file that does not exist is a usage error', async () => {
    const [help, zhHelp, missing] = await Promise.all([
      runCli(['projections', 'rebuild', '--help']),
      runCli(['--lang', 'zh', 'projections', 'status', '--help']),
      runCli(['--store', `sqlite:${join(temp.dir, 'none.db')}`, 'projections', 'status']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('separate slot');
    expect(zhHelp.stdout).toContain('滞后');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no event store at');
  });
});

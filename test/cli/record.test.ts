import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliRun, example, jsonLines, runCli, tempDir } from './runCli.ts';

interface Report {
  lines: number;
  blank: number;
  recorded: number;
  noop: number;
  rejected: number;
  written: number;
  discarded: number;
  rejections: {
    line: number;
    command: string | null;
    code: string;
    field: string | null;
    value: unknown;
    message: string;
    messageZh: string;
  }[];
}

interface LoggedEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  metadata: { source?: string };
}

const report = (run: CliRun): Report => JSON.parse(run.stdout) as Report;

describe('lvzhi record', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: string;
  beforeEach(() => {
    temp = tempDir();
    store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  });
  afterEach(() => temp.remove());

  const log = async () =>
    jsonLines((await runCli(['--store', store, 'log', '--format', 'json'])).stdout) as LoggedEvent[];

  it('records the sample year into a fresh SQLite file and exits 0', async () => {
    const run = await runCli(['--store', store, 'record', example('sample-2019.jsonl'), '--format', 'json']);
    expect(run.code).toBe(0);
    const r = report(run);
    expect(r).toMatchObject({ lines: 90, recorded: 90, noop: 0, rejected: 0, written: 90 });
    const events = await log();
    expect(events).toHaveLength(90);
    expect(events[4]?.metadata.source).toBe('sample-2019.jsonl:5');
  });

  it('writes nothing new when the same file is recorded again', async () => {
    await runCli(['--store', store, 'record', example('sample-2019.jsonl')]);
    const again = await runCli([
      '--store',
      store,
      'record',
      example('sample-2019.jsonl'),
      '--format',
      'json',
    ]);
    expect(again.code).toBe(0);
    expect(report(again)).toMatchObject({ recorded: 0, noop: 90, rejected: 0, written: 0 });
    expect(await log()).toHaveLength(90);
  });

  it('prints a summary for people', async () => {
    const run = await runCli(['--store', store, 'record', example('sample-2019.jsonl')]);
    expect(run.stdout).toContain('90 lines: 90 recorded, 0 already recorded (no-op), 0 rejected');
    const zh = await runCli(['--store', store, '--lang', 'zh', 'record', example('sample-2019.jsonl')]);
    expect(zh.stdout).toContain('共 90 行：已记录 0 条，已存在（无变化）90 条，拒绝 0 条');
  });

  it('flushes in batches with the same result as one batch', async () => {
    const run = await runCli(['--store', store, 'record', example('sample-2019.jsonl'), '--batch-size', '7']);
    expect(run.code).toBe(0);
    const events = await log();
    expect(events.map((e) => e.metadata.source)).toEqual(
      Array.from({ length: 90 }, (_, i) => `sample-2019.jsonl:${i + 1}`),
    );
  });

  it('rejects bad lines with exit 1, naming the line, the command, the field and the rule', async () => {
    const run = await runCli(['--store', store, 'record', example('bad-lines.jsonl'), '--format', 'json']);
    expect(run.code).toBe(1);
    const r = report(run);
    expect(r).toMatchObject({ lines: 21, blank: 1, recorded: 7, rejected: 13 });
    const byLine = new Map(r.rejections.map((x) => [x.line, x]));
    expect(byLine.get(6)).toMatchObject({ code: 'invalid-json', command: null });
    expect(byLine.get(8)).toMatchObject({ code: 'unknown-command', command: 'RecordVote', field: 'command' });
    expect(byLine.get(9)).toMatchObject({ code: 'invalid-command', field: 'meta.recordedBy' });
    expect(byLine.get(10)).toMatchObject({ code: 'invalid-command', field: 'data.status', value: 'late' });
    expect(byLine.get(11)).toMatchObject({
      code: 'leave-reason-required',
      command: 'RecordAttendance',
      field: 'data.leaveReason',
      message: 'an excused attendance needs a leave reason',
      messageZh: '请假出席记录须写明请假事由',
    });
    expect(byLine.get(12)).toMatchObject({ code: 'leave-reason-not-allowed', value: 'illness' });
    expect(byLine.get(13)).toMatchObject({
      code: 'fraction-out-of-range',
      field: 'data.fractionAttended',
      value: 1.5,
    });
    expect(byLine.get(14)).toMatchObject({ code: 'unknown-member', field: 'data.memberId', value: 'd-9' });
    expect(byLine.get(15)).toMatchObject({ code: 'invalid-command', field: 'data.remark' });
    expect(byLine.get(16)).toMatchObject({ code: 'cosigner-required', command: 'SubmitProposal' });
    expect(byLine.get(18)).toMatchObject({ code: 'before-submission', field: 'data.decidedOn' });
    expect(byLine.get(19)).toMatchObject({ code: 'not-filed', command: 'MarkKeyProposal' });
    expect(byLine.get(20)).toMatchObject({ code: 'occurs-after-recording' });
    expect([...byLine.keys()]).toEqual([6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20]);
    expect(await log()).toHaveLength(7);
  });

  it('prints rejected lines for people in English and Chinese', async () => {
    const en = await runCli(['--store', 'memory:', 'record', example('bad-lines.jsonl')]);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(
      /line 11 · RecordAttendance · data\.leaveReason · leave-reason-required: an excused attendance needs a leave reason/,
    );
    expect(en.stdout).toMatch(/line 10 · RecordAttendance · data\.status = "late" · invalid-command/);
    expect(en.stdout).toContain('21 lines: 7 recorded, 0 already recorded (no-op), 13 rejected, 1 blank');
    const zh = await runCli(['--store', 'memory:', 'record', example('bad-lines.jsonl')], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.stdout).toContain(
      '第 11 行 · RecordAttendance · data.leaveReason · leave-reason-required: 请假出席记录须写明请假事由',
    );
    expect(zh.stdout).toContain('拒绝 13 条');
  });

  it('--atomic writes nothing when any line is rejected', async () => {
    const run = await runCli([
      '--store',
      store,
      'record',
      '--atomic',
      example('bad-lines.jsonl'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect(report(run)).toMatchObject({ recorded: 0, written: 0, rejected: 13, discarded: 7 });
    expect(await log()).toHaveLength(0);
    const text = await runCli(['--store', store, 'record', '--atomic', example('bad-lines.jsonl')]);
    expect(text.stdout).toContain('--atomic: nothing written');
  });

  it('--atomic writes the whole file when every line is accepted', async () => {
    const run = await runCli(['--store', store, 'record', '--atomic', example('sample-2019.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('written in one transaction');
    expect(await log()).toHaveLength(90);
  });

  it('rejects a line longer than 1 MiB and records the others', async () => {
    const file = join(temp.dir, 'long.jsonl');
    const ok = JSON.stringify({
      command: 'RegisterCommittee',
      data: { committeeId: 'c1', name: '示例', level: 'county' },
      meta: { recordedBy: 'clerk' },
    });
    const long = JSON.stringify({
      command: 'RegisterCommittee',
      data: { committeeId: 'c2', name: 'x'.repeat(1024 * 1024), level: 'county' },
      meta: { recordedBy: 'clerk' },
    });
    writeFileSync(file, `${ok}\r\n${long}\r\n${ok.replace('c1', 'c3')}`);
    const run = await runCli(['--store', 'memory:', 'record', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const r = report(run);
    expect(r).toMatchObject({ lines: 3, recorded: 2, rejected: 1 });
    expect(r.rejections[0]).toMatchObject({ line: 2, code: 'line-too-long' });
  });

  it('reads standard input with -, with source stdin:<line>', async () => {
    const { readFileSync } = await import('node:fs');
    const input = readFileSync(example('sample-2019.jsonl'), 'utf8');
    const run = await runCli(['--store', store, 'record', '-', '--format', 'json'], { input });
    expect(run.code).toBe(0);
    expect(report(run)).toMatchObject({ recorded: 90 });
    expect((await log())[0]?.metadata.source).toBe('stdin:1');
  });

  it('is quiet on stderr when not on a terminal', async () => {
    const run = await runCli(['--store', 'memory:', 'record', example('sample-2019.jsonl')]);
    expect(run.stderr).toBe('');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analysis,
  auditVerify,
  duplicates,
  eventRows,
  facts,
  heavy,
  integrity,
  runCli,
  startCli,
  writeSample,
} from './harness.ts';

/** Item 2 of issue 8: several `lvzhi record` processes on one SQLite file at once, on different and overlapping lines. */
describe('Given several `lvzhi record` processes writing into the same SQLite file at once', () => {
  let dir = '';
  let lines: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-concurrent-'));
    // Default: the first 10,000 lines of the 2019 year; LVZHI_HEAVY=1: the whole year and five writers.
    const all = writeSample(join(dir, 'full.jsonl'), { seed: 11 });
    lines = heavy ? all : all.slice(0, 10_000);
    writeFileSync(join(dir, 'year.jsonl'), `${lines.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no update, duplicates nothing, keeps the chain intact and the file sound', async () => {
    const shared = join(dir, 'shared.db');
    const clean = join(dir, 'clean.db');
    const part = (name: string, from: number, to: number) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.slice(from, to).join('\n')}\n`);
      return path;
    };
    const setupEnd = 2000;
    const setup = part('setup.jsonl', 0, setupEnd);
    const n = lines.length;
    // Different and overlapping slices; the last writer has every line after the setup, in order.
    const slices = [
      part('a.jsonl', setupEnd, Math.floor(n * 0.6)),
      part('b.jsonl', Math.floor(n * 0.4), n),
      ...(heavy
        ? [part('c.jsonl', Math.floor(n * 0.2), Math.floor(n * 0.8)), part('d.jsonl', setupEnd, n)]
        : []),
      part('all.jsonl', setupEnd, n),
    ];
    expect((await runCli(['--store', `sqlite:${clean}`, 'record', join(dir, 'year.jsonl')])).code).toBe(0);
    expect((await runCli(['--store', `sqlite:${shared}`, 'record', setup])).code).toBe(0);

    const runs = slices.map((f) =>
      startCli(['--store', `sqlite:${shared}`, 'record', f, '--format', 'json']),
    );
    const results = await Promise.all(runs.map((r) => r.done));
    const reports = results.map((r) => {
      expect([0, 1], r.stderr).toContain(r.code);
      return JSON.parse(r.stdout) as {
        recorded: number;
        noop: number;
        rejected: number;
        rejections: { line: number; code: string }[];
      };
    });
    // Every line was recorded by exactly one writer: the written counts add up to the log.
    const rows = eventRows(shared);
    expect(setupEnd + reports.reduce((s, r) => s + r.recorded, 0)).toBe(rows.length);
    expect(rows.length).toBe(n);
    expect(duplicates(rows)).toEqual([]);
    // Interleaving orders events within a stream differently; the facts themselves are the clean run's.
    const unordered = (rs: typeof rows) =>
      facts(rs)
        .map((f) => f.replace(/#\d+ /, ' '))
        .sort();
    expect(unordered(rows)).toEqual(unordered(eventRows(clean)));
    // The writer with every line in order is never refused: the others' lines are no-ops for it.
    expect(reports.at(-1)!.rejections).toEqual([]);
    expect(integrity(shared)).toBe('ok');
    expect(await auditVerify(shared)).toMatchObject({ intact: true, events: n });
    expect(await analysis(shared)).toEqual(await analysis(clean));
  }, 240_000);
});

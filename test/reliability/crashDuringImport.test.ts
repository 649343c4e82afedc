import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  isComplete,
  runCli,
  seeded,
  startCli,
  writeSample,
} from './harness.ts';

/**
 * Item 1 of issue 8. Default: the 2019 city year (~20k lines), 6 seeded SIGKILLs.
 * `LVZHI_HEAVY=1`: the scaled sample (~200k lines), 20 SIGKILLs.
 */
const kills = heavy ? 20 : 6;

describe('Given `lvzhi record` killed with SIGKILL at random moments and re-run each time', () => {
  let dir = '';
  let file = '';
  let lines: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-crash-'));
    file = join(dir, 'year.jsonl');
    lines = writeSample(file, { seed: 2019, scale: heavy });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'records every line exactly once, leaves no half-written event, the chain verifies and the analysis equals a clean run',
    async () => {
      const crashed = join(dir, 'crashed.db');
      const clean = join(dir, 'clean.db');
      const random = seeded(8);
      const record = (store: string) => ['--store', `sqlite:${store}`, 'record', file, '--format', 'json'];

      // The clean run, for comparison; its duration spreads the kills over a run (startup included).
      const started = Date.now();
      const cleanRun = await runCli(record(clean));
      expect(cleanRun.code, cleanRun.stderr).toBe(0);
      const cleanReport = JSON.parse(cleanRun.stdout) as { recorded: number; rejected: number };
      expect(cleanReport.rejected).toBe(0);
      const fullMs = Date.now() - started;

      let killed = 0;
      let finished = false;
      let attempts = 0;
      while (!finished && attempts < kills * 3) {
        attempts += 1;
        const run = startCli(record(crashed));
        const at = killed < kills ? Math.floor(300 + random() * fullMs * 0.8) : undefined;
        const timer =
          at === undefined
            ? undefined
            : setTimeout(() => {
                run.child.kill('SIGKILL');
              }, at);
        const result = await run.done;
        if (timer) clearTimeout(timer);
        if (result.code === null) {
          killed += 1;
        } else {
          expect(result.code, result.stderr).toBe(0);
          // A completed run after kills: it may finish before the next kill lands; kill again on the next round.
          if (killed >= kills) finished = true;
          else {
            // Finished before the kill: every remaining kill lands on a re-run of a complete file (all no-ops).
            const report = JSON.parse(result.stdout) as { rejected: number };
            expect(report.rejected).toBe(0);
          }
        }
        // Between runs the file is never corrupt and the chain never broken.
        if (existsSync(crashed)) expect(integrity(crashed)).toBe('ok');
      }
      expect(killed).toBe(kills);

      // A final run after the last kill writes what is left; one more writes nothing.
      const again = await runCli(record(crashed));
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ recorded: 0, rejected: 0, noop: lines.length });

      const rows = eventRows(crashed);
      const cleanRows = eventRows(clean);
      expect(rows.length).toBe(cleanReport.recorded);
      expect(rows.every(isComplete)).toBe(true);
      expect(duplicates(rows)).toEqual([]);
      expect(facts(rows)).toEqual(facts(cleanRows));
      // Every line's source (file:line) is recorded exactly once.
      const sources = rows.map((r) => (JSON.parse(r.metadata) as { source: string }).source);
      expect(new Set(sources).size).toBe(rows.length);

      expect(await auditVerify(crashed)).toMatchObject({ intact: true, events: rows.length });
      expect(await analysis(crashed)).toEqual(await analysis(clean));
    },
    heavy ? 3_600_000 : 240_000,
  );
});

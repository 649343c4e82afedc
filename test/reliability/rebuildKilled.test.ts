import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhi } from './faultHarness.ts';
import { heavy, integrity, repoRoot, runCli, seeded, writeSample } from './harness.ts';

/**
 * Item 6 of issue 8, black-box through the CLI: `lvzhi projections rebuild` SIGKILLed at random moments
 * while it runs, then run again, ends with the same `projections status`, `analysis` and `archive` answers
 * as an uninterrupted rebuild of the same log, and reads in between still answer right. The kill moment is
 * read from the progress bar the rebuild draws on a terminal (given to it by util-linux `script`), so it lands
 * after the rebuild started and before it finished. Default: the 2019 city year (~20k events, shorter than the
 * interval at which a rebuild saves its progress, so each re-run starts over), 3 kills; `LVZHI_HEAVY=1`: the
 * scaled sample (~200k events), 10 kills, and the re-runs must resume past the start.
 */
const kills = heavy ? 10 : 3;
const YEAR = 2019;
/** The city committee: the scaled sample also holds its 38 district and county committees. */
const IN_CITY = ['--committee', 'cq'] as const;
const hasScript = spawnSync('script', ['--version']).status === 0;
const bin = join(repoRoot, 'packages/cli/src/bin.ts');
const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

async function json(db: string, args: readonly string[]): Promise<unknown> {
  const result = await lvzhi(['--store', `sqlite:${db}`, ...args, '--format', 'json']);
  if (result.code !== 0) throw new Error(`lvzhi ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

interface TerminalRun {
  readonly code: number | null;
  /** Where the progress bar stood when the rebuild was killed, if it was. */
  readonly killedAt: number | undefined;
  /** The first position the progress bar showed (a resumed rebuild starts beyond the beginning). */
  readonly firstPosition: number | undefined;
  readonly head: number | undefined;
  /** The JSON report, printed only by a rebuild that finished. */
  readonly report: unknown;
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * `lvzhi projections rebuild` on a terminal; with `killAt`, SIGKILLed once its bar has covered that fraction
 * of what this run has to read (from where it started, which is past the beginning when it resumes).
 */
function rebuildOnTerminal(db: string, killAt?: number): Promise<TerminalRun> {
  const command = [process.execPath, '--import', tsx, bin, '--store', `sqlite:${db}`];
  const line = `exec ${[...command, 'projections', 'rebuild', '--format', 'json'].map(quote).join(' ')}`;
  const { CI: _ci, LVZHI_STORE: _s, ...env } = process.env;
  const child = spawn('script', ['-qfec', line, '/dev/null'], {
    cwd: repoRoot,
    env: { ...env, LANG: 'C.UTF-8', TERM: 'xterm', COLUMNS: '120' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let killedAt: number | undefined;
  let firstPosition: number | undefined;
  let head: number | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const frames = [...output.matchAll(/(\d+)\/(\d+) events/g)];
    const last = frames.at(-1);
    if (!last) return;
    firstPosition ??= Number(frames[0]![1]);
    const position = Number(last[1]);
    head = Number(last[2]);
    const due = firstPosition + (killAt ?? 1) * (head - firstPosition);
    if (killAt !== undefined && killedAt === undefined && position >= due && position < head) {
      // `script` runs the command on a terminal of its own; with `exec`, its one child is lvzhi itself.
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
      for (const pid of children.split(/\s+/).filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
      killedAt = position;
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const report = /\{"saved".*\}/.exec(output)?.[0];
      resolve({ code, killedAt, firstPosition, head, report: report ? JSON.parse(report) : undefined });
    });
  });
}

describe('Given a log whose projections are caught up, and a rebuild killed with SIGKILL part-way, again and again', () => {
  let dir = '';
  let base = '';
  beforeAll(
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'lvzhi-rebuild-killed-'));
      const file = join(dir, 'year.jsonl');
      writeSample(file, { seed: 2019, scale: heavy });
      base = join(dir, 'base.db');
      const recorded = await runCli(['--store', `sqlite:${base}`, 'record', file]);
      expect(recorded.code, recorded.stderr).toBe(0);
      await json(base, ['analysis', '--year', String(YEAR), ...IN_CITY]);
    },
    heavy ? 600_000 : 120_000,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasScript)(
    `run again after each kill, ends identical to an uninterrupted rebuild (resuming from its checkpoint on the heavy log)${hasScript ? '' : ' — skipped: util-linux `script` (a terminal for the progress bar) is not installed'}`,
    async () => {
      const clean = join(dir, 'clean.db');
      const crashed = join(dir, 'crashed.db');
      copyFileSync(base, clean);
      copyFileSync(base, crashed);

      const rebuilt = await json(clean, ['projections', 'rebuild']);
      expect(rebuilt).toMatchObject({ saved: true });
      const members = (await json(clean, ['members', ...IN_CITY])) as { members: { memberId: string }[] };
      const ids = members.members.map((m) => m.memberId);
      const chosen = [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!];
      const answers = async (db: string) => ({
        status: await json(db, ['projections', 'status']),
        analysis: await json(db, ['analysis', '--year', String(YEAR), ...IN_CITY]),
        archives: await Promise.all(chosen.map((id) => json(db, ['archive', id, ...IN_CITY]))),
      });
      const expected = await answers(clean);

      const random = seeded(6);
      const runs: TerminalRun[] = [];
      let killed = 0;
      let missed = false;
      while (killed < kills && runs.length < kills * 3) {
        // The first kill comes late, past any checkpoint the rebuild saves on the way; the others anywhere;
        // after a rebuild that outran its kill point (a small log folds in a few frames), at its first frame.
        const at = runs.length === 0 ? 0.75 : missed ? 0 : 0.05 + random() * 0.9;
        const result = await rebuildOnTerminal(crashed, at);
        runs.push(result);
        missed = result.killedAt === undefined;
        if (result.killedAt === undefined) {
          // It finished before the kill point: a complete rebuild, then the next one is killed.
          expect(result.code).toBe(0);
          continue;
        }
        killed += 1;
        expect(result.report, 'a killed rebuild printed its report').toBeUndefined();
        expect(integrity(crashed)).toBe('ok');
        // Reads in the middle of an interrupted rebuild still give the right answer.
        if (killed === 1) {
          expect(await json(crashed, ['analysis', '--year', String(YEAR), ...IN_CITY])).toEqual(
            expected.analysis,
          );
        }
      }
      expect(killed).toBe(kills);

      const last = await rebuildOnTerminal(crashed);
      expect(last.code).toBe(0);
      expect(last.report).toEqual({
        ...(rebuilt as object),
        seconds: (last.report as { seconds: number }).seconds,
      });
      expect(await answers(crashed)).toEqual(expected);
      // On the heavy log the runs after a kill go on from the checkpoint saved before it, not from the start.
      if (heavy) expect(runs.slice(1).some((r) => (r.firstPosition ?? 0) > (r.head ?? 0) / 4)).toBe(true);
      console.info(
        'rebuild runs (killed at, first position shown):',
        [...runs, last].map((r) => `${r.killedAt ?? 'done'}/${r.head ?? '?'} from ${r.firstPosition ?? '?'}`),
      );
    },
    heavy ? 1_800_000 : 120_000,
  );
});

import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { sampleLines } from '@lvzhi/sample-data';
import Database from 'better-sqlite3';
import { type CliRun, repoRoot, runCli } from '../cli/runCli.ts';

export { type CliRun, repoRoot, runCli };

/** `LVZHI_HEAVY=1` runs the long variants (200k lines, 20 kills, more writers); the default keeps CI short. */
export const heavy = process.env.LVZHI_HEAVY === '1';

const bin = `${repoRoot}packages/cli/src/bin.ts`;

/** Starts `lvzhi` without waiting for it, so a test can kill it. */
export function startCli(args: readonly string[]): { child: ChildProcess; done: Promise<CliRun> } {
  const { LC_ALL: _a, LC_MESSAGES: _m, LANG: _l, LVZHI_STORE: _s, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: repoRoot,
    env: { ...env, LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Writes the seeded sample (default: the 2019 city year, ~20k lines; `scale`: ~200k lines) and returns its lines. */
export function writeSample(path: string, options: { seed: number; scale?: boolean }): string[] {
  const lines = [...sampleLines({ seed: options.seed, scale: options.scale ?? false })];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines;
}

/** A small seeded PRNG (mulberry32) so kill moments are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EventRow {
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** Every event row of a SQLite store, read directly (read-only). */
export function eventRows(path: string): EventRow[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash FROM events ORDER BY global_position',
      )
      .all() as EventRow[];
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a SQLite file. */
export function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? '';
  } finally {
    db.close();
  }
}

/** The facts of a store without ids and record times: stream, version, type and data, one string each. */
export function facts(rows: readonly EventRow[]): string[] {
  return rows.map((r) => `${r.stream_id}#${r.stream_version} ${r.type} ${r.data}`).sort();
}

/** Facts that occur more than once (a duplicate business fact). */
export function duplicates(rows: readonly EventRow[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const r of rows) {
    const key = `${r.stream_id} ${r.type} ${r.data}`;
    if (seen.has(key)) dup.push(key);
    seen.add(key);
  }
  return dup;
}

/** A row is whole: ids, hashes and parseable JSON data and metadata. */
export function isComplete(r: EventRow): boolean {
  try {
    JSON.parse(r.data);
    JSON.parse(r.metadata);
  } catch {
    return false;
  }
  return (
    r.event_id.length > 0 && r.type.length > 0 && /^[0-9a-f]{64}$/.test(r.hash) && r.prev_hash.length > 0
  );
}

/** `audit verify --format json` of a store. */
export async function auditVerify(store: string): Promise<{ intact: boolean; events: number }> {
  const run = await runCli(['--store', `sqlite:${store}`, 'audit', 'verify', '--format', 'json']);
  return JSON.parse(run.stdout) as { intact: boolean; events: number };
}

/**
 * `analysis --year Y --committee cq --format json` of a store, parsed: the city committee's (the scaled
 * sample of `LVZHI_HEAVY=1` holds the district committees too, and then the committee must be named).
 */
export async function analysis(store: string, year = 2019): Promise<unknown> {
  const run = await runCli([
    '--store',
    `sqlite:${store}`,
    'analysis',
    '--year',
    String(year),
    '--committee',
    'cq',
    '--format',
    'json',
  ]);
  if (run.code !== 0) throw new Error(`analysis failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { runCliHere } from '../cli/runCli.ts';
import type { EventRow } from './harness.ts';

/** A stack trace in a message meant for people (a line starting with `at …`). */
export const STACK = /^\s+at\s/m;

/** The SHA-256 of a file's bytes, to show a failed run wrote nothing. */
export function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The line numbers the events came from (`metadata.source` is `<file>:<line>`), in log order. */
export function sourceLines(rows: readonly { readonly metadata: string }[]): number[] {
  return rows.map((r) => Number((JSON.parse(r.metadata) as { source: string }).source.split(':').pop()));
}

/** 1, 2, …, n. */
export const firstLines = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/**
 * The rows are whole transactions of a run interrupted part-way: lines 1…k × batch, each once (every sample
 * line records exactly one event, so a half-written batch shows as a count that is not a multiple).
 */
export function isWholeBatches(rows: readonly EventRow[], batch: number): boolean {
  const lines = sourceLines(rows);
  return lines.length % batch === 0 && lines.every((line, i) => line === i + 1);
}

/** A small tmpfs we can fill or make read-only; undefined where mounting is not permitted (no root, no CAP_SYS_ADMIN). */
export interface TinyFs {
  readonly dir: string;
  /** `mount -o remount,OPTIONS` (e.g. `ro`, `rw`, `size=64m`). */
  remount(options: string): void;
  unmount(): void;
}

/** Mounts a tmpfs of `size` (e.g. `1m`) on `dir`, or says why it cannot. */
export function mountTinyFs(dir: string, size: string): TinyFs | string {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.error || mounted.status !== 0) {
    return `cannot mount a tmpfs here (${(mounted.error?.message ?? mounted.stderr).trim()})`;
  }
  const run = (args: string[]) => {
    const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  return {
    dir,
    remount: (options) => run(['mount', '-o', `remount,${options}`, dir]),
    unmount: () => run(['umount', '-l', dir]),
  };
}

/** Whether this process may mount file systems (root with CAP_SYS_ADMIN): tried once on a scratch directory. */
export function canMount(scratch: string): true | string {
  const fs = mountTinyFs(scratch, '64k');
  if (typeof fs === 'string') return fs;
  fs.unmount();
  return true;
}

/** Runs `lvzhi` in this process (the `run` the binary calls): the reads need no child of their own. */
export const lvzhi = runCliHere;

/** `audit verify --format json` of a SQLite store, run in this process. */
export async function auditHere(db: string): Promise<{ intact: boolean; events: number }> {
  const result = await lvzhi(['--store', `sqlite:${db}`, 'audit', 'verify', '--format', 'json']);
  return JSON.parse(result.stdout) as { intact: boolean; events: number };
}

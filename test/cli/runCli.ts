import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '@lvzhi/cli';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repoRoot, 'packages/cli/src/bin.ts');
const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

/** A bundled example file of the record format. */
export const example = (name: string): string => join(repoRoot, 'examples/record', name);

/** What a run of the CLI printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `lvzhi` command in a child process (as `pnpm lvzhi` does: node with tsx). */
export function runCli(
  args: readonly string[],
  options: { readonly input?: string; readonly env?: Record<string, string>; readonly cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { LC_ALL: _a, LC_MESSAGES: _m, LANG: _l, LVZHI_STORE: _s, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', tsx, bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...env, LANG: 'C.UTF-8', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as unknown);
}

/**
 * Runs `lvzhi` in this process (the same `run` the binary calls), which saves starting a child per call; what
 * must run as a real process (killed, given an environment, reading standard input) uses `runCli`.
 */
export async function runCliHere(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString('utf8'));
        done();
      },
    });
  const code = await run(args, {
    stdin: Readable.from([]),
    stdout: sink((text) => {
      stdout += text;
    }),
    stderr: sink((text) => {
      stderr += text;
    }),
    env: { LANG: 'C.UTF-8' },
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}

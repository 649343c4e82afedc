import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../cli/runCli.ts';

const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

/** A `lvzhi serve` child process and the URL it printed. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends a signal and resolves with the exit code and what was printed on stderr. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stderr: string }>;
}

/** Starts the real `lvzhi serve` with the arguments and environment given, once it prints its URL. */
export function spawnServe(args: readonly string[], env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', tsx, join(repoRoot, 'packages/cli/src/bin.ts'), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      const match = /http:\/\/[^\s)]+/.exec(stdout);
      if (match) {
        resolve({
          url: match[0],
          child,
          async stop(signal = 'SIGTERM') {
            child.kill(signal);
            return { code: await exited, stderr };
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`lvzhi serve exited (${code}): ${stderr}`)));
  });
}

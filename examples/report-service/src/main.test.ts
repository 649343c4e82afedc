import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
const TOKEN = 'report-service-example-token-1';

function node(script: string, args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', tsx, script, ...args], {
    cwd: root,
    env: { ...process.env, LANG: 'C.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the report service example, against a started lvzhi serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-report-service-'));
  const store = `sqlite:${join(dir, 'lvzhi.db')}`;
  const lvzhi = join(root, 'packages/cli/src/bin.ts');
  const main = join(root, 'examples/report-service/src/main.ts');
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    const recorded = await finished(
      node(lvzhi, ['--store', store, 'record', 'examples/record/sample-2019.jsonl']),
    );
    expect(recorded.code).toBe(0);
    server = node(lvzhi, ['--store', store, 'serve', '--port', '0'], { LVZHI_TOKENS: TOKEN });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout?.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) resolve(match[0]);
      });
      server.once('exit', (code) => reject(new Error(`lvzhi serve exited ${code}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const done = finished(server);
      server.kill('SIGTERM');
      await done;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the headline figures of a committee analysis', async () => {
    const run = await finished(node(main, ['cq', '2019'], { LVZHI_URL: url, LVZHI_TOKEN: TOKEN }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(cq\), 2019/);
    expect(run.stdout).toMatch(/members seated: \d+/);
  }, 30_000);

  it('prints the whole analysis as JSON with --json', async () => {
    const run = await finished(node(main, ['cq', '2019', '--json'], { LVZHI_URL: url, LVZHI_TOKEN: TOKEN }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ committeeId: 'cq', year: 2019 });
  }, 30_000);

  it('reports the API error and exits 1 with a wrong token', async () => {
    const run = await finished(
      node(main, ['cq', '2019'], { LVZHI_URL: url, LVZHI_TOKEN: 'wrong-token-0000000000' }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('401 unauthorized');
  }, 30_000);
});

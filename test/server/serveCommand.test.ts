import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, repoRoot, runCli, tempDir } from '../cli/runCli.ts';
import { type ServeProcess, spawnServe } from './spawnServe.ts';

const TOKEN = 'serve-command-token-00000001';
const LOAD_REQUESTS = 2_000;

/** autocannon's JSON result (the fields used here). */
interface LoadResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: {
    readonly average: number;
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly throughput: { readonly average: number };
  readonly duration: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly '2xx': number;
}

/** Runs autocannon in a second process: a fixed number of requests, on loopback only. */
function loadTest(url: string): Promise<LoadResult> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`load tests run on loopback only, not ${url}`);
  const bin = createRequire(join(repoRoot, 'test/package.json')).resolve('autocannon/autocannon.js');
  const args = [
    bin,
    '-a',
    String(LOAD_REQUESTS),
    '-c',
    '10',
    '-j',
    '-H',
    `Authorization=Bearer ${TOKEN}`,
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`autocannon exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as LoadResult);
    });
  });
}

describe('lvzhi serve', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  let server: ServeProcess;

  beforeAll(async () => {
    expect((await runCli(['--store', store, 'record', example('sample-2019.jsonl')])).code).toBe(0);
    server = await spawnServe(
      ['--store', store, 'serve', '--port', '0', '--rate', '100000', '--burst', '100000'],
      {
        LVZHI_TOKENS: TOKEN,
      },
    );
  }, 60_000);
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop();
    temp.remove();
  });

  it('binds to loopback and prints its URL', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/members?committee=cq`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it(`answers ${LOAD_REQUESTS} requests from a second process (autocannon)`, async () => {
    const paths = ['/committees/cq/analysis?year=2019', '/members?committee=cq&pageSize=20'];
    for (const path of paths) {
      const result = await loadTest(`${server.url}${path}`);
      const line = {
        path,
        requests: result.requests.total,
        seconds: result.duration,
        requestsPerSecond: result.requests.average,
        latencyMs: {
          average: result.latency.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        bytesPerSecond: result.throughput.average,
      };
      console.log(`load test: ${JSON.stringify(line)}`);
      expect(result.errors).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result['2xx']).toBeGreaterThanOrEqual(LOAD_REQUESTS);
    }
  }, 120_000);

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const { code, stderr } = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(stderr).toMatch(/stopped|已停止/);
  }, 20_000);
});

describe('lvzhi serve refuses to start without tokens or with a broken tokens file', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  afterAll(() => temp.remove());

  it('exits 2 without any token', async () => {
    expect((await runCli(['--store', store, 'record', example('sample-2019.jsonl')])).code).toBe(0);
    const run = await runCli(['--store', store, 'serve', '--port', '0'], { env: { LVZHI_TOKENS: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LVZHI_TOKENS');
  }, 60_000);

  it('exits 2 on a tokens file that is not a mapping of tokens to committees', async () => {
    const file = join(temp.dir, 'tokens.json');
    writeFileSync(file, JSON.stringify({ short: ['cq'] }));
    const run = await runCli(['--store', store, 'serve', '--port', '0', '--tokens-file', file], {
      env: { LVZHI_TOKENS: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--tokens-file');
  }, 30_000);

  it('serves the committees a tokens file grants', async () => {
    const file = join(temp.dir, 'tokens-ok.json');
    writeFileSync(file, JSON.stringify({ 'cq-reader-token-0000000001': ['cq'] }));
    const server = await spawnServe(['--store', store, 'serve', '--port', '0', '--tokens-file', file], {
      LVZHI_TOKENS: '',
    });
    try {
      const auth = { Authorization: 'Bearer cq-reader-token-0000000001' };
      expect((await fetch(`${server.url}/committees/cq/analysis?year=2019`, { headers: auth })).status).toBe(
        200,
      );
      expect((await fetch(`${server.url}/committees/zz/analysis?year=2019`, { headers: auth })).status).toBe(
        403,
      );
    } finally {
      expect((await server.stop('SIGINT')).code).toBe(0);
    }
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sampleLines } from '@lvzhi/sample-data';
import { PostgresEventStore } from '@lvzhi/store-postgres';
import { startPostgres, type TestPostgres } from '@lvzhi/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLines, STACK, sourceLines } from './faultHarness.ts';
import { type CliRun, runCli, startCli } from './harness.ts';

/**
 * Item 5 of issue 8, a database that goes away: the PostgreSQL server is stopped (`pg_ctl stop -m immediate`,
 * as a crash would) while `lvzhi record --store postgres://…` appends, and is down when a record starts. Each
 * time: a clear error naming the store without its password, exit 1, only whole transactions written, the
 * chain verifies once the server is back, and the next run records every line exactly once.
 */
const BATCH = 500;
const N = 5000;

let server: TestPostgres;
let dir = '';
let file = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lvzhi-pg-faults-'));
  const lines: string[] = [];
  for (const line of sampleLines({ seed: 2019 })) if (lines.push(line) >= N) break;
  file = join(dir, 'lines.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Stops and starts the test server with `pg_ctl`, as the account that owns its data directory. */
async function serverControl(url: string) {
  const store = await PostgresEventStore.connect(url);
  const one = async (sql: string) => (await store.pool.query(sql)).rows[0] as Record<string, string>;
  const data = (await one('SHOW data_directory')).data_directory!;
  const bin = (await one("SELECT setting FROM pg_config WHERE name = 'BINDIR'")).setting!;
  await store.close();
  const { uid, gid } = statSync(data);
  const pgCtl = (args: string[]) => {
    const r = spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-w', ...args], { uid, gid, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}: ${r.stderr}`);
  };
  const options = `-p ${server.port} -k ${dirname(data)} -c listen_addresses='127.0.0.1' -c fsync=off`;
  return {
    stop: () => pgCtl(['stop', '-m', 'immediate']),
    start: () => pgCtl(['start', '-l', join(dirname(data), 'server.log'), '-o', options]),
  };
}

async function eventMetadata(url: string): Promise<{ metadata: string }[]> {
  const store = await PostgresEventStore.connect(url);
  try {
    return (await store.pool.query('SELECT metadata FROM lvzhi.events ORDER BY global_position')).rows;
  } finally {
    await store.close();
  }
}

const recordArgs = (url: string) => [
  '--store',
  url,
  'record',
  file,
  '--format',
  'json',
  '--batch-size',
  String(BATCH),
];

/** exit 1, the store named without its password, the cause in words, no stack trace. */
function expectClearFailure(run: CliRun, url: string, cause: RegExp): void {
  expect(run.code, run.stdout).toBe(1);
  const shown = url.replace(`:${server.password}@`, '@');
  expect(run.stderr).toContain(`PostgreSQL event store '${shown}'`);
  expect(run.stderr).not.toContain(server.password);
  expect(run.stderr).toMatch(cause);
  expect(run.stderr).not.toMatch(STACK);
}

async function expectAudited(url: string, events: number): Promise<void> {
  const audit = await runCli(['--store', url, 'audit', 'verify', '--format', 'json']);
  expect(audit.code, audit.stderr).toBe(0);
  expect(JSON.parse(audit.stdout)).toMatchObject({ intact: true, events });
}

/** The next run records the rest: every line exactly once, the chain intact. */
async function expectRecordedOnce(url: string, before: number): Promise<void> {
  const again = await runCli(recordArgs(url));
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ recorded: N - before, noop: before, rejected: 0 });
  expect(sourceLines(await eventMetadata(url)).sort((a, b) => a - b)).toEqual(firstLines(N));
  await expectAudited(url, N);
}

describe('Given `lvzhi record --store postgres://…` and a server that goes away', () => {
  it('stops with a clear error when the server stops mid-append, keeps whole transactions only, and the next run goes on', async () => {
    const url = await server.createDatabase('gone_mid_append');
    const control = await serverControl(url);
    const run = startCli(recordArgs(url));
    let finished = false;
    void run.done.then(() => {
      finished = true;
    });
    const watcher = await PostgresEventStore.connect(url);
    const count = async () =>
      Number((await watcher.pool.query('SELECT count(*) AS n FROM lvzhi.events')).rows[0].n);
    while (!finished && (await count()) < 2 * BATCH) await new Promise((r) => setTimeout(r, 10));
    await watcher.close();
    expect(finished, 'the run ended before the server stopped').toBe(false);
    control.stop();
    const failed = await run.done;
    control.start();
    expectClearFailure(failed, url, /connection|terminated|reset|refused/);
    const lines = sourceLines(await eventMetadata(url));
    expect(lines.length).toBeGreaterThanOrEqual(2 * BATCH);
    expect(lines.length).toBeLessThan(N);
    // Whole transactions of the batch size, in order: no command half-written.
    expect(lines.length % BATCH).toBe(0);
    expect(lines).toEqual(firstLines(lines.length));
    await expectAudited(url, lines.length);
    await expectRecordedOnce(url, lines.length);
  }, 90_000);

  it('refuses to start while the server is down, naming it, writes nothing, and records everything once it is back', async () => {
    const url = await server.createDatabase('down_at_start');
    const control = await serverControl(url);
    control.stop();
    let failed: CliRun;
    try {
      failed = await runCli(recordArgs(url));
    } finally {
      control.start();
    }
    expectClearFailure(failed, url, /connection refused/);
    expect(await eventMetadata(url)).toEqual([]);
    await expectRecordedOnce(url, 0);
  }, 90_000);
});

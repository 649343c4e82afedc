import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '@lvzhi/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, example, jsonLines, runCliHere as lvzhiHere, runCli, tempDir } from './runCli.ts';

interface ProjectionStatus {
  durable: boolean;
  projections: { name: string; checkpoint: number; head: number; lag: number }[];
}

describe('every command on --store postgres://…', () => {
  const temp = tempDir();
  const sqlite = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  let server: TestPostgres;
  let database: string;
  let store: string;
  const on = (url: string) => ({
    here: (...args: string[]) => lvzhiHere(['--store', url, ...args]),
    child: (...args: string[]) => runCli(['--store', url, ...args]),
  });
  const ok = (r: CliRun) => {
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    server = await startPostgres();
    database = await server.createDatabase('cli');
    store = `${database}?schema=cli`;
    // The same file recorded into PostgreSQL (by the binary) and into SQLite: the same acts, other event ids.
    const [pg, lite] = await Promise.all([
      on(store).child('record', example('sample-2019.jsonl')),
      on(sqlite).here('record', example('sample-2019.jsonl')),
    ]);
    expect(ok(pg)).toContain('90 lines: 90 recorded, 0 already recorded (no-op), 0 rejected');
    ok(lite);
  });
  afterAll(async () => {
    await server?.stop();
    temp.remove();
  });

  it('records, logs, verifies and seals; recording the file again writes nothing', async () => {
    const pg = on(store).here;
    expect(ok(await pg('record', example('sample-2019.jsonl')))).toContain(
      '90 lines: 0 recorded, 90 already recorded (no-op)',
    );
    const events = jsonLines(ok(await pg('log', '--format', 'json'))) as { streamId: string }[];
    expect(events).toHaveLength(90);
    expect(events[0]).toMatchObject({ streamId: 'committee-cq' });
    expect(ok(await pg('log', '--stream', 'member-m-003'))).toContain('member-m-003');
    expect(JSON.parse(ok(await pg('audit', 'verify', '--format', 'json')))).toMatchObject({
      intact: true,
      events: 90,
    });
    expect(JSON.parse(ok(await pg('audit', 'seal', '--by', '审计处', '--format', 'json')))).toMatchObject({
      streamCount: 26,
      eventCount: 90,
    });
    expect(ok(await pg('audit', 'verify'))).toContain('intact: 26 streams, 91 events');
  });

  it('keeps projection states in the same database, and answers as SQLite does', async () => {
    const pg = on(store).here;
    const lite = on(sqlite).here;
    const status = () => pg('projections', 'status', '--format', 'json').then((r) => JSON.parse(ok(r)));
    const analysis = ['analysis', '--year', '2019', '--format', 'json'];
    const members = ['members', '--format', 'json'];
    const fromSqlite = await Promise.all([lite(...analysis), lite(...members)]);
    const fromPostgres = await Promise.all([pg(...analysis), pg(...members)]);
    expect(fromPostgres.map(ok)).toEqual(fromSqlite.map(ok));
    // Caught up and saved: a later run (another process) starts from the saved state.
    const saved = (await status()) as ProjectionStatus;
    expect(saved.durable).toBe(true);
    expect(saved.projections[0]).toMatchObject({ name: 'record-index', lag: 0 });
    expect(saved.projections[0]!.checkpoint).toBe(saved.projections[0]!.head);
    const inChild = await on(store).child(...analysis);
    expect(ok(inChild)).toBe(ok(fromSqlite[0]!));
    expect(ok(await pg('projections', 'rebuild', '--format', 'json'))).toContain('record-index');
    expect(((await status()) as ProjectionStatus).projections[0]!.lag).toBe(0);
    expect(ok(await pg(...analysis))).toBe(ok(fromSqlite[0]!));
  });

  it('runs the reading commands: archive, evaluate, policies, replay, export, report', async () => {
    const pg = on(store).here;
    const [archive, evaluate, policies, replay, exported] = await Promise.all([
      pg('archive', 'm-003', '--format', 'json'),
      pg('evaluate', '--policy', 'tongcheng-2019', '--year', '2019', '--format', 'json'),
      pg('policies', '--format', 'json'),
      pg('replay', '--as-of', '2020-01-31', '--format', 'json'),
      pg('export', '--format', 'jsonl'),
    ]);
    expect(JSON.parse(ok(archive))).toMatchObject({ member: { memberId: 'm-003' } });
    expect(JSON.parse(ok(evaluate))).toMatchObject({ policy: { id: 'tongcheng-2019' } });
    expect(ok(policies)).toContain('tongcheng-2019');
    expect(ok(replay).length).toBeGreaterThan(100);
    expect(jsonLines(ok(exported))).toHaveLength(91);
    const html = join(temp.dir, 'report.html');
    ok(await pg('report', '--year', '2019', '--out', html));
    expect(existsSync(html) && readFileSync(html, 'utf8')).toContain('<svg');
  });

  it('imports an export into another schema; postgresql:// is the same store; schemas keep stores apart', async () => {
    const file = join(temp.dir, 'export.jsonl');
    ok(await on(store).here('export', '--format', 'jsonl', '--out', file));
    const other = `${database.replace(/^postgres:/, 'postgresql:')}?schema=imported`;
    ok(await on(other).here('import', file));
    const a = jsonLines(ok(await on(store).here('log', '--format', 'json'))) as { hash: string }[];
    const b = jsonLines(ok(await on(other).here('log', '--format', 'json'))) as { hash: string }[];
    expect(b.map((e) => e.hash)).toEqual(a.map((e) => e.hash));
    expect(ok(await on(`${database}?schema=empty`).here('log'))).toContain('no events');
  });

  it('takes the store from LVZHI_STORE', async () => {
    const r = await runCli(['audit', 'verify'], { env: { LVZHI_STORE: store } });
    expect(ok(r)).toContain('intact: 26 streams, 91 events');
  });

  it('reports an unreachable server (exit 1) without its password, and a malformed URL as a usage error (exit 2)', async () => {
    const [down, noSlashes, badSchema] = await Promise.all([
      runCli(['--store', 'postgres://lvzhi:s3cret-pw@127.0.0.1:1/lvzhi', 'log']),
      lvzhiHere(['--store', 'postgres:lvzhi', 'log']),
      lvzhiHere(['--store', `${database}?schema=Not-Valid`, 'log']),
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('127.0.0.1:1');
    expect(down.stderr).not.toContain('s3cret-pw');
    expect(noSlashes.code).toBe(2);
    expect(noSlashes.stderr).toContain('postgres://');
    expect(badSchema.code).toBe(2);
    expect(badSchema.stderr).toContain('schema name');
    expect(ok(await lvzhiHere(['--help']))).toContain('postgres://USER@HOST/DB');
  });
});

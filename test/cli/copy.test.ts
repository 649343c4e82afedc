import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresEventStore } from '@lvzhi/store-postgres';
import { startPostgres, type TestPostgres } from '@lvzhi/store-postgres/testing';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, jsonLines, runCliHere as lvzhiHere, runCli, tempDir } from './runCli.ts';

interface LoggedEvent {
  eventId: string;
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  hash: string;
}

interface CopyJson {
  ok: boolean;
  from: string;
  to: string;
  copied: number;
  alreadyPresent: number;
  events: number;
  sourceHead: number;
  copiedThrough: number;
  hashesEqual: boolean;
  audit: { intact: boolean; streams: number; events: number; seal: { eventId: string } | null };
  error?: { kind: string; message: string; messageZh: string; eventId?: string; index?: number };
}

/** 90 sample lines, a correction and a seal. */
const EVENTS = 92;
/** After the correction (recorded 2020-03-02) and long before the seal (recorded now). */
const AS_OF = '2020-06-30T12:00:00+08:00';

describe('lvzhi copy: SQLite → PostgreSQL → SQLite with the same ids, order and hashes', () => {
  const temp = tempDir();
  const sqlite = (name: string) => `sqlite:${join(temp.dir, name)}`;
  const source = sqlite('source.db');
  let server: TestPostgres;
  let database: string;
  /** A store URL for a schema of its own in the test database. */
  const postgres = (schema: string) => `${database}?schema=${schema}`;
  const lvzhi = (store: string, ...args: string[]) => lvzhiHere(['--store', store, ...args]);
  const copy = async (from: string, to: string, ...args: string[]) => {
    const done = await lvzhiHere(['copy', '--from', from, '--to', to, '--format', 'json', ...args]);
    return { run: done, json: JSON.parse(done.stdout || 'null') as CopyJson };
  };
  /** The same, in a child process running the binary. */
  const copyInChild = async (from: string, to: string, ...args: string[]) => {
    const done = await runCli(['copy', '--from', from, '--to', to, '--format', 'json', ...args]);
    return { run: done, json: JSON.parse(done.stdout || 'null') as CopyJson };
  };
  const logOf = async (store: string) => {
    const run = await lvzhi(store, 'log', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    return jsonLines(run.stdout) as LoggedEvent[];
  };
  /** What a copy must keep: ids, streams, versions, types, hashes, and their order (positions may differ). */
  const identity = (events: readonly LoggedEvent[]) =>
    events.map((e) => [e.eventId, e.streamId, e.streamVersion, e.type, e.hash]);

  beforeAll(async () => {
    const [pg] = await Promise.all([
      startPostgres(),
      lvzhi(source, 'record', example('sample-2019.jsonl')).then((r) => expect(r.code, r.stderr).toBe(0)),
    ]);
    server = pg;
    database = await server.createDatabase('copy');
    const absence = (await logOf(source)).find(
      (e) =>
        e.streamId === 'member-m-009' &&
        e.type === 'AttendanceRecorded' &&
        e.data.meetingId === 'cq-5-2-plenary',
    )!;
    const correction = {
      command: 'CorrectRecord',
      data: {
        eventId: absence.eventId,
        data: { status: 'excused', leaveReason: 'work' },
        reason: '请假条迟交',
        approvedBy: '秘书长',
      },
      meta: { recordedBy: '市政协办公厅', recordedAt: '2020-03-02T10:00:00+08:00' },
    };
    const file = join(temp.dir, 'correction.jsonl');
    writeFileSync(file, `${JSON.stringify(correction)}\n`);
    const corrected = await lvzhi(source, 'record', file);
    expect(corrected.code, corrected.stderr).toBe(0);
    const sealed = await lvzhi(source, 'audit', 'seal', '--by', '审计处');
    expect(sealed.code, sealed.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
    temp.remove();
  });

  it('copies the whole log there and back; audit verify passes on each copy; every answer is the same', async () => {
    const there = postgres('roundtrip');
    const back = sqlite('back.db');
    const first = await copyInChild(source, there);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(first.json).toMatchObject({
      ok: true,
      copied: EVENTS,
      alreadyPresent: 0,
      events: EVENTS,
      sourceHead: EVENTS,
      copiedThrough: EVENTS,
      hashesEqual: true,
      audit: { intact: true, events: EVENTS },
    });
    expect(first.json.audit.seal).not.toBeNull();
    // The password is not shown.
    expect(first.run.stdout).not.toContain(server.password);
    expect(first.json.to).toContain(':***@');
    const second = await copy(there, back);
    expect(second.run.code, second.run.stderr).toBe(0);
    expect(second.json).toMatchObject({ ok: true, copied: EVENTS, alreadyPresent: 0, hashesEqual: true });

    const [original, inPostgres, copiedBack] = await Promise.all([logOf(source), logOf(there), logOf(back)]);
    expect(original).toHaveLength(EVENTS);
    expect(original.some((e) => e.type === 'LogSealed')).toBe(true);
    expect(identity(inPostgres)).toEqual(identity(original));
    expect(identity(copiedBack)).toEqual(identity(original));
    // Every field of every event, positions aside.
    const withoutPosition = (events: LoggedEvent[]) => events.map(({ globalPosition: _, ...e }) => e);
    expect(withoutPosition(copiedBack)).toEqual(withoutPosition(original));
    expect(withoutPosition(inPostgres)).toEqual(withoutPosition(original));

    const stores = [source, there, back];
    const verified = await Promise.all(stores.map((s) => lvzhi(s, 'audit', 'verify', '--format', 'json')));
    for (const run of verified) {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ intact: true, events: EVENTS, findings: [] });
    }

    const answers = async (store: string) => {
      const runs = await Promise.all([
        lvzhi(store, 'analysis', '--year', '2019', '--format', 'json'),
        lvzhi(store, 'evaluate', '--policy', 'tongcheng-2019', '--year', '2019', '--format', 'json'),
        lvzhi(
          store,
          'evaluate',
          '--policy',
          'tongcheng-2019',
          '--year',
          '2019',
          '--format',
          'json',
          '--as-of',
          AS_OF,
        ),
      ]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      return runs.map((r) => JSON.parse(r.stdout) as unknown);
    };
    const [fromSource, fromPostgres, fromBack] = [
      await answers(source),
      await answers(there),
      await answers(back),
    ];
    expect(fromPostgres).toEqual(fromSource);
    expect(fromBack).toEqual(fromSource);
    // Evaluations cite their evidence by event id: equal answers mean the copies cite the same events.
    expect(JSON.stringify(fromSource[1])).toContain('"evidence"');
    // Asked again, PostgreSQL answers from the projection state it saved in the same database.
    const status = await lvzhi(there, 'projections', 'status', '--format', 'json');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('"lag":0');
    expect(await answers(there)).toEqual(fromSource);
  });

  it('copies nothing when run again, and verifies again', async () => {
    const target = sqlite('again.db');
    expect((await copy(source, target)).run.code).toBe(0);
    const again = await copy(source, target);
    expect(again.run.code, again.run.stderr).toBe(0);
    expect(again.json).toMatchObject({ ok: true, copied: 0, alreadyPresent: EVENTS, events: EVENTS });
    const text = await lvzhiHere(['copy', '--from', source, '--to', target]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`copied 0 events from ${source} to ${target} (${EVENTS} already there`);
    expect(text.stdout).toContain('audit verify intact');
  });

  it('goes on after an interrupted copy, from where it stopped', async () => {
    // A copy into PostgreSQL that fails once the target holds 40 events (a trigger of the test's own).
    const schema = 'interrupted';
    const store = await PostgresEventStore.connect(postgres(schema));
    await store.pool.query(`
      CREATE FUNCTION ${schema}.interrupt() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM ${schema}.events) >= 40 THEN RAISE EXCEPTION 'copy interrupted by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER interrupt BEFORE INSERT ON ${schema}.events FOR EACH ROW EXECUTE FUNCTION ${schema}.interrupt();`);
    const target = postgres(schema);
    const broken = await copyInChild(source, target, '--batch-size', '10');
    expect(broken.run.code).toBe(1);
    expect(broken.run.stderr).toContain('copy interrupted by the test');
    // Each batch is one transaction: the target holds the first four batches, nothing of the fifth.
    expect(identity(await logOf(target))).toEqual(identity((await logOf(source)).slice(0, 40)));
    await store.pool.query(`DROP TRIGGER interrupt ON ${schema}.events`);
    await store.close();

    const resumed = await copyInChild(source, target, '--batch-size', '10');
    expect(resumed.run.code, resumed.run.stderr).toBe(0);
    expect(resumed.json).toMatchObject({
      ok: true,
      alreadyPresent: 40,
      copied: EVENTS - 40,
      events: EVENTS,
      hashesEqual: true,
      audit: { intact: true },
    });
    expect(identity(await logOf(target))).toEqual(identity(await logOf(source)));
  });

  it('refuses a target that holds anything but a copy of the source (exit 1), and writes nothing', async () => {
    // The same sample recorded on its own: the same acts, other event ids.
    const other = sqlite('other.db');
    expect((await lvzhi(other, 'record', example('sample-2019.jsonl'))).code).toBe(0);
    const before = identity(await logOf(other));
    const refused = await copy(source, other);
    expect(refused.run.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, error: { kind: 'foreign-target', index: 1 } });
    expect(refused.run.stderr).toContain('the target is not a copy of this source');
    expect(refused.run.stderr).toContain('committee-cq v1');
    expect(identity(await logOf(other))).toEqual(before);
    const zh = await lvzhiHere(['--lang', 'zh', 'copy', '--from', source, '--to', other]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('目标存储不是此源存储的副本');

    // A copy with an event of its own on top.
    const extended = sqlite('extended.db');
    expect((await copy(source, extended)).run.code).toBe(0);
    const extra = join(temp.dir, 'extra.jsonl');
    const line = {
      command: 'RecordPublicWelfare',
      data: { activityId: 'pw-copy-test', memberId: 'm-003', title: '义诊', on: '2019-09-01' },
      meta: { recordedBy: '测试' },
    };
    writeFileSync(extra, `${JSON.stringify(line)}\n`);
    const recorded = await lvzhi(extended, 'record', extra);
    expect(recorded.code, recorded.stdout).toBe(0);
    const longer = await copy(source, extended);
    expect(longer.run.code).toBe(1);
    expect(longer.json.error).toMatchObject({ kind: 'foreign-target', index: EVENTS + 1 });
    expect(longer.run.stderr).toContain('the target holds more events than the source');
    expect(longer.run.stderr).toContain('member-m-003');
  });

  it('fails loudly, naming the event, when a stored copy does not hash as the original', async () => {
    // A target that alters one stored hash as it is written (a trigger of the test's own).
    const path = join(temp.dir, 'tampering.db');
    await (await SqliteEventStore.open(path)).close();
    const db = new Database(path);
    db.exec(`CREATE TRIGGER tamper AFTER INSERT ON events
      WHEN NEW.stream_id = 'member-m-003' AND NEW.stream_version = 2
      BEGIN UPDATE events SET hash = '${'f'.repeat(64)}' WHERE global_position = NEW.global_position; END`);
    db.close();
    const failed = await copy(source, `sqlite:${path}`);
    expect(failed.run.code).toBe(1);
    expect(failed.json).toMatchObject({ ok: false, error: { kind: 'hash-mismatch' } });
    expect(failed.run.stderr).toMatch(/HASH MISMATCH at event #\d+, member-m-003 v2 \(/);
    expect(failed.run.stderr).toContain(`the target's ${'f'.repeat(64)}`);
  });

  it('explains itself, and refuses bad calls as usage errors (exit 2)', async () => {
    const [help, zhHelp, noTarget, badScheme, noSource] = await Promise.all([
      lvzhiHere(['copy', '--help']),
      lvzhiHere(['--lang', 'zh', 'copy', '--help']),
      lvzhiHere(['copy', '--from', source]),
      lvzhiHere(['copy', '--from', source, '--to', 'mysql://localhost/x']),
      runCli(['copy', '--from', sqlite('missing.db'), '--to', sqlite('never.db')]),
    ]);
    expect(help.code).toBe(0);
    for (const option of ['--from', '--to', '--batch-size', '--format', 'postgres://'])
      expect(help.stdout).toContain(option);
    expect(zhHelp.stdout).toContain('断点续传');
    expect(noTarget.code).toBe(2);
    expect(badScheme.code).toBe(2);
    expect(badScheme.stderr).toContain('postgres://USER@HOST');
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('no event store at');
  });
});

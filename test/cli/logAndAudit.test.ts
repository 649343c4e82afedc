import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, jsonLines, runCli, tempDir } from './runCli.ts';

interface LoggedEvent {
  eventId: string;
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; source?: string };
  prevHash: string;
  hash: string;
}

interface VerifyJson {
  intact: boolean;
  streams: number;
  events: number;
  findings: {
    streamId: string;
    streamVersion?: number;
    eventId?: string;
    kind: string;
    message: string;
    messageZh: string;
  }[];
}

describe('lvzhi log and lvzhi audit verify, on a recorded sample', () => {
  const temp = tempDir();
  const path = join(temp.dir, 'lvzhi.db');
  const store = `sqlite:${path}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);

  beforeAll(async () => {
    const run = await lvzhi('record', example('sample-2019.jsonl'));
    expect(run.code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('log --format json prints one parseable event per line, with its envelope, in global order', async () => {
    const run = await lvzhi('log', '--format', 'json');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout) as LoggedEvent[];
    expect(events).toHaveLength(90);
    expect(events.map((e) => e.globalPosition)).toEqual(
      [...events.map((e) => e.globalPosition)].sort((a, b) => a - b),
    );
    expect(events[0]).toMatchObject({
      streamId: 'committee-cq',
      streamVersion: 1,
      type: 'CommitteeRegistered',
      metadata: {
        recordedBy: '市政协办公厅',
        recordedAt: '2018-01-20T09:00:00+08:00',
        source: 'sample-2019.jsonl:1',
      },
    });
    for (const e of events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('log --stream reads one stream in version order', async () => {
    const events = jsonLines(
      (await lvzhi('log', '--stream', 'member-m-003', '--format', 'json')).stdout,
    ) as LoggedEvent[];
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.streamId === 'member-m-003')).toBe(true);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  });

  it('log --from-position N --limit M prints positions N..N+M-1', async () => {
    const events = jsonLines(
      (await lvzhi('log', '--from-position', '10', '--limit', '5', '--format', 'json')).stdout,
    );
    expect((events as LoggedEvent[]).map((e) => e.globalPosition)).toEqual([10, 11, 12, 13, 14]);
  });

  it('log prints a table for people', async () => {
    const run = await lvzhi('log', '--limit', '3');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^position\s+stream\s+version\s+type\s+recordedAt\s+recordedBy\s+hash$/);
    expect(lines[1]).toMatch(
      /^\s+1\s+committee-cq\s+1\s+CommitteeRegistered\s+2018-01-20T09:00:00\+08:00\s+市政协办公厅\s+[0-9a-f]{12}$/,
    );
    expect(lines.at(-1)).toBe('3 events (positions 1–3)');
    const zh = await lvzhi('--lang', 'zh', 'log', '--limit', '1');
    expect(zh.stdout).toContain('记录人');
  });

  it('audit verify passes on an untouched file', async () => {
    const run = await lvzhi('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^intact: \d+ streams, 90 events/);
    const json = JSON.parse((await lvzhi('audit', 'verify', '--format', 'json')).stdout) as VerifyJson;
    expect(json).toMatchObject({ intact: true, events: 90, findings: [] });
  });

  describe('after an event is edited in the SQLite file', () => {
    let edited: LoggedEvent;
    beforeAll(async () => {
      const events = jsonLines(
        (await lvzhi('log', '--stream', 'member-m-009', '--format', 'json')).stdout,
      ) as LoggedEvent[];
      edited = events.find((e) => e.type === 'AttendanceRecorded' && e.data.status === 'absent')!;
      const db = new Database(path);
      try {
        const changed = db
          .prepare('UPDATE events SET data = ? WHERE event_id = ?')
          .run(JSON.stringify({ ...edited.data, status: 'present' }), edited.eventId);
        expect(changed.changes).toBe(1);
      } finally {
        db.close();
      }
    });

    it('audit verify exits 1 naming the stream, version and event, in English and Chinese', async () => {
      const run = await lvzhi('audit', 'verify');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `stream member-m-009, version ${edited.streamVersion}, event ${edited.eventId}: hash-mismatch`,
      );
      const zh = await lvzhi('--lang', 'zh', 'audit', 'verify');
      expect(zh.code).toBe(1);
      expect(zh.stdout).toContain(`流 member-m-009，版本 ${edited.streamVersion}，事件 ${edited.eventId}`);
      expect(zh.stdout).toContain('内容与哈希不符');
    });

    it('audit verify --format json reports the break', async () => {
      const run = await lvzhi('audit', 'verify', '--format', 'json');
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as VerifyJson;
      expect(json.intact).toBe(false);
      expect(json.findings).toEqual([
        expect.objectContaining({
          streamId: 'member-m-009',
          streamVersion: edited.streamVersion,
          eventId: edited.eventId,
          kind: 'hash-mismatch',
        }),
      ]);
      expect(json.findings[0]?.messageZh).toContain('哈希');
    });
  });

  it('audit verify names a deleted event as a missing version', async () => {
    const db = new Database(path);
    try {
      db.prepare("DELETE FROM events WHERE stream_id = 'member-m-003' AND stream_version = 2").run();
    } finally {
      db.close();
    }
    const json = JSON.parse((await lvzhi('audit', 'verify', '--format', 'json')).stdout) as VerifyJson;
    expect(json.findings).toContainEqual(
      expect.objectContaining({ streamId: 'member-m-003', kind: 'version-gap' }),
    );
    expect(json.findings.find((f) => f.kind === 'version-gap')?.message).toContain('version 2 is missing');
  });
});

describe('lvzhi audit seal', () => {
  it('seals the log so that verify detects a deleted stream', async () => {
    const temp = tempDir();
    const path = join(temp.dir, 'lvzhi.db');
    const lvzhi = (...args: string[]) => runCli(['--store', `sqlite:${path}`, ...args]);
    try {
      await lvzhi('record', example('sample-2019.jsonl'));
      const sealed = await lvzhi('audit', 'seal', '--by', '审计组', '--format', 'json');
      expect(sealed.code).toBe(0);
      expect(JSON.parse(sealed.stdout)).toMatchObject({ eventCount: 90, position: 90 });
      expect((await lvzhi('audit', 'verify')).stdout).toContain('checked against the seal of');
      const db = new Database(path);
      db.prepare("DELETE FROM events WHERE stream_id = 'proposal-2019-0006'").run();
      db.close();
      const run = await lvzhi('audit', 'verify', '--format', 'json');
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as VerifyJson).findings).toEqual([
        expect.objectContaining({ kind: 'deleted-stream', streamId: 'proposal-2019-0006' }),
      ]);
      expect((await lvzhi('audit', 'seal')).code).toBe(2);
    } finally {
      temp.remove();
    }
  });
});

describe('lvzhi audit verify on an empty store', () => {
  it('exits 0', async () => {
    const run = await runCli(['--store', 'memory:', 'audit', 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('intact: 0 streams, 0 events');
  });
});

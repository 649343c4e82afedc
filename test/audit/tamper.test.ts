import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler, sealLog, verifyLog } from '@lvzhi/core';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const meta = { recordedBy: '秘书处', recordedAt: '2019-12-31T10:00:00+08:00' };
const commands = [
  { command: 'RegisterCommittee', data: { committeeId: 'c', name: '测试政协', level: 'county' } },
  { command: 'OpenTerm', data: { committeeId: 'c', term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' } },
  ...['a', 'b'].map((m) => ({
    command: 'AppointMember',
    data: {
      memberId: m,
      name: `委员${m}`,
      committeeId: 'c',
      term: 1,
      sector: '经济界',
      appointedOn: '2018-01-01',
    },
  })),
  ...[1, 2, 3].map((i) => ({
    command: 'ScheduleMeeting',
    data: {
      meetingId: `m${i}`,
      committeeId: 'c',
      kind: 'research',
      title: `调研${i}`,
      startsOn: `2019-0${i}-10`,
      term: 1,
    },
  })),
  ...[1, 2, 3].map((i) => ({
    command: 'RecordAttendance',
    data: { meetingId: `m${i}`, memberId: 'a', status: 'present' },
  })),
];

let dir: string;
let pristine: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lvzhi-tamper-'));
  pristine = join(dir, 'pristine.db');
  const store = SqliteEventStore.open(pristine);
  const handler = new CommandHandler(store);
  for (const c of commands) expect((await handler.handle({ ...c, meta })).status).toBe('recorded');
  await sealLog(store, { sealedBy: '审计员' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Copies the sealed file, applies `tamper` to it with plain SQL, and verifies it. */
async function verifyAfter(tamper: (db: Database.Database) => void) {
  const file = join(dir, `${crypto.randomUUID()}.db`);
  copyFileSync(pristine, file);
  const db = new Database(file);
  tamper(db);
  db.close();
  const store = SqliteEventStore.open(file);
  try {
    return await verifyLog(store);
  } finally {
    await store.close();
  }
}

describe('Given a sealed log in an SQLite file, audit verify', () => {
  it('finds nothing wrong in the untouched file', async () => {
    const report = await verifyAfter(() => {});
    expect(report).toMatchObject({ ok: true, findings: [], streams: 6 });
    expect(report.seal?.streams).toBe(6);
  });

  it('locates an edited payload', async () => {
    const report = await verifyAfter((db) =>
      db
        .prepare(
          `UPDATE events SET data = replace(data, '"present"', '"absent"') WHERE stream_id = 'member-a' AND stream_version = 3`,
        )
        .run(),
    );
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({
      kind: 'hash-mismatch',
      streamId: 'member-a',
      streamVersion: 3,
    });
  });

  it('locates edited metadata', async () => {
    const report = await verifyAfter((db) =>
      db
        .prepare(
          `UPDATE events SET metadata = replace(metadata, '秘书处', '某人') WHERE stream_id = 'meeting-m2'`,
        )
        .run(),
    );
    expect(report.findings[0]).toMatchObject({
      kind: 'hash-mismatch',
      streamId: 'meeting-m2',
      streamVersion: 1,
    });
  });

  it('locates a deleted event', async () => {
    const report = await verifyAfter((db) =>
      db.prepare(`DELETE FROM events WHERE stream_id = 'member-a' AND stream_version = 2`).run(),
    );
    expect(report.findings[0]).toMatchObject({ kind: 'version-gap', streamId: 'member-a', streamVersion: 3 });
  });

  it('locates two swapped events', async () => {
    const report = await verifyAfter((db) => {
      db.prepare(
        `UPDATE events SET stream_version = -1 WHERE stream_id = 'member-a' AND stream_version = 2`,
      ).run();
      db.prepare(
        `UPDATE events SET stream_version = 2 WHERE stream_id = 'member-a' AND stream_version = 3`,
      ).run();
      db.prepare(
        `UPDATE events SET stream_version = 3 WHERE stream_id = 'member-a' AND stream_version = -1`,
      ).run();
    });
    expect(report.findings[0]).toMatchObject({ streamId: 'member-a', streamVersion: 2 });
    expect(report.findings.map((f) => f.kind)).toContain('hash-mismatch');
  });

  it('locates a truncated stream tail', async () => {
    const report = await verifyAfter((db) =>
      db.prepare(`DELETE FROM events WHERE stream_id = 'member-a' AND stream_version >= 3`).run(),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'truncated-stream', streamId: 'member-a', streamVersion: 3 }),
    ]);
  });

  it('locates a whole deleted stream', async () => {
    const report = await verifyAfter((db) =>
      db.prepare(`DELETE FROM events WHERE stream_id = 'member-b'`).run(),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'deleted-stream', streamId: 'member-b' }),
    ]);
  });

  it('locates an event inserted into a stream', async () => {
    const report = await verifyAfter((db) => {
      const row = db
        .prepare(`SELECT * FROM events WHERE stream_id = 'member-a' AND stream_version = 3`)
        .get() as Record<string, unknown>;
      db.prepare(
        `UPDATE events SET stream_version = -(stream_version + 1) WHERE stream_id = 'member-a' AND stream_version >= 2`,
      ).run();
      db.prepare(
        `UPDATE events SET stream_version = -stream_version WHERE stream_id = 'member-a' AND stream_version < 0`,
      ).run();
      db.prepare(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES (?, 'member-a', 2, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        crypto.randomUUID(),
        row.type,
        row.schema_version,
        row.data,
        row.metadata,
        row.recorded_at,
        row.prev_hash,
        row.hash,
      );
    });
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ kind: 'broken-link', streamId: 'member-a', streamVersion: 2 });
  });

  it('locates an event added to a stream behind the seal', async () => {
    const report = await verifyAfter((db) => {
      const row = db.prepare(`SELECT * FROM events WHERE stream_id = 'member-b'`).get() as Record<
        string,
        unknown
      >;
      // A well-formed next event of member-b, forged with a position before the seal.
      db.prepare(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES (0, ?, 'member-b', 2, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        crypto.randomUUID(),
        row.type,
        row.schema_version,
        row.data,
        row.metadata,
        row.recorded_at,
        row.hash,
        row.hash,
      );
    });
    expect(report.findings.map((f) => [f.kind, f.streamId, f.streamVersion])).toContainEqual([
      'inserted-before-seal',
      'member-b',
      2,
    ]);
  });
});

import { CommandHandler, sealLog, verifyLog } from '@lvzhi/core';
import { PostgresEventStore } from '@lvzhi/store-postgres';
import { startPostgres, type TestPostgres } from '@lvzhi/store-postgres/testing';
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

let server: TestPostgres;
let n = 0;
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => server?.stop());

/** Records the history into a fresh database, seals it, tampers with plain SQL, and verifies. */
async function verifyAfter(tamper: (sql: (text: string) => Promise<unknown>) => Promise<void>) {
  const url = await server.createDatabase(`tamper${++n}`);
  const store = await PostgresEventStore.connect(url);
  try {
    const handler = new CommandHandler(store);
    for (const c of commands) expect((await handler.handle({ ...c, meta })).status).toBe('recorded');
    await sealLog(store, { sealedBy: '审计员' });
    await tamper((text) => store.pool.query(text));
    return await verifyLog(store);
  } finally {
    await store.close();
  }
}

const events = 'lvzhi.events';

describe('Given a sealed log in PostgreSQL, audit verify', () => {
  it('finds nothing wrong in the untouched log', async () => {
    expect(await verifyAfter(async () => {})).toMatchObject({ ok: true, findings: [], streams: 6 });
  });

  it('locates an edited payload', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(
        `UPDATE ${events} SET data = replace(data, '"present"', '"absent"') WHERE stream_id = 'member-a' AND stream_version = 3`,
      );
    });
    expect(report.findings[0]).toMatchObject({
      kind: 'hash-mismatch',
      streamId: 'member-a',
      streamVersion: 3,
    });
  });

  it('locates edited metadata', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(
        `UPDATE ${events} SET metadata = replace(metadata, '秘书处', '某人') WHERE stream_id = 'meeting-m2'`,
      );
    });
    expect(report.findings[0]).toMatchObject({
      kind: 'hash-mismatch',
      streamId: 'meeting-m2',
      streamVersion: 1,
    });
  });

  it('locates a deleted event', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(`DELETE FROM ${events} WHERE stream_id = 'member-a' AND stream_version = 2`);
    });
    expect(report.findings[0]).toMatchObject({ kind: 'version-gap', streamId: 'member-a', streamVersion: 3 });
  });

  it('locates two swapped events', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(
        `UPDATE ${events} SET stream_version = -1 WHERE stream_id = 'member-a' AND stream_version = 2`,
      );
      await sql(
        `UPDATE ${events} SET stream_version = 2 WHERE stream_id = 'member-a' AND stream_version = 3`,
      );
      await sql(
        `UPDATE ${events} SET stream_version = 3 WHERE stream_id = 'member-a' AND stream_version = -1`,
      );
    });
    expect(report.findings[0]).toMatchObject({ streamId: 'member-a', streamVersion: 2 });
  });

  it('locates a truncated stream tail', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(`DELETE FROM ${events} WHERE stream_id = 'member-a' AND stream_version >= 3`);
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'truncated-stream', streamId: 'member-a', streamVersion: 3 }),
    ]);
  });

  it('locates a whole deleted stream', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(`DELETE FROM ${events} WHERE stream_id = 'member-b'`);
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'deleted-stream', streamId: 'member-b' }),
    ]);
  });

  it('locates an event inserted into a stream', async () => {
    const report = await verifyAfter(async (sql) => {
      await sql(
        `UPDATE ${events} SET stream_version = -(stream_version + 1) WHERE stream_id = 'member-a' AND stream_version >= 2`,
      );
      await sql(
        `UPDATE ${events} SET stream_version = -stream_version WHERE stream_id = 'member-a' AND stream_version < 0`,
      );
      await sql(
        `INSERT INTO ${events} (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         SELECT 100000, '00000000-0000-7000-8000-000000000001', stream_id, 2, type, schema_version, data, metadata, recorded_at, prev_hash, hash
         FROM ${events} WHERE stream_id = 'member-a' AND stream_version = 4`,
      );
    });
    expect(report.findings[0]).toMatchObject({ kind: 'broken-link', streamId: 'member-a', streamVersion: 2 });
  });
});

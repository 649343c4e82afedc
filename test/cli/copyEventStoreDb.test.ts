import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, jsonLines, runCli, tempDir } from './runCli.ts';

// With a real EventStoreDB/KurrentDB server (none can run on the CI machine):
//   LVZHI_ESDB_URL='esdb://localhost:2113?tls=false' npx vitest run test/cli/copyEventStoreDb.test.ts
const server = process.env.LVZHI_ESDB_URL;
const SKIPPED =
  'lvzhi copy SQLite → EventStoreDB → SQLite SKIPPED: set LVZHI_ESDB_URL=esdb://host:2113?tls=false to run it';

interface LoggedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  hash: string;
}

describe('esdb:// and esdb+discover:// store URLs', () => {
  it('are listed in --help; an unreachable server is exit 1 without its password; a malformed URL exit 2', async () => {
    const temp = tempDir();
    try {
      const source = `sqlite:${join(temp.dir, 'source.db')}`;
      expect((await runCli(['--store', source, 'record', example('sample-2019.jsonl')])).code).toBe(0);
      const [help, down, malformed] = await Promise.all([
        runCli(['--help']),
        runCli(['copy', '--from', source, '--to', 'esdb://admin:s3cret-pw@127.0.0.1:1?tls=false']),
        runCli(['--store', 'esdb://', 'log']),
      ]);
      expect(help.code).toBe(0);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('esdb://admin:***@127.0.0.1:1');
      expect(down.stderr).toContain('cannot be reached');
      expect(down.stderr).not.toContain('s3cret-pw');
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain('EventStoreDB connection string');
      const usage = await runCli(['--store', 'nosuch:x', 'log']);
      expect(usage.stderr).toContain('esdb://HOST:2113');
      expect(usage.stderr).toContain('esdb+discover://HOST:2113');
    } finally {
      temp.remove();
    }
  });
});

if (!server) {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => {
    it('round-trips the sample through a real server', () => {});
  });
} else {
  describe('lvzhi copy: SQLite → EventStoreDB → SQLite with the same ids, order and hashes', () => {
    const temp = tempDir();
    const source = `sqlite:${join(temp.dir, 'source.db')}`;
    const back = `sqlite:${join(temp.dir, 'back.db')}`;
    // A stream prefix of this run's own, so that the test can run again on the same server.
    const there = `${server}${server.includes('?') ? '&' : '?'}streamPrefix=copy-${randomUUID().slice(0, 8)}-`;
    const logOf = async (store: string) => {
      const run = await runCli(['--store', store, 'log', '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      return (jsonLines(run.stdout) as LoggedEvent[]).map((e) => [
        e.eventId,
        e.streamId,
        e.streamVersion,
        e.type,
        e.hash,
      ]);
    };

    beforeAll(async () => {
      expect((await runCli(['--store', source, 'record', example('sample-2019.jsonl')])).code).toBe(0);
      expect((await runCli(['--store', source, 'audit', 'seal', '--by', '审计处'])).code).toBe(0);
    });
    afterAll(() => temp.remove());

    it('copies there and back; audit verify passes; the analysis is the same', async () => {
      for (const [from, to] of [
        [source, there],
        [there, back],
      ] as const) {
        const run = await runCli([
          'copy',
          '--from',
          from,
          '--to',
          to,
          '--format',
          'json',
          '--batch-size',
          '25',
        ]);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, copied: 91, hashesEqual: true });
      }
      const original = await logOf(source);
      expect(await logOf(there)).toEqual(original);
      expect(await logOf(back)).toEqual(original);
      const analyses = await Promise.all(
        [source, there, back].map((s) =>
          runCli(['--store', s, 'analysis', '--year', '2019', '--format', 'json']),
        ),
      );
      for (const a of analyses) expect(a.code, a.stderr).toBe(0);
      expect(analyses[1]!.stdout).toBe(analyses[0]!.stdout);
      expect(analyses[2]!.stdout).toBe(analyses[0]!.stdout);
      const verified = await runCli(['--store', there, 'audit', 'verify', '--format', 'json']);
      expect(verified.code, verified.stderr).toBe(0);
    });
  });
}

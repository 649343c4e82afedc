import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChainBreak, type RecordedEvent } from '@lvzhi/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

const here = dirname(fileURLToPath(import.meta.url));
const appender = join(here, 'testFixtures', 'concurrentAppender.ts');

interface WorkerReport {
  readonly worker: string;
  readonly written: string[];
  readonly conflicts: number;
}

/** Starts a worker process; `started` resolves when it is ready, `go()` lets it append, `done` gives its report. */
function startWorker(path: string, worker: string, rounds: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', appender, path, worker, String(rounds)], {
    cwd: dirname(here),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${worker} exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as WorkerReport);
    });
  });
  return { started, done, go: () => child.stdin.end('go\n') };
}

describe('Given two processes appending to the same SQLite file', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lvzhi-sqlite-processes-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records every event exactly once, with contiguous versions and intact chains', async () => {
    const path = join(dir, 'shared.db');
    await SqliteEventStore.open(path).close();
    const rounds = 120;
    const workers = [startWorker(path, 'a', rounds), startWorker(path, 'b', rounds)];
    await Promise.all(workers.map((w) => w.started));
    for (const w of workers) w.go();
    const reports = await Promise.all(workers.map((w) => w.done));
    // The workers really raced: some optimistic appends lost and were retried.
    expect(reports.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);

    const store = SqliteEventStore.open(path, { readonly: true });
    try {
      const log: RecordedEvent[] = [];
      for await (const e of store.readAll()) log.push(e);
      const writtenIds = reports.flatMap((r) => r.written);
      // Every third round writes 3 events (2 shared, 1 own), the others 1.
      const perWorker = Array.from({ length: rounds }, (_, round): number =>
        round % 3 === 0 ? 3 : 1,
      ).reduce((a, b) => a + b);
      expect(writtenIds).toHaveLength(2 * perWorker);
      expect(new Set(writtenIds).size).toBe(writtenIds.length);
      expect(log.map((e) => e.eventId).sort()).toEqual([...writtenIds].sort());

      const streams: { streamId: string; version: number }[] = [];
      for await (const s of store.listStreams()) streams.push(s);
      expect(streams.map((s) => s.streamId).sort()).toEqual(['own-a', 'own-b', 'shared-0', 'shared-1']);
      expect(streams.reduce((n, s) => n + s.version, 0)).toBe(log.length);
      for (const { streamId, version } of streams) {
        const events: RecordedEvent[] = [];
        for await (const e of store.readStream(streamId)) events.push(e);
        expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
        expect(findChainBreak(events)).toBeUndefined();
        // Both workers really wrote into the shared streams.
        if (streamId.startsWith('shared')) {
          expect(new Set(events.map((e) => (e.data as { worker: string }).worker))).toEqual(
            new Set(['a', 'b']),
          );
        }
      }
      for (let i = 1; i < log.length; i++)
        expect(log[i]!.globalPosition).toBeGreaterThan(log[i - 1]!.globalPosition);
    } finally {
      await store.close();
    }
  });
});

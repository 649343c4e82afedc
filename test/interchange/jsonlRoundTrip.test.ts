import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RecordedEvent, verifyLog } from '@lvzhi/core';
import { type ExportLine, importLog } from '@lvzhi/interchange';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, tempDir } from '../cli/runCli.ts';
import { allEvents, recordSample } from './sampleRecord.ts';

const temp = tempDir();
const source = join(temp.dir, 'source.db');
const exported = join(temp.dir, 'export.jsonl');
let original: RecordedEvent[];

const lvzhi = (db: string, ...args: string[]) => runCli(['--store', `sqlite:${db}`, ...args]);

/** The lines of a text as an import reads them. */
async function* linesOf(text: string, limit = Number.POSITIVE_INFINITY): AsyncGenerator<ExportLine> {
  for (const [i, line] of text.split('\n').entries()) {
    if (i >= limit) return;
    yield { number: i + 1, text: line };
  }
}

async function withStore<T>(path: string, use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = SqliteEventStore.open(path);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  original = await withStore(source, async (store) => {
    await recordSample(store);
    return allEvents(store);
  });
  const run = await lvzhi(source, 'export', '--format', 'jsonl', '--out', exported);
  expect(run.code, run.stderr).toBe(0);
});
afterAll(() => temp.remove());

describe('Given a recorded, corrected and sealed record exported as jsonl', () => {
  it('each line is the full envelope of one event, in global order, keys in envelope order', () => {
    const lines = jsonLines(readFileSync(exported, 'utf8')) as RecordedEvent[];
    expect(lines).toEqual(original);
    expect(Object.keys(lines[0]!)).toEqual([
      'eventId',
      'streamId',
      'streamVersion',
      'globalPosition',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'prevHash',
      'hash',
    ]);
    expect(lines.map((e) => e.type)).toEqual(expect.arrayContaining(['RecordCorrected', 'LogSealed']));
  });

  it('lvzhi import into a fresh SQLite file reproduces every hash, and the copy verifies against its seal', async () => {
    const target = join(temp.dir, 'copy.db');
    const run = await lvzhi(target, 'import', exported, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'imported',
      events: original.length,
      imported: original.length,
      alreadyPresent: 0,
    });
    await withStore(target, async (store) => {
      const copy = await allEvents(store);
      expect(copy.map((e) => [e.eventId, e.streamId, e.streamVersion, e.hash])).toEqual(
        original.map((e) => [e.eventId, e.streamId, e.streamVersion, e.hash]),
      );
      expect(copy).toEqual(original);
      const report = await verifyLog(store);
      expect(report.findings).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.seal).toBeDefined();
    });
  });

  it('an interrupted import resumes where it stopped: the events already there are skipped, not doubled', async () => {
    const target = join(temp.dir, 'resumed.db');
    const text = readFileSync(exported, 'utf8');
    const first = await withStore(target, (store) => importLog(store, linesOf(text, 40), { batchSize: 7 }));
    expect(first).toMatchObject({ status: 'imported', summary: { imported: 40 } });
    const run = await lvzhi(target, 'import', exported);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${original.length - 40} imported, 40 already present (resumed)`);
    await withStore(target, async (store) => {
      expect((await allEvents(store)).map((e) => e.hash)).toEqual(original.map((e) => e.hash));
      expect((await verifyLog(store)).ok).toBe(true);
    });
    const again = await lvzhi(target, 'import', exported, '--format', 'json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, alreadyPresent: original.length });
  });

  it('refuses a target that holds anything but the beginning of this export, and writes nothing', async () => {
    const target = join(temp.dir, 'other.db');
    await withStore(target, async (store) => {
      await store.append('member-x', [
        {
          eventId: '01900000-0000-7000-8000-000000000001',
          type: 'LongLeaveDeclared',
          schemaVersion: 1,
          data: {},
          metadata: { recordedAt: '2019-01-01T00:00:00Z', recordedBy: 'someone' },
        },
      ]);
    });
    const run = await lvzhi(target, 'import', exported, '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'refused',
      imported: 0,
      refusal: { code: 'target-not-empty', line: 1, streamId: 'member-x' },
    });
    await withStore(target, async (store) => expect(await store.headPosition()).toBe(1));
  });

  it('refuses an edited export before writing anything, naming the first mismatching line and event', async () => {
    const lines = readFileSync(exported, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"status":"absent"'));
    const edited = join(temp.dir, 'edited.jsonl');
    lines[at] = lines[at]!.replace('"status":"absent"', '"status":"present"');
    writeFileSync(edited, lines.join('\n'));
    const target = join(temp.dir, 'edited.db');
    const run = await lvzhi(target, 'import', edited);
    expect(run.code).toBe(1);
    const event = original[at]!;
    expect(run.stderr).toContain(
      `hash-mismatch: line ${at + 1}: ${event.streamId} version ${event.streamVersion}`,
    );
    expect(run.stderr).toContain(event.eventId);
    await withStore(target, async (store) => expect(await store.headPosition()).toBe(0));

    const check = await lvzhi(target, 'import', '--check', edited, '--format', 'json', '--lang', 'zh');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({
      intact: false,
      refusal: { code: 'hash-mismatch', line: at + 1, eventId: event.eventId, expected: event.hash },
    });
  });

  it('refuses events out of order, a broken link and an invalid line, each with its line', async () => {
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
    const refusal = async (text: string) => {
      const outcome = await withStore(':memory:', (store) => importLog(store, linesOf(text)));
      return outcome.status === 'refused' ? outcome.refusal : undefined;
    };
    const swapped = [...lines];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(await refusal(swapped.join('\n'))).toMatchObject({ code: 'out-of-order', line: 5 });

    const memberStream = original.findIndex((e) => e.streamVersion === 2);
    const unlinked = original.map((e) => JSON.stringify(e));
    unlinked[memberStream] = JSON.stringify({ ...original[memberStream], prevHash: '1'.repeat(64) });
    expect(await refusal(unlinked.join('\n'))).toMatchObject({
      code: 'broken-chain',
      line: memberStream + 1,
      streamVersion: 2,
    });

    const invalid = [...lines];
    invalid[2] = JSON.stringify({ ...original[2], streamVersion: 'two' });
    expect(await refusal(invalid.join('\n'))).toMatchObject({
      code: 'invalid-line',
      line: 3,
      field: 'streamVersion',
    });
    expect(await refusal(`${lines[0]}\n{"eventId":`)).toMatchObject({ code: 'invalid-line', line: 2 });
    const badData = [...lines];
    badData[0] = JSON.stringify({
      ...original[0],
      data: { ...(original[0]!.data as object), level: 'galactic' },
    });
    expect(await refusal(badData.join('\n'))).toMatchObject({
      code: 'invalid-line',
      line: 1,
      field: 'data.level',
    });
  });

  it('imports a CloudEvents export too (--from cloudevents), with the same hashes', async () => {
    const ce = join(temp.dir, 'export.cloudevents.jsonl');
    expect((await lvzhi(source, 'export', '--format', 'cloudevents', '--out', ce)).code).toBe(0);
    const target = join(temp.dir, 'from-cloudevents.db');
    const run = await lvzhi(target, 'import', '--from', 'cloudevents', ce);
    expect(run.code, run.stderr).toBe(0);
    await withStore(target, async (store) => expect(await allEvents(store)).toEqual(original));
  });
});

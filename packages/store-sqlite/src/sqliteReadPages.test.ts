import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FoldedEvent, newEventId, type RecordedEvent } from '@lvzhi/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

const streams = ['member-a', 'member-b', 'proposal-p'];

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

/** What a fold reads of an event: the envelope without the hash chain. */
const folded = (e: FoldedEvent) => ({
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  globalPosition: e.globalPosition,
});

describe('Given a SQLite log of 120 events over three streams', () => {
  let dir = '';
  let store: SqliteEventStore;
  let all: RecordedEvent[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lvzhi-pages-'));
    store = SqliteEventStore.open(join(dir, 'log.db'));
    for (let i = 0; i < 120; i++) {
      await store.append(streams[i % 3]!, [
        {
          eventId: newEventId(),
          type: 'AttendanceRecorded',
          schemaVersion: 1,
          data: { n: i, 名: '委员' },
          metadata: {
            recordedAt: `2025-03-05T09:00:${String(i % 60).padStart(2, '0')}.000Z`,
            recordedBy: 'clerk',
          },
        },
      ]);
    }
    all = await drain(store.readAll());
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('readPages gives the events of readAll, in order, in pages of at most batchSize, for any window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 1, max: 50 }),
        async (after, span, batchSize) => {
          const to = after + span;
          const pages = await drain(store.readPages({ after, to, batchSize }));
          expect(pages.every((p) => p.length > 0 && p.length <= batchSize)).toBe(true);
          const expected = all.filter((e) => e.globalPosition > after && e.globalPosition <= to);
          expect(pages.flat().map(folded)).toEqual(expected.map(folded));
          expect(pages.flat().map((e) => e.metadata)).toEqual(expected.map((e) => e.metadata));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('withoutMetadata gives the same events, and reading their metadata throws naming the position', async () => {
    const pages = await drain(store.readPages({ withoutMetadata: true, batchSize: 7 }));
    expect(pages.flat().map(folded)).toEqual(all.map(folded));
    const first = pages[0]![0]!;
    expect(() => first.metadata).toThrow(
      `event at position ${first.globalPosition}: its metadata was not read`,
    );
  });
});

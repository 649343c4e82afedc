import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppendResult,
  ConcurrencyError,
  DuplicateEventIdError,
  type ExpectedVersion,
  findChainBreak,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';

const event = (id: string, n: number): ProposedEvent => ({
  eventId: id,
  type: 'SpeechRecorded',
  schemaVersion: 1,
  data: { n, text: `第${n}次发言`, nested: { values: [n, -n / 4, null, true] } },
  metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: '市政协办公厅' },
});

async function logOf(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
}

/** What an append came to, comparable across stores. */
function outcome(settled: PromiseSettledResult<AppendResult[]>) {
  if (settled.status === 'rejected') return { error: (settled.reason as Error).name };
  return settled.value.map((r) => ({
    streamId: r.streamId,
    next: r.nextExpectedVersion,
    events: r.events.map((e) => [e.eventId, e.streamVersion, e.globalPosition, e.prevHash, e.hash]),
  }));
}

type Expectation = 'current' | 'any' | 'ahead';
interface Op {
  readonly writer: 'this' | 'other';
  readonly streams: readonly {
    readonly stream: number;
    readonly count: number;
    readonly expect: Expectation;
  }[];
  /** Append the previous op of this writer again, as a retry would. */
  readonly retry: boolean;
}

const opArbitrary: fc.Arbitrary<Op> = fc.record({
  writer: fc.constantFrom<'this' | 'other'>('this', 'this', 'this', 'other'),
  streams: fc.array(
    fc.record({
      stream: fc.integer({ min: 0, max: 3 }),
      count: fc.integer({ min: 1, max: 3 }),
      expect: fc.constantFrom<Expectation>('current', 'current', 'current', 'any', 'ahead'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  retry: fc.boolean(),
});

/**
 * Runs `ops` on a fresh file: this writer's appends through `thisStore`, the others' through a second
 * connection. Expected versions come from the versions the log really has (tracked from what each append
 * returned), so that most appends succeed and the rest conflict.
 */
async function run(dir: string, name: string, appendThread: boolean, ops: readonly Op[]) {
  const path = join(dir, `${name}.db`);
  const mine = SqliteEventStore.open(path, { appendThread });
  const other = SqliteEventStore.open(path);
  const versions = new Map<number, number>();
  const previous = new Map<string, Parameters<SqliteEventStore['appendMany']>[0]>();
  const outcomes = [];
  let n = 0;
  for (const op of ops) {
    const store = op.writer === 'this' ? mine : other;
    let requests = op.retry ? previous.get(op.writer) : undefined;
    if (requests === undefined) {
      const planned = new Map<number, number>();
      requests = op.streams.map(({ stream, count, expect }) => {
        const current = planned.get(stream) ?? versions.get(stream) ?? 0;
        planned.set(stream, current + count);
        const expectedVersion: ExpectedVersion =
          expect === 'any' ? 'any' : expect === 'ahead' ? current + 1 : current === 0 ? 'no-stream' : current;
        const events = Array.from({ length: count }, () => event(`e-${++n}`, n));
        return { streamId: `member-${stream}`, events, expectedVersion };
      });
    }
    previous.set(op.writer, requests);
    const [settled] = await Promise.allSettled([store.appendMany(requests)]);
    if (settled!.status === 'fulfilled') {
      for (const r of settled!.value) {
        const stream = Number(r.streamId.slice('member-'.length));
        versions.set(stream, Math.max(versions.get(stream) ?? 0, r.nextExpectedVersion));
      }
    }
    outcomes.push(outcome(settled!));
  }
  const log = await logOf(mine);
  const onThread = mine.appendsOnThread;
  await mine.close();
  await other.close();
  return { outcomes, log, onThread };
}

describe('Given a SQLite store that appends on a writer thread', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lvzhi-thread-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('every append, conflict, retry and interleaved write of another connection comes out as on the store without it', async () => {
    let runs = 0;
    let onThread = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 2, maxLength: 12 }), async (ops) => {
        runs += 1;
        const threaded = await run(dir, `threaded-${runs}`, true, ops);
        const plain = await run(dir, `plain-${runs}`, false, ops);
        expect(threaded.outcomes).toEqual(plain.outcomes);
        expect(threaded.log).toEqual(plain.log);
        expect(plain.onThread).toBe(0);
        onThread += threaded.onThread;
        for (const stream of new Set(threaded.log.map((e) => e.streamId))) {
          expect(findChainBreak(threaded.log.filter((e) => e.streamId === stream))).toBeUndefined();
        }
      }),
      { numRuns: 40 },
    );
    // The comparison means something only if the thread took part.
    expect(onThread).toBeGreaterThan(0);
  }, 120_000);

  it('inserts from the second append on through the thread, with positions, versions and chains as given', async () => {
    const store = SqliteEventStore.open(join(dir, 'log.db'), { appendThread: true });
    await store.append('member-a', [event('a1', 1)], { expectedVersion: 'no-stream' });
    const [a, b] = await store.appendMany([
      { streamId: 'member-a', events: [event('a2', 2), event('a3', 3)], expectedVersion: 1 },
      { streamId: 'member-b', events: [event('b1', 4)], expectedVersion: 'no-stream' },
    ]);
    expect(store.appendsOnThread).toBe(1);
    expect(a!.events.map((e) => [e.streamVersion, e.globalPosition])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(b!.events.map((e) => [e.streamVersion, e.globalPosition])).toEqual([[1, 4]]);
    expect(a!.nextExpectedVersion).toBe(3);
    const log = await logOf(store);
    expect(log.slice(1)).toEqual([...a!.events, ...b!.events]);
    expect(findChainBreak(log.filter((e) => e.streamId === 'member-a'))).toBeUndefined();
    await store.close();
  });

  it('refuses a stale expected version and a repeated event id, writing nothing, as without the thread', async () => {
    const store = SqliteEventStore.open(join(dir, 'log.db'), { appendThread: true });
    await store.append('member-a', [event('a1', 1)]);
    await store.append('member-a', [event('a2', 2)]);
    await expect(store.append('member-a', [event('a3', 3)], { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(
      store.appendMany([
        { streamId: 'member-b', events: [event('b1', 4)], expectedVersion: 'no-stream' },
        { streamId: 'member-c', events: [event('b1', 5)], expectedVersion: 'no-stream' },
      ]),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    // A stream that exists although 'no-stream' was expected (the thread assumes it new): a conflict.
    await expect(
      store.append('member-a', [event('a4', 6)], { expectedVersion: 'no-stream' }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await logOf(store)).map((e) => e.eventId)).toEqual(['a1', 'a2']);
    await store.close();
  });

  it('closing waits for the append in flight, which lands, and ends the thread', async () => {
    const path = join(dir, 'log.db');
    const store = SqliteEventStore.open(path, { appendThread: true });
    await store.append('member-a', [event('a1', 1)]);
    const inFlight = store.append('member-a', [event('a2', 2)], { expectedVersion: 1 });
    const closed = store.close();
    expect((await inFlight).events.map((e) => e.globalPosition)).toEqual([2]);
    await closed;
    await expect(store.append('member-a', [event('a3', 3)])).rejects.toThrow(/closed/);
    const reopened = SqliteEventStore.open(path);
    expect((await logOf(reopened)).map((e) => e.eventId)).toEqual(['a1', 'a2']);
    await reopened.close();
  });

  it('does not start a thread for an in-memory store (no file for a second connection)', async () => {
    const memory = SqliteEventStore.open(':memory:', { appendThread: true });
    for (let i = 1; i <= 3; i++) await memory.append('member-a', [event(`a${i}`, i)]);
    expect(memory.appendsOnThread).toBe(0);
    await memory.close();
  });
});

import { newEventId, type ProposedEvent, type RecordedEvent } from '@lvzhi/core';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './postgresEventStore.ts';
import { usePostgres } from './testFixtures/usePostgres.ts';

const postgres = usePostgres();

function proposed(): ProposedEvent {
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { n: Math.random() },
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'gap-test' },
  };
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A gate that an append's transaction waits at, after its writes and before COMMIT. */
function gate() {
  let reach: () => void = () => {};
  let open: () => void = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    reached,
    open,
    beforeCommit: async () => {
      reach();
      await opened;
    },
  };
}

/**
 * Writer A takes a position, then waits before COMMIT; writer B takes a higher position and commits; a
 * reader catches up in between and again after A commits. Returns what the reader saw each time.
 */
async function lateCommitScenario(unsafeNoGapGuard: boolean) {
  const schema = postgres.freshSchema();
  const slow = gate();
  const a = await postgres.openStore({ schema, hooks: { beforeCommit: slow.beforeCommit } });
  const b = await postgres.openStore({ schema });
  const reader = await postgres.openStore({ schema, unsafeNoGapGuard });
  try {
    const pendingA = a.store.append('member-a', [proposed()]);
    await slow.reached;
    const committedB = await b.store.append('member-b', [proposed()]);
    const first = await drain(reader.store.readAll());
    const head = await reader.store.headPosition();
    const checkpoint = first.at(-1)?.globalPosition ?? 0;
    slow.open();
    const committedA = await pendingA;
    const second = await drain(reader.store.readAll({ after: checkpoint }));
    return { committedA, committedB, first, head, second, all: await drain(reader.store.readAll()) };
  } finally {
    await Promise.all([a.store.close(), b.store.close(), reader.store.close()]);
    await a.cleanup();
  }
}

describe('Given a transaction that commits after a later position was committed', () => {
  it('a catch-up reader stops below the slower transaction, then reads both in position order', async () => {
    const { committedA, committedB, first, head, second } = await lateCommitScenario(false);
    const [eventA] = committedA.events;
    const [eventB] = committedB.events;
    expect(eventA!.globalPosition).toBeLessThan(eventB!.globalPosition);
    expect(first).toEqual([]);
    expect(head).toBe(eventB!.globalPosition);
    expect(second).toEqual([eventA, eventB]);
  });

  it('without the guard the same reader skips it for good: the failure the guard prevents is real', async () => {
    const { committedA, committedB, first, second, all } = await lateCommitScenario(true);
    expect(first).toEqual(committedB.events);
    expect(second).toEqual([]);
    expect(all).toEqual([...committedA.events, ...committedB.events]);
  });
});

interface RunReport {
  readonly written: Set<string>;
  readonly byReadAll: string[];
  readonly byReadPages: string[];
  readonly bySubscribe: string[];
  readonly readAllOrdered: boolean;
  readonly readPagesOrdered: boolean;
  /** How many events the readAll loop had seen when the last writer finished. */
  readonly readWhileWriting: number;
}

/**
 * `writers` processes' worth of stores append concurrently, some transactions sleeping before COMMIT, while
 * one reader keeps catching up with `readAll` from its checkpoint, another with `readPages` (small pages, so
 * that pages requested ahead are dropped and requested again), and another follows `subscribe`.
 */
async function concurrentRun(unsafeNoGapGuard: boolean, unsafeLatePositions = false): Promise<RunReport> {
  const writers = 8;
  const rounds = 25;
  const schema = postgres.freshSchema();
  const sleepy = {
    unsafeLatePositions,
    beforeCommit: async (client: pg.ClientBase) => {
      if (Math.random() < 0.35) await client.query('SELECT pg_sleep($1)', [Math.random() * 0.06]);
    },
  };
  const stores: PostgresEventStore[] = [];
  const first = await postgres.openStore({ schema, hooks: sleepy });
  stores.push(first.store);
  for (let i = 1; i < writers; i++) {
    stores.push((await postgres.openStore({ schema, hooks: sleepy })).store);
  }
  const reader = (await postgres.openStore({ schema, unsafeNoGapGuard })).store;
  const follower = (await postgres.openStore({ schema, unsafeNoGapGuard })).store;
  const pager = (await postgres.openStore({ schema, unsafeNoGapGuard })).store;
  const written = new Set<string>();
  let writing = true;
  try {
    const controller = new AbortController();
    const bySubscribe: string[] = [];
    const following = (async () => {
      for await (const e of follower.subscribe({ signal: controller.signal, pollIntervalMs: 20 })) {
        bySubscribe.push(e.eventId);
      }
    })();
    const byReadAll: string[] = [];
    let readAllOrdered = true;
    const catchingUp = (async () => {
      let checkpoint = 0;
      const catchUp = async () => {
        for (const e of await drain(reader.readAll({ after: checkpoint, batchSize: 5 }))) {
          if (e.globalPosition <= checkpoint) readAllOrdered = false;
          checkpoint = e.globalPosition;
          byReadAll.push(e.eventId);
        }
      };
      while (writing) {
        await catchUp();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await catchUp();
    })();
    const byReadPages: string[] = [];
    let readPagesOrdered = true;
    const paging = (async () => {
      let checkpoint = 0;
      const catchUp = async () => {
        for await (const page of pager.readPages({
          after: checkpoint,
          batchSize: 3,
          withoutMetadata: true,
        })) {
          for (const e of page) {
            if (e.globalPosition <= checkpoint) readPagesOrdered = false;
            checkpoint = e.globalPosition;
            byReadPages.push(e.eventId);
          }
        }
      };
      while (writing) {
        await catchUp();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await catchUp();
    })();
    await Promise.all(
      stores.map(async (store, w) => {
        for (let r = 0; r < rounds; r++) {
          const requests = Array.from({ length: 1 + ((w + r) % 3) }, () => ({
            streamId: `member-${Math.floor(Math.random() * 12)}`,
            events: Array.from({ length: 1 + Math.floor(Math.random() * 3) }, proposed),
          }));
          for (const result of await store.appendMany(requests)) {
            for (const e of result.events) written.add(e.eventId);
          }
        }
      }),
    );
    writing = false;
    const readWhileWriting = byReadAll.length;
    await catchingUp;
    await paging;
    // Let the subscription finish: until it has as many events as were written, or makes no progress for 1 s.
    for (let seen = -1, idle = 0; bySubscribe.length < written.size && idle < 50; ) {
      idle = bySubscribe.length === seen ? idle + 1 : 0;
      seen = bySubscribe.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    await following;
    return {
      written,
      byReadAll,
      byReadPages,
      bySubscribe,
      readAllOrdered,
      readPagesOrdered,
      readWhileWriting,
    };
  } finally {
    writing = false;
    await Promise.all([...stores, reader, follower, pager].map((s) => s.close()));
    await first.cleanup();
  }
}

function missingAndDuplicated(written: Set<string>, seen: readonly string[]) {
  const seenSet = new Set(seen);
  return {
    missing: [...written].filter((id) => !seenSet.has(id)).length,
    duplicated: seen.length - seenSet.size,
    unknown: [...seenSet].filter((id) => !written.has(id)).length,
  };
}

describe('Given many concurrent writers, some of them slow to commit', () => {
  it('readAll and readPages catch-up loops and a subscription each see every event exactly once, in position order', async () => {
    const run = await concurrentRun(false);
    expect(run.written.size).toBeGreaterThan(300);
    expect(run.readAllOrdered).toBe(true);
    expect(run.readPagesOrdered).toBe(true);
    expect(missingAndDuplicated(run.written, run.byReadPages)).toEqual({
      missing: 0,
      duplicated: 0,
      unknown: 0,
    });
    expect(run.readWhileWriting, 'the reader kept up while writers were busy').toBeGreaterThan(0);
    expect(missingAndDuplicated(run.written, run.byReadAll)).toEqual({
      missing: 0,
      duplicated: 0,
      unknown: 0,
    });
    expect(missingAndDuplicated(run.written, run.bySubscribe)).toEqual({
      missing: 0,
      duplicated: 0,
      unknown: 0,
    });
  });

  it('without the guard the same run loses events (so the test above can fail)', async () => {
    const run = await concurrentRun(true);
    const lost =
      missingAndDuplicated(run.written, run.byReadAll).missing +
      missingAndDuplicated(run.written, run.byReadPages).missing +
      missingAndDuplicated(run.written, run.bySubscribe).missing;
    expect(lost).toBeGreaterThan(0);
  });

  it('with positions taken after the transaction id, the xmin guard alone loses events too', async () => {
    const run = await concurrentRun(false, true);
    const lost =
      missingAndDuplicated(run.written, run.byReadAll).missing +
      missingAndDuplicated(run.written, run.bySubscribe).missing;
    expect(lost).toBeGreaterThan(0);
  });
});

describe('Given a stored log read after every writer has finished', () => {
  it('positions strictly increase with transaction ids (the invariant the guard relies on)', async () => {
    const { store, cleanup } = await postgres.openStore();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append(`member-${i % 4}`, [proposed(), proposed()])),
      );
      const rows = await postgres.sql<{ ordered: boolean }>(
        `SELECT bool_and(ok) AS ordered FROM (
          SELECT transaction_id >= lag(transaction_id, 1, '0'::xid8) OVER (ORDER BY global_position) AS ok
          FROM "${store.schema}".events) x`,
      );
      expect(rows[0]!.ordered).toBe(true);
      const events: RecordedEvent[] = await drain(store.readAll());
      expect(events).toHaveLength(40);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

import { CorruptEventError, newEventId, type ProposedEvent, StoreUnavailableError } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { PostgresEventStore } from './postgresEventStore.ts';
import { usePostgres } from './testFixtures/usePostgres.ts';
import { startPostgres } from './testServer.ts';

const postgres = usePostgres();

function proposed(data: unknown = { n: 1 }): ProposedEvent {
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data,
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
  };
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function failureOf(work: () => unknown): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('Given a server that cannot be used', () => {
  it('an unreachable server is a StoreUnavailableError naming the address and the cause', async () => {
    const { port } = postgres.server();
    const closedPort = port === 1 ? 2 : 1;
    const error = await failureOf(() =>
      PostgresEventStore.connect(`postgres://someone@127.0.0.1:${closedPort}/db`),
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toContain(`127.0.0.1:${closedPort}/db`);
    expect(error.message).toMatch(/connection refused/);
  });

  it('a wrong password is a StoreUnavailableError that says so and does not print the password', async () => {
    const url = postgres.url().replace(/:[^:@/]+@/, ':not-the-password@');
    const error = await failureOf(() => PostgresEventStore.connect(url));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toMatch(/authentication failed/);
    expect(error.message).not.toContain('not-the-password');
    expect(error.message).toContain(`127.0.0.1:${postgres.server().port}/lvzhi_test`);
  });

  it('a missing database is a StoreUnavailableError that says so', async () => {
    const error = await failureOf(() => PostgresEventStore.connect(postgres.server().url('no_such_db')));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toMatch(/database does not exist/);
  });

  it('a schema written by a newer build is refused', async () => {
    const { store, schema, cleanup } = await postgres.openStore();
    await store.close();
    await postgres.sql(
      `INSERT INTO "${schema}".event_store_migrations (version, name) VALUES (99, 'future')`,
    );
    const error = await failureOf(() => PostgresEventStore.connect(postgres.url(), { schema }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toMatch(/version 99, newer than/);
    await cleanup();
  });
});

describe('Given a connection that dies in the middle of an append', () => {
  it('the append fails with StoreUnavailableError, writes nothing, and the store recovers', async () => {
    let kill = false;
    const { store, cleanup } = await postgres.openStore({
      hooks: {
        beforeCommit: async (client) => {
          if (!kill) return;
          kill = false;
          const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [
            { pid: number },
          ];
          await postgres.sql('SELECT pg_terminate_backend($1)', [pid]);
        },
      },
    });
    try {
      const kept = await store.append('member-1', [proposed()]);
      kill = true;
      const lost = [proposed(), proposed()];
      const error = await failureOf(() =>
        store.appendMany([
          { streamId: 'member-1', events: lost.slice(0, 1) },
          { streamId: 'member-2', events: lost.slice(1) },
        ]),
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toContain('PostgreSQL event store');
      expect(await drain(store.readAll())).toEqual(kept.events);
      expect(await store.streamVersion('member-2')).toBe(0);
      expect(await drain(store.listStreams())).toEqual([{ streamId: 'member-1', version: 1 }]);
      const retried = await store.appendMany([
        { streamId: 'member-1', events: lost.slice(0, 1) },
        { streamId: 'member-2', events: lost.slice(1) },
      ]);
      expect(retried.map((r) => r.nextExpectedVersion)).toEqual([2, 1]);
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('a server that goes away makes every operation, and a waiting subscription, fail with StoreUnavailableError', async () => {
    const doomed = await startPostgres();
    try {
      const store = await PostgresEventStore.connect(await doomed.createDatabase('doomed'));
      await store.append('member-1', [proposed()]);
      const iterator = store.subscribe({ pollIntervalMs: 50 })[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      const waiting = iterator.next().then(
        () => undefined,
        (e: unknown) => e,
      );
      await doomed.stop();
      expect(await waiting).toBeInstanceOf(StoreUnavailableError);
      for (const operation of [
        () => store.append('member-1', [proposed()]),
        () => drain(store.readAll()),
        () => drain(store.readPages()),
        () => drain(store.readPages({ withoutMetadata: true })),
        () => store.headPosition(),
        () => store.streamVersion('member-1'),
      ]) {
        const error = await failureOf(operation);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(error.message).toContain(`127.0.0.1:${doomed.port}/doomed`);
      }
      await store.close();
      const closed = await failureOf(() => drain(store.readPages()));
      expect(closed).toBeInstanceOf(StoreUnavailableError);
    } finally {
      await doomed.stop();
    }
  });
});

describe('Given a stored row that does not decode', () => {
  it('reading it is a CorruptEventError naming its position', async () => {
    const { store, schema, cleanup } = await postgres.openStore();
    try {
      const [event] = (await store.append('member-1', [proposed()])).events;
      await postgres.sql(`UPDATE "${schema}".events SET data = '{not json' WHERE event_id = $1`, [
        event!.eventId,
      ]);
      const error = await failureOf(() => drain(store.readAll()));
      expect(error).toBeInstanceOf(CorruptEventError);
      expect((error as CorruptEventError).position).toBe(event!.globalPosition);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

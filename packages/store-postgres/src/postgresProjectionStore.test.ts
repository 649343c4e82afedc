import { defineProjection, ProjectionRuntime, type ProposedEvent, projectLog } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { PostgresEventStore } from './postgresEventStore.ts';
import { PostgresProjectionStore } from './postgresProjectionStore.ts';
import { usePostgres } from './testFixtures/usePostgres.ts';

const postgres = usePostgres();

const tick = (value: number): ProposedEvent => ({
  eventId: crypto.randomUUID(),
  type: 'Tick',
  schemaVersion: 1,
  data: { value },
  metadata: { recordedAt: '2020-01-01T00:00:00.000Z', recordedBy: 'test' },
});

/** Keeps every tick by event id (a large record-valued field) and a running sum. */
const ledger = defineProjection<{ byId: Record<string, number>; sum: number }>({
  name: 'ledger',
  version: 1,
  handles: new Set(['Tick']),
  init: () => ({ byId: {}, sum: 0 }),
  apply: (s, e) => {
    const v = (e.data as { value: number }).value;
    s.byId[e.eventId] = v;
    s.sum += v;
    return s;
  },
});

async function withStore(use: (store: PostgresEventStore, schema: string) => Promise<void>): Promise<void> {
  const { store, schema, cleanup } = await postgres.openStore();
  try {
    await use(store, schema);
  } finally {
    await store.close();
    await cleanup();
  }
}

describe('Given projection states kept in the store schema', () => {
  it('a state with a record field larger than one part round-trips exactly, with its checkpoint and anomalies', async () => {
    await withStore(async (store, schema) => {
      const states = new PostgresProjectionStore(store);
      const byId = Object.fromEntries(Array.from({ length: 45_001 }, (_, i) => [`e${i}`, i]));
      const anomalies = [{ position: 3, eventId: 'x', type: 'Tick', message: 'odd' }];
      await states.save([{ name: 'ledger', version: 2, checkpoint: 99, state: { byId, sum: 7 }, anomalies }]);
      expect(await states.load('ledger')).toEqual({
        name: 'ledger',
        version: 2,
        checkpoint: 99,
        state: { byId, sum: 7 },
        anomalies,
      });
      const [row] = await postgres.sql<{ parts: number }>(
        `SELECT count(*)::integer AS parts FROM "${schema}".projection_state_parts WHERE name = 'ledger' AND key = 'byId'`,
      );
      expect(row!.parts).toBe(3);
    });
  });

  it('a state that is not an object round-trips too', async () => {
    await withStore(async (store) => {
      const states = new PostgresProjectionStore(store);
      for (const state of [42, null, ['a', { b: 1 }], 'text']) {
        await states.save([{ name: 'p', version: 1, checkpoint: 1, state, anomalies: [] }]);
        expect((await states.load('p'))?.state).toEqual(state);
      }
    });
  });

  it('a rebuild lives beside the served state until promoted, then replaces it', async () => {
    await withStore(async (store) => {
      const states = new PostgresProjectionStore(store);
      await states.save([{ name: 'p', version: 1, checkpoint: 1, state: { n: 1 }, anomalies: [] }]);
      await states.save(
        [{ name: 'p', version: 1, checkpoint: 5, state: { n: 5 }, anomalies: [] }],
        'rebuild',
      );
      expect((await states.load('p'))?.state).toEqual({ n: 1 });
      await states.promote('p');
      expect((await states.load('p'))?.state).toEqual({ n: 5 });
      expect(await states.load('p', 'rebuild')).toBeUndefined();
      await states.promote('p');
      expect((await states.load('p'))?.checkpoint).toBe(5);
    });
  });

  it('a failed save leaves the previous state and checkpoint untouched', async () => {
    await withStore(async (store) => {
      const states = new PostgresProjectionStore(store);
      await states.save([{ name: 'p', version: 1, checkpoint: 1, state: { n: 1 }, anomalies: [] }]);
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(
        states.save([
          { name: 'p', version: 1, checkpoint: 9, state: { n: 9 }, anomalies: [] },
          { name: 'q', version: 1, checkpoint: 9, state: { bad: cyclic }, anomalies: [] },
        ]),
      ).rejects.toThrow();
      expect(await states.load('p')).toMatchObject({ checkpoint: 1, state: { n: 1 } });
      expect(await states.load('q')).toBeUndefined();
    });
  });

  it('a runtime reopened on the same schema resumes from the saved checkpoint and equals a full fold', async () => {
    const schema = postgres.freshSchema();
    const store = await PostgresEventStore.connect(postgres.url(), { schema });
    for (let i = 0; i < 30; i++) await store.append(`s-${i % 3}`, [tick(i)]);
    await new ProjectionRuntime(store, new PostgresProjectionStore(store), [ledger]).catchUp();
    for (let i = 30; i < 50; i++) await store.append(`s-${i % 3}`, [tick(i)]);
    await store.close();

    const reopened = await PostgresEventStore.connect(postgres.url(), { schema });
    try {
      const runtime = new ProjectionRuntime(reopened, new PostgresProjectionStore(reopened), [ledger]);
      await runtime.catchUp();
      const full = await projectLog(reopened, [ledger]);
      expect(runtime.state('ledger')).toEqual(full.states.get('ledger'));
      expect((await runtime.status())[0]).toMatchObject({
        checkpoint: await reopened.headPosition(),
        lag: 0,
      });
    } finally {
      await reopened.close();
      await postgres.sql(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('a rebuild interrupted midway resumes from its saved checkpoint and ends equal to an uninterrupted one', async () => {
    await withStore(async (store) => {
      const appended = [];
      for (let i = 0; i < 100; i++) appended.push(...(await store.append('s', [tick(i)])).events);
      const fiftieth = appended[49]!.globalPosition;
      let crashed = false;
      const crashing = new ProjectionRuntime(store, new PostgresProjectionStore(store), [ledger], {
        saveEvery: 25,
        onProgress: (position) => {
          if (position >= fiftieth && !crashed) {
            crashed = true;
            throw new Error('killed');
          }
        },
      });
      await expect(crashing.rebuild()).rejects.toThrow('killed');
      const states = new PostgresProjectionStore(store);
      expect((await states.load('ledger', 'rebuild'))?.checkpoint).toBe(fiftieth);
      const resumed = new ProjectionRuntime(store, states, [ledger]);
      await resumed.rebuild();
      expect(resumed.state('ledger')).toEqual((await projectLog(store, [ledger])).states.get('ledger'));
    });
  });
});

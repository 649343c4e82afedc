import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineProjection, ProjectionRuntime, type ProposedEvent, projectLog } from '@lvzhi/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore.ts';
import { SqliteProjectionStore } from './sqliteProjectionStore.ts';

const dirs: string[] = [];
function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-proj-'));
  dirs.push(dir);
  return join(dir, 'lvzhi.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

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

describe('Given projection states kept in the SQLite file', () => {
  it('a state with a record field larger than one part round-trips exactly, with its checkpoint and anomalies', async () => {
    const store = SqliteEventStore.open(freshFile());
    const states = new SqliteProjectionStore(store);
    const byId = Object.fromEntries(Array.from({ length: 45_001 }, (_, i) => [`e${i}`, i]));
    const anomalies = [{ position: 3, eventId: 'x', type: 'Tick', message: 'odd' }];
    await states.save([{ name: 'ledger', version: 2, checkpoint: 99, state: { byId, sum: 7 }, anomalies }]);
    const loaded = await states.load('ledger');
    expect(loaded).toEqual({
      name: 'ledger',
      version: 2,
      checkpoint: 99,
      state: { byId, sum: 7 },
      anomalies,
    });
    const parts = store.database
      .prepare("SELECT count(*) FROM projection_state_parts WHERE name = 'ledger' AND key = 'byId'")
      .pluck()
      .get();
    expect(parts).toBe(3);
    await store.close();
  });

  it('a rebuild lives beside the served state until promoted, then replaces it', async () => {
    const store = SqliteEventStore.open(freshFile());
    const states = new SqliteProjectionStore(store);
    await states.save([{ name: 'p', version: 1, checkpoint: 1, state: { n: 1 }, anomalies: [] }]);
    await states.save([{ name: 'p', version: 1, checkpoint: 5, state: { n: 5 }, anomalies: [] }], 'rebuild');
    expect((await states.load('p'))?.state).toEqual({ n: 1 });
    await states.promote('p');
    expect((await states.load('p'))?.state).toEqual({ n: 5 });
    expect(await states.load('p', 'rebuild')).toBeUndefined();
    await store.close();
  });

  it('a runtime reopened on the same file resumes from the saved checkpoint and equals a full fold', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    for (let i = 0; i < 30; i++) await store.append(`s-${i % 3}`, [tick(i)]);
    await new ProjectionRuntime(store, new SqliteProjectionStore(store), [ledger]).catchUp();
    for (let i = 30; i < 50; i++) await store.append(`s-${i % 3}`, [tick(i)]);
    await store.close();

    const reopened = SqliteEventStore.open(file);
    const runtime = new ProjectionRuntime(reopened, new SqliteProjectionStore(reopened), [ledger]);
    await runtime.catchUp();
    const full = await projectLog(reopened, [ledger]);
    expect(runtime.state('ledger')).toEqual(full.states.get('ledger'));
    expect((await runtime.status())[0]).toMatchObject({ checkpoint: 50, lag: 0 });
    await reopened.close();
  });

  it('a rebuild interrupted midway resumes from its saved checkpoint and ends equal to an uninterrupted one', async () => {
    const store = SqliteEventStore.open(freshFile());
    for (let i = 0; i < 100; i++) await store.append('s', [tick(i)]);
    let crashed = false;
    const crashing = new ProjectionRuntime(store, new SqliteProjectionStore(store), [ledger], {
      saveEvery: 25,
      onProgress: (position) => {
        if (position >= 50 && !crashed) {
          crashed = true;
          throw new Error('killed');
        }
      },
    });
    await expect(crashing.rebuild()).rejects.toThrow('killed');
    const states = new SqliteProjectionStore(store);
    expect((await states.load('ledger', 'rebuild'))?.checkpoint).toBe(50);
    const resumed = new ProjectionRuntime(store, states, [ledger]);
    await resumed.rebuild();
    expect(resumed.state('ledger')).toEqual((await projectLog(store, [ledger])).states.get('ledger'));
    await store.close();
  });
});

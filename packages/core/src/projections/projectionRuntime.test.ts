import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProposedEvent } from '../envelope/envelope.ts';
import { InMemoryEventStore } from '../eventStore/inMemoryEventStore.ts';
import { defineProjection } from './projection.ts';
import { ProjectionRuntime, projectLog } from './projectionRuntime.ts';
import { InMemoryProjectionStore } from './projectionStore.ts';

/** Counts Tick events per stream and sums their values; notes an anomaly for a negative value. */
const counter = defineProjection<{ count: Record<string, number>; sum: number }>({
  name: 'counter',
  version: 1,
  handles: new Set(['Tick']),
  init: () => ({ count: {}, sum: 0 }),
  apply: (state, event, ctx) => {
    const value = (event.data as { value: number }).value;
    if (value < 0) {
      ctx.anomaly(`negative value ${value}`);
      return state;
    }
    state.count[event.streamId] = (state.count[event.streamId] ?? 0) + 1;
    state.sum += value;
    return state;
  },
});

const tick = (value: number, recordedAt = '2020-01-01T00:00:00.000Z'): ProposedEvent => ({
  eventId: crypto.randomUUID(),
  type: 'Tick',
  schemaVersion: 1,
  data: { value },
  metadata: { recordedAt, recordedBy: 'test' },
});

async function seeded(values: readonly (readonly [string, number])[]) {
  const store = new InMemoryEventStore();
  for (const [stream, value] of values) await store.append(stream, [tick(value)]);
  return store;
}

const history = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 100 })), {
  maxLength: 60,
});

describe('Given a projection runtime over a log', () => {
  it('catching up in random-sized steps equals one full rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1 }),
        async (values, steps) => {
          const store = new InMemoryEventStore();
          const runtime = new ProjectionRuntime(store, new InMemoryProjectionStore(), [counter]);
          let i = 0;
          for (const step of steps.concat(values.length)) {
            for (const [stream, value] of values.slice(i, i + step))
              await store.append(stream, [tick(value)]);
            i += step;
            await runtime.catchUp();
          }
          const full = await projectLog(await seeded(values), [counter]);
          expect(runtime.state(counter.name)).toEqual(full.states.get(counter.name));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the answer as of position P equals a fold of the log prefix up to P', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), async (values, cut) => {
        const store = await seeded(values);
        const p = values.length === 0 ? 0 : cut % (values.length + 1);
        const asOf = await projectLog(store, [counter], { toPosition: p });
        const prefix = await projectLog(await seeded(values.slice(0, p)), [counter]);
        expect(asOf.states.get(counter.name)).toEqual(prefix.states.get(counter.name));
      }),
      { numRuns: 40 },
    );
  });

  it('applying events already applied changes nothing: a second catch-up is a no-op', async () => {
    const store = await seeded([
      ['a', 1],
      ['b', 2],
    ]);
    const states = new InMemoryProjectionStore();
    const runtime = new ProjectionRuntime(store, states, [counter]);
    await runtime.catchUp();
    await runtime.catchUp();
    expect(runtime.state(counter.name)).toEqual({ count: { a: 1, b: 1 }, sum: 3 });
    // A new runtime over the saved state resumes from the checkpoint rather than re-applying.
    const again = new ProjectionRuntime(store, states, [counter]);
    await again.catchUp();
    expect(again.state(counter.name)).toEqual({ count: { a: 1, b: 1 }, sum: 3 });
  });

  it('records an anomaly instead of throwing, and reports it with lag in the status', async () => {
    const store = await seeded([
      ['a', 5],
      ['a', -1],
    ]);
    const runtime = new ProjectionRuntime(store, new InMemoryProjectionStore(), [counter]);
    await runtime.catchUp();
    await store.append('b', [tick(1)]);
    const [status] = await runtime.status();
    expect(status).toMatchObject({ name: 'counter', checkpoint: 2, head: 3, lag: 1 });
    expect(status?.anomalies).toEqual([
      expect.objectContaining({ position: 2, message: 'negative value -1' }),
    ]);
  });

  it('a throwing apply becomes an anomaly and the runtime goes on', async () => {
    const fragile = defineProjection<number>({
      name: 'fragile',
      version: 1,
      handles: new Set(['Tick']),
      init: () => 0,
      apply: (n, e) => {
        if ((e.data as { value: number }).value === 13) throw new Error('unlucky');
        return n + 1;
      },
    });
    const store = await seeded([
      ['a', 13],
      ['a', 1],
    ]);
    const runtime = new ProjectionRuntime(store, new InMemoryProjectionStore(), [fragile]);
    await runtime.catchUp();
    expect(runtime.state('fragile')).toBe(1);
    expect((await runtime.status())[0]?.anomalies[0]?.message).toBe('apply failed: unlucky');
  });

  it('a rebuild interrupted midway resumes from its checkpoint and ends equal to an uninterrupted one', async () => {
    const values = Array.from({ length: 50 }, (_, i) => ['s', i] as const);
    const store = await seeded(values);
    const states = new InMemoryProjectionStore();
    let crashed = false;
    const crashing = new ProjectionRuntime(store, states, [counter], {
      saveEvery: 10,
      onProgress: (position) => {
        if (position >= 30 && !crashed) {
          crashed = true;
          throw new Error('killed');
        }
      },
    });
    await expect(crashing.rebuild()).rejects.toThrow('killed');
    expect((await states.load('counter', 'rebuild'))?.checkpoint).toBe(30);
    const resumed = new ProjectionRuntime(store, states, [counter]);
    await resumed.rebuild();
    const clean = await projectLog(store, [counter]);
    expect(resumed.state('counter')).toEqual(clean.states.get('counter'));
  });

  it('answers as known at an instant: events recorded later are ignored', async () => {
    const store = new InMemoryEventStore();
    await store.append('a', [tick(1, '2020-01-01T00:00:00.000Z')]);
    await store.append('a', [tick(10, '2020-06-01T00:00:00.000Z')]);
    const then = await projectLog(store, [counter], {
      recordedAtOrBefore: Date.parse('2020-03-01T00:00:00Z'),
    });
    expect(then.states.get('counter')).toEqual({ count: { a: 1 }, sum: 1 });
  });

  it('a projection whose version changed is rebuilt from the start', async () => {
    const store = await seeded([['a', 2]]);
    const states = new InMemoryProjectionStore();
    await new ProjectionRuntime(store, states, [counter]).catchUp();
    const doubled = defineProjection({ ...counter, version: 2 });
    const runtime = new ProjectionRuntime(store, states, [doubled]);
    await runtime.catchUp();
    expect(runtime.state('counter')).toEqual({ count: { a: 1 }, sum: 2 });
    expect((await states.load('counter'))?.version).toBe(2);
  });
});

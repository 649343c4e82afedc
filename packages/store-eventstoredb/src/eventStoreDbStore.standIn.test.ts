import {
  ConcurrencyError,
  CorruptEventError,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
  StoreUnavailableError,
} from '@lvzhi/core';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStoreDbStore, type EventStoreDbStoreOptions } from './eventStoreDbStore.ts';
import { INDEX_STREAM_CATEGORY } from './streamNames.ts';
import { EsdbStandIn, type EsdbStandInOptions } from './testStandIn/esdbStandIn.ts';

// The real `@eventstore/db-client` through the adapter, against the in-process STAND-IN (not EventStoreDB).

function proposed(count: number): ProposedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { meetingId: 'meeting-1', memberId: `member-${i}`, status: 'present' },
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
  }));
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

const opened: { standIn: EsdbStandIn; stores: EventStoreDbStore[] }[] = [];

async function open(
  standInOptions: EsdbStandInOptions = {},
  storeOptions: EventStoreDbStoreOptions = {},
): Promise<{ standIn: EsdbStandIn; store: EventStoreDbStore }> {
  const standIn = await EsdbStandIn.start(standInOptions);
  const store = await EventStoreDbStore.connect(standIn.connectionString, storeOptions);
  opened.push({ standIn, stores: [store] });
  return { standIn, store };
}

afterEach(async () => {
  for (const { standIn, stores } of opened.splice(0)) {
    for (const store of stores) await store.close();
    await standIn.stop();
  }
});

for (const batchAppend of [true, false]) {
  describe(`the real client through the adapter (appending with ${batchAppend ? 'BatchAppend' : 'Append'})`, () => {
    it('appends and reads back a stream, with 1-based versions and commit positions', async () => {
      const { store } = await open({ batchAppend });
      const events = proposed(3);
      const result = await store.append('member-1', events, { expectedVersion: 'no-stream' });
      expect(result.nextExpectedVersion).toBe(3);
      const read = await drain(store.readStream('member-1'));
      expect(read).toEqual(result.events);
      expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(ids(read)).toEqual(ids(events));
      expect(await store.readEvent(events[1]!.eventId)).toEqual(read[1]);
      expect(await store.streamVersion('member-1')).toBe(3);
    });

    it('turns a version conflict into ConcurrencyError in our versions, writing nothing', async () => {
      const { store } = await open({ batchAppend });
      await store.append('member-1', proposed(2));
      for (const expectedVersion of [1, 3, 'no-stream', 0] as const) {
        const error = await store
          .append('member-1', proposed(1), { expectedVersion })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 'member-1', expected: expectedVersion, actual: 2 });
      }
      expect(await store.streamVersion('member-1')).toBe(2);
    });

    it('still sees a conflict when the connection string asks the client not to throw on one', async () => {
      const { standIn } = await open({ batchAppend });
      const store = await EventStoreDbStore.connect(`${standIn.connectionString}&throwOnAppendFailure=false`);
      opened.at(-1)!.stores.push(store);
      await store.append('s', proposed(1));
      const outcomes = await Promise.allSettled([
        store.append('s', proposed(1), { expectedVersion: 1 }),
        store.append('s', proposed(1), { expectedVersion: 1 }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(outcomes.find((o) => o.status === 'rejected')!.reason).toMatchObject({ expected: 1, actual: 2 });
      expect(await store.streamVersion('s')).toBe(2);
    });

    it('lets exactly one of two racing appends win; the server refuses the other', async () => {
      const { store } = await open({ batchAppend });
      const outcomes = await Promise.allSettled([
        store.append('s', proposed(2), { expectedVersion: 'no-stream' }),
        store.append('s', proposed(2), { expectedVersion: 'no-stream' }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [lost] = outcomes.filter((o) => o.status === 'rejected');
      expect(lost!.reason).toBeInstanceOf(ConcurrencyError);
      expect(lost!.reason).toMatchObject({ expected: 'no-stream', actual: 2 });
    });

    it('reads a missing stream as empty, with version 0', async () => {
      const { store } = await open({ batchAppend });
      expect(await drain(store.readStream('member-missing'))).toEqual([]);
      expect(await drain(store.readStream('member-missing', { direction: 'backward' }))).toEqual([]);
      expect(await store.streamVersion('member-missing')).toBe(0);
    });
  });
}

describe('reading $all through the real client', () => {
  it('skips system events and reports non-contiguous commit positions', async () => {
    const { standIn, store } = await open();
    await store.append('a', proposed(2));
    await store.append('b', proposed(1));
    const all = await drain(store.readAll());
    expect(all.map((e) => e.streamId)).toEqual(['a', 'a', 'b']);
    expect(standIn.log.records.filter((r) => r.streamName.startsWith('$')).length).toBeGreaterThan(0);
    expect(all[1]!.globalPosition - all[0]!.globalPosition).toBeGreaterThan(1);
    expect(await store.headPosition()).toBe(all[2]!.globalPosition);
  });

  it('keeps stores with different stream prefixes apart on one server', async () => {
    const { standIn, store } = await open({}, { streamPrefix: 'county-1.' });
    const other = await EventStoreDbStore.connect(standIn.connectionString, { streamPrefix: 'county-2.' });
    opened[0]!.stores.push(other);
    const mine = proposed(2);
    await store.append('member-1', mine);
    await other.append('member-1', proposed(3));
    expect(ids(await drain(store.readAll()))).toEqual(ids(mine));
    expect(await drain(store.listStreams())).toEqual([{ streamId: 'member-1', version: 2 }]);
    expect(await other.streamVersion('member-1')).toBe(3);
    expect(standIn.log.stream('county-1.member-1')).toHaveLength(2);
  });
});

describe('subscribing through the real client', () => {
  async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
    const taken: RecordedEvent[] = [];
    while (taken.length < count) {
      const next = await iterator.next();
      if (next.done) throw new Error('the subscription ended');
      taken.push(next.value);
    }
    return taken;
  }

  it('comes back after the server drops the subscription, from the last event it delivered', async () => {
    const { standIn, store } = await open({}, { resubscribe: { initialDelayMs: 10 } });
    const before = proposed(2);
    await store.append('a', before);
    const controller = new AbortController();
    const iterator = store.subscribe({ signal: controller.signal })[Symbol.asyncIterator]();
    expect(ids(await take(iterator, 2))).toEqual(ids(before));
    standIn.dropSubscriptions();
    const after = proposed(2);
    await store.append('a', after);
    expect(ids(await take(iterator, 2))).toEqual(ids(after));
    controller.abort();
    expect((await iterator.next()).done).toBe(true);
  });

  it('comes back after the server restarts', async () => {
    const { standIn, store } = await open({}, { resubscribe: { initialDelayMs: 20, maxDelayMs: 200 } });
    await store.append('a', proposed(1));
    const controller = new AbortController();
    const iterator = store.subscribe({ signal: controller.signal })[Symbol.asyncIterator]();
    await take(iterator, 1);
    await standIn.stop();
    const waiting = take(iterator, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await standIn.restart();
    const later = proposed(1);
    await store.append('a', later);
    expect(ids(await waiting)).toEqual(ids(later));
    controller.abort();
  });
});

describe('an unreachable server', () => {
  it('fails connect with StoreUnavailableError', async () => {
    const error = await EventStoreDbStore.connect('esdb://127.0.0.1:1?tls=false').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain('esdb://127.0.0.1:1?tls=false');
  });

  it('fails connect with RangeError for a connection string the client cannot parse, or a bad prefix', async () => {
    await expect(EventStoreDbStore.connect('esdb://')).rejects.toThrow(RangeError);
    await expect(EventStoreDbStore.connect('esdb://admin:secret@')).rejects.toThrow(/esdb:\/\/admin:\*\*\*@/);
    await expect(EventStoreDbStore.connect('esdb://localhost', { streamPrefix: '$x' })).rejects.toThrow(
      RangeError,
    );
  });

  it('fails every operation of a store whose server went away with StoreUnavailableError', async () => {
    const { standIn, store } = await open();
    await standIn.stop();
    const append = await store.append('a', proposed(1)).catch((e: unknown) => e);
    expect(append).toBeInstanceOf(StoreUnavailableError);
    await expect(drain(store.readStream('a'))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(drain(store.readAll())).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('Given an append whose index links were lost', () => {
  it('retrying it returns the stored events and repairs the index, writing no duplicate', async () => {
    const { standIn, store } = await open();
    const events = proposed(2);
    standIn.refuseAppends((stream) => stream.startsWith(INDEX_STREAM_CATEGORY), 1);
    await expect(store.append('a', events, { expectedVersion: 'no-stream' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(standIn.log.stream('a')).toHaveLength(2);
    const retry = await store.append('a', events, { expectedVersion: 'no-stream' });
    expect(ids(retry.events)).toEqual(ids(events));
    expect(standIn.log.stream('a')).toHaveLength(2);
    for (const e of events) expect(await store.readEvent(e.eventId)).toMatchObject({ eventId: e.eventId });
  });
});

describe('what the adapter refuses', () => {
  it('refuses ids that do not round-trip, reserved stream ids, and appends through a read-only store', async () => {
    const { standIn, store } = await open();
    const upper = { ...proposed(1)[0]!, eventId: newEventId().toUpperCase() };
    await expect(store.append('a', [upper])).rejects.toThrow(RangeError);
    await expect(store.append('$settings', proposed(1))).rejects.toThrow(RangeError);
    const readOnly = await EventStoreDbStore.connect(standIn.connectionString, { readOnly: true });
    opened[0]!.stores.push(readOnly);
    await expect(readOnly.append('a', proposed(1))).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('reports an event of its stream that is not an envelope as CorruptEventError at its position', async () => {
    const { standIn, store } = await open();
    await store.append('a', proposed(1));
    standIn.log.append(
      'a',
      [
        {
          id: newEventId(),
          type: 'AttendanceRecorded',
          contentType: 'application/json',
          data: new TextEncoder().encode('{}'),
          metadata: new TextEncoder().encode('{"written":"by another tool"}'),
        },
      ],
      0n,
    );
    const error = await drain(store.readStream('a')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptEventError);
    expect((error as CorruptEventError).position).toBe(Number(standIn.log.stream('a')![1]!.position));
  });
});

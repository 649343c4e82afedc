import { WrongExpectedVersionError } from '@eventstore/db-client';
import {
  type ChainedEvent,
  ConcurrencyError,
  chainEvents,
  EMPTY_HEAD,
  findChainBreak,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { type AppendIo, appendInOrder, MAX_APPEND_ATTEMPTS, type StreamTail } from './appendPlan.ts';
import type { ExpectedRevision } from './client.ts';

function proposed(count: number): ProposedEvent[] {
  return Array.from({ length: count }, () => ({
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { n: Math.random() },
    metadata: { recordedAt: '2025-03-05T09:00:00.000Z', recordedBy: 'clerk' },
  }));
}

/** A server in memory with the rules `appendInOrder` relies on, and a hook that runs just before each write. */
class FakeServer implements AppendIo {
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly indexed = new Map<string, RecordedEvent>();
  beforeWrite: (streamId: string) => Promise<void> = async () => undefined;
  #position = 1000;

  async lookup(eventIds: readonly string[]): Promise<(RecordedEvent | undefined)[]> {
    return eventIds.map((id) => this.indexed.get(id));
  }

  async tail(streamId: string, count: number): Promise<StreamTail> {
    const stream = this.streams.get(streamId) ?? [];
    const last = stream.at(-1);
    return {
      head: last ? { version: last.streamVersion, hash: last.hash } : EMPTY_HEAD,
      recent: stream.slice(Math.max(stream.length - count, 0)),
    };
  }

  async write(streamId: string, events: readonly ChainedEvent[], expected: ExpectedRevision): Promise<void> {
    await this.beforeWrite(streamId);
    this.#store(streamId, events, expected);
  }

  async index(_streamId: string, events: readonly ChainedEvent[]): Promise<void> {
    for (const e of events) {
      const stored = this.streams.get(e.streamId)?.[e.streamVersion - 1];
      if (stored) this.indexed.set(e.eventId, stored);
    }
  }

  async readBack(streamId: string, fromVersion: number, count: number): Promise<RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).slice(fromVersion - 1, fromVersion - 1 + count);
  }

  /** Another writer appends (and indexes) `count` events to the stream. */
  async otherWriter(streamId: string, count: number): Promise<void> {
    const { head } = await this.tail(streamId, 0);
    const chained = chainEvents(streamId, head, proposed(count));
    this.#store(streamId, chained, 'any');
    await this.index(streamId, chained);
  }

  #store(streamId: string, events: readonly ChainedEvent[], expected: ExpectedRevision): void {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    const ok =
      expected === 'any' || expected === current || (expected === 'stream_exists' && stream.length > 0);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected, current });
    for (const e of events) {
      this.#position += 37;
      stream.push({ ...e, globalPosition: this.#position });
    }
    this.streams.set(streamId, stream);
  }
}

/** A hook that lets another writer append to `streamId` before the first `times` writes to it. */
function raceOn(server: FakeServer, streamId: string, times = 1): (target: string) => Promise<void> {
  let left = times;
  return async (target) => {
    if (target !== streamId || left === 0) return;
    left -= 1;
    await server.otherWriter(streamId, 1);
  };
}

describe('Given another writer that appends between planning and writing', () => {
  it("an 'any' append chains again onto the new head, keeping the stream's hash chain whole", async () => {
    const server = new FakeServer();
    await server.otherWriter('s', 2);
    server.beforeWrite = raceOn(server, 's');
    const events = proposed(2);
    const [result] = await appendInOrder(server, [{ streamId: 's', events, expectedVersion: 'any' }]);
    expect(result!.events.map((e) => [e.eventId, e.streamVersion])).toEqual([
      [events[0]!.eventId, 4],
      [events[1]!.eventId, 5],
    ]);
    expect(findChainBreak(server.streams.get('s')!)).toBeUndefined();
  });

  it('an exact expectation fails with ConcurrencyError at the version the stream reached', async () => {
    const server = new FakeServer();
    await server.otherWriter('s', 2);
    server.beforeWrite = raceOn(server, 's');
    const error = await appendInOrder(server, [
      { streamId: 's', events: proposed(1), expectedVersion: 2 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 's', expected: 2, actual: 3 });
    expect(server.streams.get('s')).toHaveLength(3);
  });

  it('appendMany is not atomic across streams: a conflict on a later stream leaves the earlier one written', async () => {
    const server = new FakeServer();
    server.beforeWrite = raceOn(server, 'b');
    const a = proposed(2);
    const error = await appendInOrder(server, [
      { streamId: 'a', events: a, expectedVersion: 'no-stream' },
      { streamId: 'b', events: proposed(1), expectedVersion: 'no-stream' },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ streamId: 'b', expected: 'no-stream', actual: 1 });
    expect(server.streams.get('a')!.map((e) => e.eventId)).toEqual(a.map((e) => e.eventId));
    // Retrying the same call recognises the written request by its ids and fails only where it failed.
    const again = await appendInOrder(server, [
      { streamId: 'a', events: a, expectedVersion: 'no-stream' },
      { streamId: 'b', events: proposed(1), expectedVersion: 'any' },
    ]);
    expect(again[0]!.events.map((e) => e.eventId)).toEqual(a.map((e) => e.eventId));
    expect(server.streams.get('a')).toHaveLength(2);
    expect(server.streams.get('b')).toHaveLength(2);
  });

  it(`gives up after ${MAX_APPEND_ATTEMPTS} refused attempts with the server's ConcurrencyError`, async () => {
    const server = new FakeServer();
    server.beforeWrite = raceOn(server, 's', MAX_APPEND_ATTEMPTS);
    const error = await appendInOrder(server, [
      { streamId: 's', events: proposed(1), expectedVersion: 'any' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 's', expected: 'any', actual: MAX_APPEND_ATTEMPTS });
  });
});

describe('Given events written whose index links were lost (a crash between the two writes)', () => {
  it('a retry finds them at the tail of their stream, returns them and writes the missing links', async () => {
    const server = new FakeServer();
    const events = proposed(2);
    const chained = chainEvents('s', EMPTY_HEAD, events);
    await server.write('s', chained, 'no_stream');
    expect(await server.lookup([events[0]!.eventId])).toEqual([undefined]);
    const [retry] = await appendInOrder(server, [{ streamId: 's', events, expectedVersion: 'no-stream' }]);
    expect(retry!.events).toEqual(server.streams.get('s'));
    expect(retry!.nextExpectedVersion).toBe(2);
    expect(await server.lookup([events[1]!.eventId])).toEqual([server.streams.get('s')![1]]);
  });
});

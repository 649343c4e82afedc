import {
  type ChainBreak,
  type ChainedEvent,
  CommandHandler,
  findChainBreak,
  InMemoryEventStore,
  type RecordedEvent,
} from '@lvzhi/core';
import { historyArbitrary } from '@lvzhi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const CLOCK = Date.parse('2040-01-01T00:00:00Z');

/** Records a history and reads every stream back, in version order. */
async function recordedStreams(lines: readonly unknown[]): Promise<RecordedEvent[][]> {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store, { clock: () => CLOCK });
  for (const line of lines) await handler.handle(line);
  const streams: RecordedEvent[][] = [];
  for await (const { streamId } of store.listStreams()) {
    const events: RecordedEvent[] = [];
    for await (const e of store.readStream(streamId)) events.push(e);
    streams.push(events);
  }
  return streams;
}

/** The version at which a break is found: where the chain stops being the one that was recorded. */
const breakVersion = (b: ChainBreak | undefined) =>
  b === undefined ? undefined : b.kind === 'version-gap' ? b.expectedVersion : b.streamVersion;

type Tampering = (events: readonly ChainedEvent[], at: number, seed: string) => ChainedEvent[] | undefined;

/** Ways to alter a stream at index `at` (version `at + 1`); undefined when the stream is too short for it. */
const TAMPERINGS: Readonly<Record<string, Tampering>> = {
  'a field of the data changed': (events, at, seed) =>
    events.map((e, i) => (i === at ? { ...e, data: { ...(e.data as object), title: `${seed}改` } } : e)),
  'a field added to the data': (events, at, seed) =>
    events.map((e, i) => (i === at ? { ...e, data: { ...(e.data as object), [`x${seed}`]: true } } : e)),
  'the recorder changed': (events, at, seed) =>
    events.map((e, i) =>
      i === at ? { ...e, metadata: { ...e.metadata, recordedBy: `${e.metadata.recordedBy}${seed}` } } : e,
    ),
  'the recording instant changed': (events, at) =>
    events.map((e, i) =>
      i === at ? { ...e, metadata: { ...e.metadata, recordedAt: '1999-12-31T23:59:59.000Z' } } : e,
    ),
  'the type changed': (events, at) =>
    events.map((e, i) =>
      i === at ? { ...e, type: e.type === 'RecordRetracted' ? 'RecordCorrected' : 'RecordRetracted' } : e,
    ),
  'two events swapped': (events, at) =>
    at + 1 < events.length
      ? [...events.slice(0, at), events[at + 1]!, events[at]!, ...events.slice(at + 2)]
      : undefined,
  'two events swapped and renumbered': (events, at) =>
    at + 1 < events.length
      ? [
          ...events.slice(0, at),
          { ...events[at + 1]!, streamVersion: at + 1 },
          { ...events[at]!, streamVersion: at + 2 },
          ...events.slice(at + 2),
        ]
      : undefined,
  'an event deleted': (events, at) =>
    at + 1 < events.length ? [...events.slice(0, at), ...events.slice(at + 1)] : undefined,
  'an event deleted and the rest renumbered': (events, at) =>
    at + 1 < events.length
      ? [
          ...events.slice(0, at),
          ...events.slice(at + 1).map((e) => ({ ...e, streamVersion: e.streamVersion - 1 })),
        ]
      : undefined,
};

describe('Given any valid history recorded through a CommandHandler', () => {
  it('every stream’s hash chain is intact', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(), async (lines) => {
        for (const events of await recordedStreams(lines)) expect(findChainBreak(events)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });

  it.each(Object.keys(TAMPERINGS))('a stream with %s breaks at the version that was altered', async (how) => {
    const tamper = TAMPERINGS[how]!;
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary(),
        fc.nat(),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 4 }),
        async (lines, s, v, seed) => {
          const streams = await recordedStreams(lines);
          const events = streams[s % streams.length]!;
          const at = v % events.length;
          const altered = tamper(events, at, seed);
          fc.pre(altered !== undefined);
          expect(breakVersion(findChainBreak(altered!))).toBe(at + 1);
        },
      ),
      { numRuns: 10 },
    );
  });
});

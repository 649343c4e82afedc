import { CommandHandler, type CommandOutcome, InMemoryEventStore, type RecordedEvent } from '@lvzhi/core';
import {
  amendmentsArbitrary,
  historyArbitrary,
  type RecordLine,
  recordPurely,
  sequentialEventIds,
} from '@lvzhi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const CLOCK = Date.parse('2040-01-01T00:00:00Z');

async function recordAll(handler: CommandHandler, lines: readonly RecordLine[]): Promise<CommandOutcome[]> {
  const outcomes: CommandOutcome[] = [];
  for (const line of lines) outcomes.push(await handler.handle(line));
  return outcomes;
}

const statuses = (outcomes: readonly CommandOutcome[]) =>
  outcomes.map((o) =>
    o.status === 'rejected' ? `rejected: ${o.rejection.code} ${o.rejection.field ?? ''}` : o.status,
  );

/** A valid history and valid amendments of its events, as minted by a pure recording with sequential ids. */
const historyWithAmendments = historyArbitrary().chain((lines) => {
  const { events } = recordPurely(lines, { now: CLOCK });
  return amendmentsArbitrary(events, { recordedBy: '秘书处' }).map((amendments) => ({ lines, amendments }));
});

describe('Given any valid history recorded through a CommandHandler on an InMemoryEventStore', () => {
  it('records every command the first time, and nothing at all the second time', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(), async (lines) => {
        const store = new InMemoryEventStore();
        const first = await recordAll(new CommandHandler(store, { clock: () => CLOCK }), lines);
        expect(statuses(first)).toEqual(lines.map(() => 'recorded'));
        const head = await store.headPosition();
        const again = await recordAll(new CommandHandler(store, { clock: () => CLOCK }), lines);
        expect(statuses(again)).toEqual(lines.map(() => 'no-op'));
        expect(await store.headPosition()).toBe(head);
      }),
      { numRuns: 30 },
    );
  });

  it('records nothing the second time even after corrections and retractions of its acts', async () => {
    await fc.assert(
      fc.asyncProperty(historyWithAmendments, async ({ lines, amendments }) => {
        const store = new InMemoryEventStore();
        const options = { clock: () => CLOCK, newEventId: sequentialEventIds() };
        const all = [...lines, ...amendments];
        const first = await recordAll(new CommandHandler(store, options), all);
        expect(statuses(first)).toEqual(all.map(() => 'recorded'));
        const head = await store.headPosition();
        const again = await recordAll(new CommandHandler(store, { clock: () => CLOCK }), all);
        expect(statuses(again)).toEqual(all.map(() => 'no-op'));
        expect(await store.headPosition()).toBe(head);
      }),
      { numRuns: 30 },
    );
  });

  it('records the same events as the pure decider does', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(), async (lines) => {
        const store = new InMemoryEventStore();
        await recordAll(
          new CommandHandler(store, { clock: () => CLOCK, newEventId: sequentialEventIds() }),
          lines,
        );
        const stored: RecordedEvent[] = [];
        for await (const e of store.readAll()) stored.push(e);
        const pure = recordPurely(lines, { now: CLOCK, recordedBy: 'unused' });
        const shape = (e: RecordedEvent) => ({
          eventId: e.eventId,
          streamId: e.streamId,
          type: e.type,
          data: e.data,
        });
        expect(stored.map(shape)).toEqual(pure.events.map(shape));
      }),
      { numRuns: 20 },
    );
  });
});

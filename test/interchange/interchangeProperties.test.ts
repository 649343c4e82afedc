import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  InMemoryEventStore,
  projectLog,
  type RecordedEvent,
  sealLog,
  verifyLog,
} from '@lvzhi/core';
import {
  type ExportLine,
  fromCloudEvent,
  importLog,
  type PopoloDocument,
  toCloudEvent,
  toExportedEvent,
  toPopolo,
} from '@lvzhi/interchange';
import { amendmentsArbitrary, historyArbitrary, recordPurely, sequentialEventIds } from '@lvzhi/testing';
import { CloudEvent } from 'cloudevents';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allEvents } from './sampleRecord.ts';
import { cloudEventsSchemaValidator, type PopoloClass, popoloValidator } from './sharedSchemas.ts';

const CLOCK = Date.parse('2040-01-01T00:00:00Z');

/** A valid history with corrections and retractions of its acts. */
const historyWithAmendments = historyArbitrary().chain((lines) => {
  const { events } = recordPurely(lines, { now: CLOCK });
  return amendmentsArbitrary(events, { recordedBy: '秘书处' }).map((amendments) => [...lines, ...amendments]);
});

/** Records the lines (every one must be accepted) and seals the log. */
async function recorded(lines: readonly unknown[]): Promise<EventStore> {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store, { clock: () => CLOCK, newEventId: sequentialEventIds() });
  for (const line of lines) expect((await handler.handle(line)).status).toBe('recorded');
  await sealLog(store, { sealedBy: '审计员', now: () => CLOCK });
  return store;
}

async function* linesOf(events: readonly RecordedEvent[], limit = events.length): AsyncGenerator<ExportLine> {
  for (const [i, e] of events.slice(0, limit).entries()) {
    yield { number: i + 1, text: JSON.stringify(toExportedEvent(e)) };
  }
}

describe('Given any valid history with corrections and retractions, sealed', () => {
  it('a jsonl export imported in batches, interrupted anywhere and resumed, reproduces every event and hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyWithAmendments,
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        async (lines, cut, size) => {
          const events = await allEvents(await recorded(lines));
          const target = new InMemoryEventStore();
          const stop = cut % (events.length + 1);
          const first = await importLog(target, linesOf(events, stop), { batchSize: size });
          expect(first.status).toBe('imported');
          const rest = await importLog(target, linesOf(events), { batchSize: size });
          expect(rest).toMatchObject({ status: 'imported', summary: { imported: events.length - stop } });
          expect(await allEvents(target)).toEqual(events);
          expect((await verifyLog(target)).ok).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('every event as a CloudEvent passes the SDK and the schema, and maps back to itself', async () => {
    const validate = cloudEventsSchemaValidator();
    await fc.assert(
      fc.asyncProperty(historyWithAmendments, async (lines) => {
        for (const e of await allEvents(await recorded(lines))) {
          const ce = JSON.parse(JSON.stringify(toCloudEvent(e))) as Record<string, unknown>;
          expect(() => new CloudEvent(ce).validate()).not.toThrow();
          expect(validate(ce)).toEqual([]);
          expect(fromCloudEvent(ce)).toEqual({ ok: true, value: e });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the Popolo document validates against the Popolo schemas', async () => {
    const validate = popoloValidator();
    const classes: [keyof PopoloDocument, PopoloClass][] = [
      ['persons', 'person'],
      ['organizations', 'organization'],
      ['memberships', 'membership'],
      ['events', 'event'],
      ['speeches', 'speech'],
      ['motions', 'motion'],
    ];
    await fc.assert(
      fc.asyncProperty(historyWithAmendments, async (lines) => {
        const { states } = await projectLog(await recorded(lines), [dutyRecordProjection]);
        const doc = toPopolo(states.get(dutyRecordProjection.name) as DutyRecordState);
        for (const [key, cls] of classes)
          for (const item of doc[key]) expect(validate(item, cls)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

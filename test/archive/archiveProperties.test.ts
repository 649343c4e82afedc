import { archiveToMarkdown, listMembers, type MemberArchive, memberArchive } from '@lvzhi/archive';
import { type DutyRecordState, InMemoryEventStore, type RecordedEvent } from '@lvzhi/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArb, MEMBERS } from './historyArbitrary.ts';
import { dutyState, recordSteps, retract, retractable, withDependants } from './recordHistory.ts';

const YEARS = [2018, 2019, 2020, 2021, 2022];

/** Every archive a reader can ask for: each member's term archive and each of its years. */
function everyArchive(state: DutyRecordState): (MemberArchive | undefined)[] {
  return MEMBERS.flatMap((memberId) => [
    memberArchive(state, { memberId }),
    ...YEARS.map((year) => memberArchive(state, { memberId, year })),
  ]);
}

/** Every object in an archive that carries an event id and a retraction slot. */
function tracedIn(value: unknown, out: { eventId: string; retracted?: { reason: string } }[] = []) {
  if (Array.isArray(value)) for (const v of value) tracedIn(v, out);
  else if (value !== null && typeof value === 'object') {
    if ('eventId' in value && 'retracted' in value)
      out.push(value as { eventId: string; retracted?: { reason: string } });
    for (const v of Object.values(value)) tracedIn(v, out);
  }
  return out;
}

/** The same events appended in another order that keeps each stream's own order. */
async function interleaved(
  events: readonly RecordedEvent[],
  picks: readonly number[],
): Promise<InMemoryEventStore> {
  const queues = new Map<string, RecordedEvent[]>();
  for (const e of events) queues.set(e.streamId, [...(queues.get(e.streamId) ?? []), e]);
  const store = new InMemoryEventStore();
  for (let n = 0; queues.size > 0; n++) {
    const streams = [...queues.keys()];
    const streamId = streams[(picks[n] ?? 0) % streams.length]!;
    const queue = queues.get(streamId)!;
    const { eventId, type, schemaVersion, data, metadata } = queue.shift()!;
    await store.append(streamId, [{ eventId, type, schemaVersion, data, metadata }]);
    if (queue.length === 0) queues.delete(streamId);
  }
  return store;
}

async function readAll(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
}

describe('Given any duty history of three members', () => {
  it('the archive is deterministic: independent streams interleaved in any order give the same archives', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.array(fc.nat(), { minLength: 100, maxLength: 100 }),
        async (steps, picks) => {
          const { store } = await recordSteps(steps);
          const events = await readAll(store);
          const shuffled = await interleaved(events, picks);
          const [a, b] = [await dutyState(store), await dutyState(shuffled)];

          expect(listMembers(b)).toEqual(listMembers(a));
          expect(everyArchive(b)).toEqual(everyArchive(a));
          const archive = memberArchive(a, { memberId: 'ma' })!;
          expect(archiveToMarkdown(memberArchive(b, { memberId: 'ma' })!, 'zh')).toBe(
            archiveToMarkdown(archive, 'zh'),
          );
          // The same state, folded twice, gives the same answer.
          expect(everyArchive(await dutyState(store))).toEqual(everyArchive(a));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a retracted act counts as if never recorded in every total, and stays visible as retracted', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.boolean(), { maxLength: 80 }), async (steps, mask) => {
        const everything = await recordSteps(steps);
        const allowed = retractable(steps);
        const chosen = new Set(
          steps.flatMap((_, i) => (mask[i] && allowed[i] && everything.eventIds[i] !== undefined ? [i] : [])),
        );
        const retractedIds = [...chosen].map((i) => everything.eventIds[i]!);
        await retract(everything.store, retractedIds);

        const dropped = withDependants(steps, chosen);
        const accepted = (i: number) => everything.eventIds[i] !== undefined && !dropped.has(i);
        const never = await recordSteps(steps, accepted);
        // Everything accepted before is accepted again without the dropped steps.
        expect(steps.map((_, i) => never.eventIds[i] !== undefined)).toEqual(
          steps.map((_, i) => accepted(i)),
        );

        const withRetractions = everyArchive(await dutyState(everything.store));
        const neverRecorded = everyArchive(await dutyState(never.store));
        expect(withRetractions.map((a) => a?.totals)).toEqual(neverRecorded.map((a) => a?.totals));

        const shown = new Map<string, string | undefined>();
        for (const a of withRetractions)
          for (const t of tracedIn(a)) if (t.retracted) shown.set(t.eventId, t.retracted.reason);
        for (const id of retractedIds) expect(shown.get(id)).toBe(`retract ${id}`);
      }),
      { numRuns: 25 },
    );
  });
});

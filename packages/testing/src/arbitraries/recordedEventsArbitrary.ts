import {
  chainEvents,
  EMPTY_HEAD,
  EVENT_TYPES,
  type RecordedEvent,
  type StreamHead,
  streamIds,
} from '@lvzhi/core';
import fc from 'fast-check';
import { withPooledIds } from './idPool.ts';
import { eventDataArbitrary } from './recordLine.ts';

/**
 * The stream an event is recorded on, read from the entity its data names: a leader instruction's subject, else
 * the member, meeting, proposal, opinion or committee (amendments are placed on their target's stream).
 */
function streamOf(d: Readonly<Record<string, unknown>>): string {
  if (typeof d.subjectId === 'string') {
    return d.subjectKind === 'opinion' ? streamIds.opinion(d.subjectId) : streamIds.proposal(d.subjectId);
  }
  if (typeof d.memberId === 'string') return streamIds.member(d.memberId);
  if (typeof d.meetingId === 'string') return streamIds.meeting(d.meetingId);
  if (typeof d.proposalId === 'string') return streamIds.proposal(d.proposalId);
  if (typeof d.opinionId === 'string') return streamIds.opinion(d.opinionId);
  return streamIds.committee(String(d.committeeId));
}

/** Time zones events name: the event schema takes any text, but a committee in an unknown zone can date nothing. */
const TIME_ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'];

const AMENDMENTS: ReadonlySet<string> = new Set(['RecordRetracted', 'RecordCorrected']);
const CATEGORIES = [...Object.keys(streamIds), 'other'];

/** Options of `recordedEventsArbitrary`. */
export interface RecordedEventsOptions {
  /** Entity ids the events name, few so that they collide (default `a`, `b`, `c`). */
  readonly ids?: readonly string[];
  readonly maxLength?: number;
}

/**
 * Schema-valid events of every type in any order, chained per stream as a store would record them: ids drawn
 * from a small pool so events meet on the same streams, corrections and retractions naming earlier events
 * (or none) with patches of any event's fields, and some events on a stream of another category. Most of
 * these the decider would refuse to record; `evolve` and projections must still take them. Time zones are
 * known IANA zones: the schema takes any text, but a committee in an unknown zone cannot date anything.
 */
export function recordedEventsArbitrary(options: RecordedEventsOptions = {}): fc.Arbitrary<RecordedEvent[]> {
  const pool = options.ids ?? ['a', 'b', 'c'];
  const anyData = fc.constantFrom(...EVENT_TYPES).chain((t) => eventDataArbitrary(t));
  const element = fc.record({
    type: fc.constantFrom(...EVENT_TYPES),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    target: fc.option(fc.nat(), { freq: 8, nil: undefined }),
    patch: anyData,
    misplaced: fc.option(fc.tuple(fc.constantFrom(...CATEGORIES), fc.constantFrom(...pool)), {
      freq: 6,
      nil: undefined,
    }),
  });
  return fc
    .array(element, { maxLength: options.maxLength ?? 30 })
    .chain((elements) =>
      fc.tuple(...elements.map((e) => eventDataArbitrary(e.type))).map((data) => ({ elements, data })),
    )
    .map(({ elements, data }) => {
      const events: RecordedEvent[] = [];
      const heads = new Map<string, StreamHead>();
      elements.forEach((e, i) => {
        let d = withPooledIds(data[i]!, pool, e.picks);
        if (typeof d.timeZone === 'string')
          d = { ...d, timeZone: TIME_ZONES[e.picks[0]! % TIME_ZONES.length] };
        let streamId = streamOf(d);
        if (AMENDMENTS.has(e.type)) {
          const target =
            e.target === undefined || events.length === 0 ? undefined : events[e.target % events.length]!;
          streamId = target?.streamId ?? `member-${pool[0]}`;
          d = { ...d, ...(target ? { eventId: target.eventId, targetType: target.type } : {}) };
          if (e.type === 'RecordCorrected' && target)
            d = { ...d, data: pickSome(e.patch as Record<string, unknown>, e.picks) };
        }
        if (e.misplaced) streamId = `${e.misplaced[0]}-${e.misplaced[1]}`;
        const [chained] = chainEvents(streamId, heads.get(streamId) ?? EMPTY_HEAD, [
          {
            eventId: `00000000-0000-7000-9000-${(i + 1).toString(16).padStart(12, '0')}`,
            type: e.type,
            schemaVersion: 1,
            data: d,
            metadata: { recordedAt: '2024-06-01T00:00:00.000Z', recordedBy: 'generator' },
          },
        ]);
        heads.set(streamId, { version: chained!.streamVersion, hash: chained!.hash });
        events.push({ ...chained!, globalPosition: i + 1 });
      });
      return events;
    });
}

/** Some of the fields of `data`, chosen by `picks`. */
function pickSome(
  data: Readonly<Record<string, unknown>>,
  picks: readonly number[],
): Record<string, unknown> {
  const keys = Object.keys(data);
  return Object.fromEntries(
    keys.filter((_, k) => (picks[k % picks.length] ?? 0) % 2 === 0).map((k) => [k, data[k]]),
  );
}

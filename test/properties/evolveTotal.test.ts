import {
  type DomainState,
  decider,
  EVENT_TYPES,
  isStandingAt,
  longLeaveAt,
  type MemberState,
  membershipsOf,
  parseCommand,
  type RecordedEvent,
  seatAt,
} from '@lvzhi/core';
import {
  amendmentsArbitrary,
  eventDataArbitrary,
  historyArbitrary,
  type RecordLine,
  recordedEventsArbitrary,
  recordLineArbitrary,
  recordPurely,
} from '@lvzhi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const NOW = Date.parse('2040-01-01T00:00:00Z');
const POOL = ['a', 'b', 'c'];
const fold = (events: readonly RecordedEvent[]): DomainState =>
  events.reduce(decider.evolve, decider.initialState());

/** Asks every member stream of a state the questions deciders ask, at a few instants. */
function askMembership(state: DomainState): void {
  for (const [streamId, s] of state.streams) {
    if (!streamId.startsWith('member-')) continue;
    const member = s as MemberState;
    for (const m of membershipsOf(member)) {
      for (const at of [0, Date.parse('2019-01-01T00:00:00Z'), NOW]) {
        const committee = state.streams.get(`committee-${m.committeeId}`);
        if (committee) seatAt(member, m.committeeId, committee as never, at);
        isStandingAt(member, m, 'Asia/Shanghai', at);
        longLeaveAt(member, 'Asia/Shanghai', at);
      }
    }
  }
}

/** A recorded history with amendments, and its events in any order (each kept with its id, stream and hash). */
const shuffledHistory = historyArbitrary()
  .chain((lines) => {
    const { events } = recordPurely(lines, { now: NOW });
    return amendmentsArbitrary(events).map((amendments) => [...lines, ...amendments]);
  })
  .chain((lines) => {
    const { events } = recordPurely(lines, { now: NOW });
    return fc
      .shuffledSubarray([...events], { minLength: events.length })
      .map((shuffled) => ({ lines, shuffled }));
  });

/** Some fields of any event's data: a correction's patch that names real fields with values of their kind. */
const patch = fc
  .constantFrom(...EVENT_TYPES)
  .chain((t) => eventDataArbitrary(t))
  .chain((d) =>
    fc
      .subarray(Object.keys(d), { minLength: 1 })
      .map((keys) => Object.fromEntries(keys.map((k) => [k, d[k]]))),
  );

/** Points a retraction or correction at one of `events`, with a patch of real fields for a correction. */
function aimed(line: RecordLine, events: readonly RecordedEvent[], pick: number, fields: object): RecordLine {
  const target = events[pick % Math.max(events.length, 1)];
  if (!('eventId' in line.data) || !target) return line;
  const data = line.command === 'CorrectRecord' ? { ...line.data, data: fields } : line.data;
  return { ...line, data: { ...data, eventId: target.eventId } };
}

describe('Given schema-valid events in any order, on any streams, naming any earlier event', () => {
  it('evolve never throws, and membership questions about the state never throw', () => {
    fc.assert(
      fc.property(recordedEventsArbitrary({ ids: POOL }), (events) => {
        askMembership(fold(events));
      }),
      { numRuns: 100 },
    );
  });

  it('decide gives a result (never throws) for any schema-valid command on the entities of that state', () => {
    const commands = fc.array(fc.tuple(recordLineArbitrary({ ids: POOL }), fc.nat(), patch), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(recordedEventsArbitrary({ ids: POOL }), commands, (events, lines) => {
        const state = fold(events);
        for (const [line, pick, fields] of lines) {
          const parsed = parseCommand(aimed(line, events, pick, fields));
          if (!parsed.ok) continue;
          const decision = decider.decide(parsed.value, state, NOW);
          expect(typeof decision.ok).toBe('boolean');
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('Given a valid history with its corrections, in any order', () => {
  it('evolve never throws, and deciding any line of it again against that state never throws', () => {
    fc.assert(
      fc.property(shuffledHistory, ({ lines, shuffled }) => {
        const state = fold(shuffled);
        askMembership(state);
        for (const line of lines) {
          const parsed = parseCommand(line);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(typeof decider.decide(parsed.value, state, NOW).ok).toBe('boolean');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('evolving the events in their recorded order gives the state the pure recording reached', () => {
    fc.assert(
      fc.property(historyArbitrary(), (lines) => {
        const recorded = recordPurely(lines, { now: NOW });
        const replayed = fold(recorded.events);
        expect([...replayed.streams.keys()]).toEqual([...recorded.state.streams.keys()]);
        expect(replayed).toEqual(recorded.state);
      }),
      { numRuns: 30 },
    );
  });
});

import type { EventStore, EventType, ReadAllOptions, RecordedEvent } from '@lvzhi/core';

/**
 * The facts that frame the record rather than acts in it: a window on when acts occurred keeps them all, or a
 * replay of a window without the committee's registration or the members' seats would know no one.
 * (Stopgap: core's `LogFilter.occurredBetween` applies to every event with an `occurredAt`; once event types
 * declare whether they are acts, this list goes.)
 */
const FRAME: ReadonlySet<string> = new Set([
  'CommitteeRegistered',
  'TermOpened',
  'RecorderRegistered',
  'MemberAppointed',
  'StandingMemberSet',
  'MembershipEnded',
] satisfies readonly EventType[]);

/** Amendments follow the act they amend (an act outside the window takes its corrections with it). */
const AMENDMENTS: ReadonlySet<string> = new Set([
  'RecordCorrected',
  'RecordRetracted',
] satisfies readonly EventType[]);

/**
 * The store as seen through a window on when acts occurred (epoch ms, inclusive): acts outside it, and their
 * corrections and retractions, are left out of `readAll`; the committee, its terms and the members' seats stay.
 */
export function occurredWindow(store: EventStore, window: readonly [number, number]): EventStore {
  const [from, to] = window;
  async function* readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const left = new Set<string>();
    for await (const event of store.readAll(options)) {
      const data = event.data as { occurredAt?: unknown; eventId?: unknown } | null;
      if (AMENDMENTS.has(event.type)) {
        if (typeof data?.eventId === 'string' && left.has(data.eventId)) continue;
      } else if (!FRAME.has(event.type) && typeof data?.occurredAt === 'string') {
        const at = Date.parse(data.occurredAt);
        if (at < from || at > to) {
          left.add(event.eventId);
          continue;
        }
      }
      yield event;
    }
  }
  return new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') return readAll;
      // Pages of the whole log would bypass the window: folds read through `readAll` instead.
      if (property === 'readPages') return undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

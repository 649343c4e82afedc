import {
  type CommitteeInfo,
  DEFAULT_TIME_ZONE,
  type DomainEvent,
  type DutyRecordState,
  type EventType,
  localDate,
  type RecordedAct,
  type SeatRecord,
  yearSpan,
} from '@lvzhi/core';

/** The data of a recorded act of a given event type (corrections merged). */
export type DataOf<T extends EventType> = Extract<DomainEvent, { type: T }>['data'];

/** What one archive covers: a member's seat in one committee and term, optionally one calendar year of it. */
export interface ArchiveScope {
  readonly state: DutyRecordState;
  readonly memberId: string;
  readonly seat: SeatRecord;
  readonly committee: CommitteeInfo | undefined;
  readonly timeZone: string;
  /** The seat's first and last millisecond. */
  readonly span: readonly [number, number];
  /** Only acts of this calendar year (committee zone), when set. */
  readonly year: number | undefined;
  /** Local dates already computed, by epoch milliseconds (time-zone arithmetic is the costly part). */
  readonly dates: Map<number, When>;
}

/** The local date (`YYYY-MM-DD`) and calendar year of an instant in the committee's zone. */
export interface When {
  readonly date: string;
  readonly year: number;
}

/** The timeZone of a scope's committee, defaulting as core does. */
export function timeZoneOf(committee: CommitteeInfo | undefined): string {
  return committee?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The data of an act, typed by its event type. */
export function dataOf<T extends EventType>(act: RecordedAct, _type: T): DataOf<T> {
  return act.data as DataOf<T>;
}

/** Epoch milliseconds at which an act occurred (its current, corrected `occurredAt`). */
export function occurredMs(act: RecordedAct): number {
  return Date.parse(act.data.occurredAt as string);
}

/** The local date and calendar year of an act in the scope's zone. */
export function whenOf(scope: ArchiveScope, act: RecordedAct): When {
  const ms = occurredMs(act);
  let when = scope.dates.get(ms);
  if (!when) {
    const date = localDate(ms, scope.timeZone);
    when = { date, year: Number(date.slice(0, 4)) };
    scope.dates.set(ms, when);
  }
  return when;
}

/** True when an act occurred while the seat was held. */
export function duringSeat(scope: ArchiveScope, act: RecordedAct): boolean {
  const ms = occurredMs(act);
  return ms >= scope.span[0] && ms <= scope.span[1];
}

/** True when a year passes the scope's year filter. */
export function inYear(scope: ArchiveScope, year: number): boolean {
  return scope.year === undefined || scope.year === year;
}

/** The first and last millisecond the year filter admits (the whole time line when there is none). */
export function yearBounds(scope: ArchiveScope): readonly [number, number] {
  return scope.year === undefined
    ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]
    : yearSpan(scope.year, scope.timeZone);
}

/** Every act of the given types among event ids, retracted ones included (they stay visible). */
export function actsOfType(
  state: DutyRecordState,
  ids: readonly string[] | undefined,
  types: readonly EventType[],
): RecordedAct[] {
  const out: RecordedAct[] = [];
  for (const id of ids ?? []) {
    const act = state.acts[id];
    if (act && types.includes(act.type)) out.push(act);
  }
  return out;
}

/** Orders acts by when they occurred, then by a business key, then by event id: never by log position. */
export function byOccurrence<T extends { readonly act: RecordedAct; readonly key: string }>(
  a: T,
  b: T,
): number {
  return (
    occurredMs(a.act) - occurredMs(b.act) ||
    compareText(a.key, b.key) ||
    compareText(a.act.eventId, b.act.eventId)
  );
}

/** Code-unit order of two strings (locale-independent, so the same on every machine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

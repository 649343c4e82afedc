import {
  ConcurrencyError,
  type EventStore,
  type ExpectedVersion,
  newEventId,
  type ProposedEvent,
  type RecordedEvent,
} from '@lvzhi/core';
import { expect } from 'vitest';

let sequence = 0;

/** A proposed event with a fresh id and JSON data that exercises nesting, Unicode, numbers and null. */
export function proposedEvent(overrides: Partial<ProposedEvent> = {}): ProposedEvent {
  sequence += 1;
  return {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: {
      memberId: `member-${sequence}`,
      meeting: { name: '第十四届全国委员会第三次会议', day: 2 },
      present: sequence % 2 === 0,
      seats: [sequence, -1.5, 0],
      note: null,
    },
    metadata: {
      recordedAt: '2025-03-05T09:00:00.000Z',
      recordedBy: 'clerk-王',
      correlationId: `corr-${sequence}`,
      source: 'conformance',
    },
    ...overrides,
  };
}

/** `count` proposed events with fresh ids. */
export function proposedEvents(count: number): ProposedEvent[] {
  return Array.from({ length: count }, () => proposedEvent());
}

/** Collects an async iterable into an array. */
export async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The event ids of some events, in order. */
export function idsOf(events: readonly { readonly eventId: string }[]): string[] {
  return events.map((e) => e.eventId);
}

/** The fields a caller proposed, as a stored event must echo them. */
export function asProposed(e: ProposedEvent): ProposedEvent {
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
  };
}

/** Everything observable about a store's contents, to show that a failed call wrote nothing. */
export async function snapshotOf(store: EventStore): Promise<{
  readonly log: RecordedEvent[];
  readonly head: number;
  readonly streams: { readonly streamId: string; readonly version: number }[];
}> {
  return {
    log: await drain(store.readAll()),
    head: await store.headPosition(),
    streams: await drain(store.listStreams()),
  };
}

/** Asserts that `promise` rejects with a `ConcurrencyError` carrying these fields. */
export async function expectConcurrencyError(
  promise: Promise<unknown>,
  expected: { readonly streamId: string; readonly expected: ExpectedVersion; readonly actual: number },
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  const { streamId, expected: exp, actual } = error as ConcurrencyError;
  expect({ streamId, expected: exp, actual }).toEqual(expected);
}

/** Resolves like `promise`, or rejects when it takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

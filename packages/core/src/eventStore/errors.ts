import type { ExpectedVersion } from './eventStore.ts';

/** The stream was not at the version the caller expected; nothing was written. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/** The store could not be reached or used (closed, locked, disk full, read-only, server down). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A stored event could not be decoded. */
export class CorruptEventError extends Error {
  override readonly name = 'CorruptEventError';
  constructor(
    readonly position: number,
    reason: string,
  ) {
    super(`event at position ${position} is corrupt: ${reason}`);
  }
}

/** An append reused an event id that the store already holds for a different event. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already recorded for a different event`);
  }
}

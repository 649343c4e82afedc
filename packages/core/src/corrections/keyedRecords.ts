import type { Decided, Decision } from '../commandHandling/decision.ts';
import { eventFingerprint, sameCommand } from '../commandHandling/fingerprint.ts';
import type { Rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import type { Amendments } from './amendments.ts';
import { SharedMap } from './sharedMap.ts';

/** A fact recorded under a business key: the event, its data and the fields the decision added to it. */
export interface KeyedRecord<T = Readonly<Record<string, unknown>>> {
  readonly eventId: string;
  readonly data: T;
  /** Fields of `data` that the command did not carry; the rest fingerprints the command (computed only when compared). */
  readonly added: readonly string[];
}

/** The fingerprint of the command a record came from. */
export function recordFingerprint(record: KeyedRecord): string {
  return eventFingerprint(record.data, record.added);
}

/** Facts of one stream by business key (e.g. `review`, `adoption:city`, `attendance:<meeting>`). */
export type KeyedRecords = ReadonlyMap<string, KeyedRecord>;

/**
 * Folds an event into the records under `key`: the first record under a key stays, unless it was retracted,
 * in which case a later one replaces it.
 */
export function keep(
  records: KeyedRecords,
  amendments: Amendments,
  key: string,
  event: { readonly eventId: string; readonly data: unknown },
  added: readonly string[],
): KeyedRecords {
  const existing = records.get(key);
  if (existing && !amendments.retracted.has(existing.eventId)) return records;
  const data = event.data as Readonly<Record<string, unknown>>;
  return SharedMap.from(records).set(key, { eventId: event.eventId, data, added });
}

/** The live (not retracted) record under a key. */
export function live(records: KeyedRecords, amendments: Amendments, key: string): KeyedRecord | undefined {
  const r = records.get(key);
  return r && !amendments.retracted.has(r.eventId) ? r : undefined;
}

/**
 * Whether this very command is already recorded under `key` (retracted or not): then it is a no-op, decided
 * before any rule — a later record (a leave, an ending, a retraction) never turns a re-record into a refusal.
 */
export function identical(records: KeyedRecords, key: string, commandData: unknown): boolean {
  const existing = records.get(key);
  return existing !== undefined && sameCommand(commandData, existing.data, existing.added);
}

/**
 * Whether a command must pass its rules before it is recorded under `key`: yes unless a live record stands
 * there (a different command is refused as a conflict, the same one is a no-op) or the record retracted there
 * is this very command (a no-op). A command re-submitted after a retraction passes every rule anew.
 */
export function needsChecks(
  records: KeyedRecords,
  amendments: Amendments,
  key: string,
  commandData: unknown,
): boolean {
  const existing = records.get(key);
  if (existing === undefined) return true;
  if (sameCommand(commandData, existing.data, existing.added)) return false;
  return amendments.retracted.has(existing.eventId);
}

/**
 * The idempotency rule of the record format: a command equal to the one recorded under its key is a no-op;
 * a different one is refused while the recorded one stands; after a retraction the key is free again.
 * `conflict` may be given as a function, built only when needed.
 */
export function recordUnderKey(
  records: KeyedRecords,
  amendments: Amendments,
  key: string,
  commandData: unknown,
  conflict: Rejection | (() => Rejection),
  decided: Decided,
): Decision {
  const existing = records.get(key);
  if (existing) {
    if (sameCommand(commandData, existing.data, existing.added)) return ok('no-op');
    if (!amendments.retracted.has(existing.eventId)) {
      return err(typeof conflict === 'function' ? conflict() : conflict);
    }
  }
  return ok(decided);
}

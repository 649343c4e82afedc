import {
  CURRENT_SCHEMA_VERSION,
  EVENT_SCHEMAS,
  err,
  isEventType,
  ok,
  type RecordedEvent,
  type Result,
  SEAL_EVENT_TYPE,
} from '@lvzhi/core';
import { z } from 'zod';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lowercase hex');
const Position = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const Text = z.string().min(1);

/**
 * One line of a `jsonl` export: the full envelope of a recorded event. Metadata keeps any further keys,
 * since the hash covers them.
 */
export const ExportedEvent = z.strictObject({
  eventId: Text.max(128),
  streamId: Text.max(300),
  streamVersion: Position,
  globalPosition: Position,
  type: Text.max(200),
  schemaVersion: Position,
  data: z.unknown(),
  metadata: z.looseObject({
    recordedAt: z.iso.datetime({ offset: true }),
    recordedBy: Text,
    correlationId: z.string().optional(),
    causationId: z.string().optional(),
    source: z.string().optional(),
  }),
  prevHash: Hash,
  hash: Hash,
});

/** Where and why a line of an export is not a valid event: the field (a dotted path) and the rule. */
export interface LineIssue {
  readonly field: string | undefined;
  readonly message: string;
}

/** The envelope of a recorded event as one `jsonl` export line writes it, keys in a fixed order. */
export function toExportedEvent(event: RecordedEvent): RecordedEvent {
  return {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** The first issue of a zod error, its path prefixed. */
export function firstIssue(error: z.ZodError, prefix: readonly string[] = []): LineIssue {
  const issue = error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const path = [...prefix, ...issue.path.map(String), ...keys];
  return { field: path.length === 0 ? undefined : path.join('.'), message: issue.message };
}

/**
 * Checks an event's data against its type's schema (domain events at the current schema version); a seal's
 * data must be an object. The data itself is kept as given: the hash covers it.
 */
export function checkEventData(type: string, schemaVersion: number, data: unknown): LineIssue | undefined {
  if (type === SEAL_EVENT_TYPE) {
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? undefined
      : { field: 'data', message: 'a seal holds an object' };
  }
  if (!isEventType(type)) return { field: 'type', message: `unknown event type "${type}"` };
  if (schemaVersion !== CURRENT_SCHEMA_VERSION) {
    return {
      field: 'schemaVersion',
      message: `schema version ${schemaVersion} of ${type} is unknown (this lvzhi reads ${CURRENT_SCHEMA_VERSION})`,
    };
  }
  const parsed = EVENT_SCHEMAS[type].safeParse(data);
  return parsed.success ? undefined : firstIssue(parsed.error, ['data']);
}

/** Parses a decoded `jsonl` line into an event envelope, checking the envelope and the event's data. */
export function parseExportedEvent(input: unknown): Result<RecordedEvent, LineIssue> {
  const parsed = ExportedEvent.safeParse(input);
  if (!parsed.success) return err(firstIssue(parsed.error));
  // Keep the input's own data and metadata (zod may add or drop keys): they are what the hash covers.
  const source = input as RecordedEvent;
  const event = toExportedEvent({ ...parsed.data, data: source.data, metadata: source.metadata });
  const dataIssue = checkEventData(event.type, event.schemaVersion, event.data);
  return dataIssue ? err(dataIssue) : ok(event);
}

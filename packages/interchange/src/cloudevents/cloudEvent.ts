import { err, type RecordedEvent, type Result } from '@lvzhi/core';
import { z } from 'zod';
import { firstIssue, type LineIssue, parseExportedEvent } from '../jsonl/exportedEvent.ts';

/** The reverse-DNS prefix of every CloudEvents `type` lvzhi writes. */
export const CLOUDEVENT_TYPE_PREFIX = 'cn.lvzhi.';

/** The default prefix of `source`: followed by the URI-encoded stream id. */
export const DEFAULT_SOURCE_PREFIX = 'urn:lvzhi:';

/**
 * A recorded event as a CloudEvents 1.0 event in the JSON format. The chain and the metadata travel in
 * extension attributes (lowercase alphanumeric names), so the envelope can be rebuilt exactly.
 */
export interface LvzhiCloudEvent {
  readonly specversion: '1.0';
  /** The event id. */
  readonly id: string;
  /** `<source prefix><URI-encoded stream id>`, by default `urn:lvzhi:member-m-001`. */
  readonly source: string;
  /** `cn.lvzhi.<Type>.v<schemaVersion>`, e.g. `cn.lvzhi.AttendanceRecorded.v1`. */
  readonly type: string;
  /** The stream id. */
  readonly subject: string;
  /** When the event was recorded (`metadata.recordedAt`); the act's own date is `data.occurredAt`. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: unknown;
  /** The stream version (1-based). */
  readonly lvzhiversion: number;
  /** The global position in the exporting store. */
  readonly lvzhiposition: number;
  readonly lvzhiprevhash: string;
  readonly lvzhihash: string;
  readonly lvzhirecordedby: string;
  readonly lvzhicorrelationid?: string;
  readonly lvzhicausationid?: string;
  /** `metadata.source`: where the event was recorded from (e.g. `sample-2019.jsonl:12`). */
  readonly lvzhisource?: string;
}

/** Options of `toCloudEvent`. */
export interface CloudEventOptions {
  /** Put before the URI-encoded stream id to make `source` (default `urn:lvzhi:`). */
  readonly sourcePrefix?: string;
}

/** The CloudEvents `type` of an event type at a schema version. */
export function cloudEventType(type: string, schemaVersion: number): string {
  return `${CLOUDEVENT_TYPE_PREFIX}${type}.v${schemaVersion}`;
}

/**
 * A recorded event as a CloudEvents 1.0 JSON event.
 *
 * @example
 * toCloudEvent(event).type; // 'cn.lvzhi.AttendanceRecorded.v1'
 */
export function toCloudEvent(event: RecordedEvent, options: CloudEventOptions = {}): LvzhiCloudEvent {
  const { recordedAt, recordedBy, correlationId, causationId, source } = event.metadata;
  return {
    specversion: '1.0',
    id: event.eventId,
    source: `${options.sourcePrefix ?? DEFAULT_SOURCE_PREFIX}${encodeURIComponent(event.streamId)}`,
    type: cloudEventType(event.type, event.schemaVersion),
    subject: event.streamId,
    time: recordedAt,
    datacontenttype: 'application/json',
    data: event.data,
    lvzhiversion: event.streamVersion,
    lvzhiposition: event.globalPosition,
    lvzhiprevhash: event.prevHash,
    lvzhihash: event.hash,
    lvzhirecordedby: recordedBy,
    ...(correlationId === undefined ? {} : { lvzhicorrelationid: correlationId }),
    ...(causationId === undefined ? {} : { lvzhicausationid: causationId }),
    ...(source === undefined ? {} : { lvzhisource: source }),
  };
}

const TYPE = /^cn\.lvzhi\.(.+)\.v([1-9][0-9]*)$/;

const LvzhiCloudEventShape = z.looseObject({
  specversion: z.literal('1.0'),
  id: z.string(),
  type: z.string().regex(TYPE, 'cn.lvzhi.<Type>.v<schemaVersion>'),
  subject: z.string(),
  time: z.string(),
  datacontenttype: z.literal('application/json').optional(),
  lvzhiversion: z.number(),
  lvzhiposition: z.number(),
  lvzhiprevhash: z.string(),
  lvzhihash: z.string(),
  lvzhirecordedby: z.string(),
  lvzhicorrelationid: z.string().optional(),
  lvzhicausationid: z.string().optional(),
  lvzhisource: z.string().optional(),
});

/** Rebuilds the recorded event a CloudEvent written by `toCloudEvent` carries, checking it as an import does. */
export function fromCloudEvent(input: unknown): Result<RecordedEvent, LineIssue> {
  const parsed = LvzhiCloudEventShape.safeParse(input);
  if (!parsed.success) return err(firstIssue(parsed.error));
  const ce = parsed.data;
  const [, type, version] = TYPE.exec(ce.type)!;
  const event = parseExportedEvent({
    eventId: ce.id,
    streamId: ce.subject,
    streamVersion: ce.lvzhiversion,
    globalPosition: ce.lvzhiposition,
    type,
    schemaVersion: Number(version),
    data: (input as { data?: unknown }).data,
    metadata: {
      recordedAt: ce.time,
      recordedBy: ce.lvzhirecordedby,
      ...(ce.lvzhicorrelationid === undefined ? {} : { correlationId: ce.lvzhicorrelationid }),
      ...(ce.lvzhicausationid === undefined ? {} : { causationId: ce.lvzhicausationid }),
      ...(ce.lvzhisource === undefined ? {} : { source: ce.lvzhisource }),
    },
    prevHash: ce.lvzhiprevhash,
    hash: ce.lvzhihash,
  });
  if (event.ok) return event;
  const { field, message } = event.error;
  const [head = '', ...rest] = field?.split('.') ?? [];
  const attribute =
    field === undefined
      ? undefined
      : (ATTRIBUTE_OF[field] ?? [ATTRIBUTE_OF[head] ?? head, ...rest].join('.'));
  return err({ field: attribute, message });
}

/** The CloudEvents attribute that carries each envelope field, for messages. */
const ATTRIBUTE_OF: Readonly<Record<string, string>> = {
  eventId: 'id',
  streamId: 'subject',
  streamVersion: 'lvzhiversion',
  globalPosition: 'lvzhiposition',
  type: 'type',
  schemaVersion: 'type',
  prevHash: 'lvzhiprevhash',
  hash: 'lvzhihash',
  'metadata.recordedAt': 'time',
  'metadata.recordedBy': 'lvzhirecordedby',
  'metadata.correlationId': 'lvzhicorrelationid',
  'metadata.causationId': 'lvzhicausationid',
  'metadata.source': 'lvzhisource',
};

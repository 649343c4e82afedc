import { join } from 'node:path';
import { InMemoryEventStore, type RecordedEvent } from '@lvzhi/core';
import { fromCloudEvent, toCloudEvent } from '@lvzhi/interchange';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import { CloudEvent, ValidationError } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, tempDir } from '../cli/runCli.ts';
import { allEvents, recordSample } from './sampleRecord.ts';
import { cloudEventsSchemaValidator } from './sharedSchemas.ts';

const temp = tempDir();
const db = join(temp.dir, 'lvzhi.db');
let original: RecordedEvent[];
let exported: Record<string, unknown>[];

beforeAll(async () => {
  const store = SqliteEventStore.open(db);
  await recordSample(store);
  original = await allEvents(store);
  await store.close();
  const run = await runCli(['--store', `sqlite:${db}`, 'export', '--format', 'cloudevents']);
  expect(run.code, run.stderr).toBe(0);
  exported = jsonLines(run.stdout) as Record<string, unknown>[];
});
afterAll(() => temp.remove());

/** Validates with the SDK's own validation: the constructor (strict) and `validate()`; returns the error. */
function sdkError(event: Record<string, unknown>): unknown {
  try {
    new CloudEvent(event).validate();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('Given a record exported as CloudEvents (JSON Lines)', () => {
  it('there is one CloudEvent per event, in global order', () => {
    expect(exported.map((e) => e.id)).toEqual(original.map((e) => e.eventId));
  });

  it('every event passes the cloudevents SDK validation', () => {
    for (const event of exported) expect(sdkError(event), String(event.id)).toBeUndefined();
  });

  it('every event validates against the CloudEvents JSON schema (../shared/schemas/cloudevents)', () => {
    const validate = cloudEventsSchemaValidator();
    for (const event of exported) expect(validate(event), String(event.id)).toEqual([]);
  });

  it('the attributes map the envelope: id, source, type, subject, time, data and the chain as extensions', () => {
    const i = original.findIndex((e) => e.type === 'AttendanceRecorded');
    const e = original[i]!;
    expect(exported[i]).toEqual({
      specversion: '1.0',
      id: e.eventId,
      source: `urn:lvzhi:${e.streamId}`,
      type: 'cn.lvzhi.AttendanceRecorded.v1',
      subject: e.streamId,
      time: e.metadata.recordedAt,
      datacontenttype: 'application/json',
      data: e.data,
      lvzhiversion: e.streamVersion,
      lvzhiposition: e.globalPosition,
      lvzhiprevhash: e.prevHash,
      lvzhihash: e.hash,
      lvzhirecordedby: e.metadata.recordedBy,
      lvzhicorrelationid: 'interchange-test',
      lvzhisource: e.metadata.source,
    });
    expect(exported.at(-1)).toMatchObject({ type: 'cn.lvzhi.LogSealed.v1', subject: 'audit-seals' });
  });

  it('mapping back gives the recorded events exactly', () => {
    expect(exported.map((e) => fromCloudEvent(e))).toEqual(original.map((e) => ({ ok: true, value: e })));
  });

  it('--array writes one JSON array of the same events, also valid; --source-prefix sets the source', async () => {
    const run = await runCli([
      '--store',
      `sqlite:${db}`,
      'export',
      '--format',
      'cloudevents',
      '--array',
      '--source-prefix',
      'https://cppcc.example.cn/lvzhi/',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const array = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(array.map((e) => e.id)).toEqual(original.map((e) => e.eventId));
    expect(array[0]!.source).toBe('https://cppcc.example.cn/lvzhi/committee-cq');
    const validate = cloudEventsSchemaValidator();
    for (const event of array) {
      expect(sdkError(event)).toBeUndefined();
      expect(validate(event)).toEqual([]);
    }
  });

  it('an empty store exports nothing, or an empty array', async () => {
    const empty = join(temp.dir, 'empty.db');
    await SqliteEventStore.open(empty).close();
    const lines = await runCli(['--store', `sqlite:${empty}`, 'export', '--format', 'cloudevents']);
    expect([lines.code, lines.stdout]).toEqual([0, '']);
    const array = await runCli([
      '--store',
      `sqlite:${empty}`,
      'export',
      '--format',
      'cloudevents',
      '--array',
    ]);
    expect([array.code, JSON.parse(array.stdout)]).toEqual([0, []]);
  });
});

describe('The validators used here reject what they must', () => {
  it('the SDK and the schema both refuse an event without a source, and the SDK a bad extension name', async () => {
    const store = new InMemoryEventStore();
    await recordSample(store);
    const [first] = await allEvents(store);
    const { source: _source, ...noSource } = toCloudEvent(first!);
    expect(sdkError(noSource)).toBeInstanceOf(ValidationError);
    expect(cloudEventsSchemaValidator()(noSource)).not.toEqual([]);
    expect(sdkError({ ...toCloudEvent(first!), lvzhi_hash: 'x' })).toBeInstanceOf(ValidationError);
  });
});

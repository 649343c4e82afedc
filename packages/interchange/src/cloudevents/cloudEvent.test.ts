import type { RecordedEvent } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { fromCloudEvent, toCloudEvent } from './cloudEvent.ts';

const event: RecordedEvent = {
  eventId: '01900000-0000-7000-8000-000000000001',
  streamId: 'member-张/三#1',
  streamVersion: 3,
  globalPosition: 42,
  type: 'SpeechRecorded',
  schemaVersion: 1,
  data: {
    meetingId: 'm',
    memberId: '张/三#1',
    mode: 'oral',
    listed: false,
    committeeId: 'c',
    occurredAt: '2019-01-01T00:00:00Z',
  },
  metadata: { recordedAt: '2019-01-02T10:00:00+08:00', recordedBy: '秘书处', causationId: 'c-1' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('toCloudEvent', () => {
  it('names the type in reverse DNS with the schema version, and URI-encodes the stream id into the source', () => {
    const ce = toCloudEvent(event);
    expect(ce.type).toBe('cn.lvzhi.SpeechRecorded.v1');
    expect(ce.source).toBe('urn:lvzhi:member-%E5%BC%A0%2F%E4%B8%89%231');
    expect(ce.subject).toBe(event.streamId);
    expect(ce).toMatchObject({ lvzhicausationid: 'c-1' });
    expect(ce).not.toHaveProperty('lvzhisource');
  });
});

describe('fromCloudEvent', () => {
  it('rebuilds the envelope exactly', () => {
    expect(fromCloudEvent(toCloudEvent(event))).toEqual({ ok: true, value: event });
  });

  it('names the attribute at fault', () => {
    expect(fromCloudEvent({ ...toCloudEvent(event), type: 'SpeechRecorded' })).toMatchObject({
      ok: false,
      error: { field: 'type' },
    });
    expect(fromCloudEvent({ ...toCloudEvent(event), lvzhiversion: 0 })).toMatchObject({
      ok: false,
      error: { field: 'lvzhiversion' },
    });
    expect(fromCloudEvent({ ...toCloudEvent(event), data: { mode: 'sung' } })).toMatchObject({
      ok: false,
      error: { field: 'data.meetingId' },
    });
  });
});

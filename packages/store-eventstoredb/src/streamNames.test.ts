import { describe, expect, it } from 'vitest';
import type { ServerEvent } from './client.ts';
import { INDEX_STREAM_CATEGORY, isCanonicalUuid, isSystemEvent, StreamNames } from './streamNames.ts';

function serverEvent(streamName: string, type = 'AttendanceRecorded'): ServerEvent {
  return {
    streamName,
    eventId: '01890a5d-ac96-774b-bcce-b302099a8057',
    revision: 0n,
    type,
    isJson: true,
    data: {},
    metadata: {},
    position: { commit: 2048n, prepare: 2048n },
  };
}

describe('system events', () => {
  it('are those of a $-prefixed type or stream', () => {
    expect(isSystemEvent({ type: '$statsCollected', streamName: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamName: 'member-1' })).toBe(true);
    expect(isSystemEvent({ type: '$metadata', streamName: '$$member-1' })).toBe(true);
    expect(isSystemEvent({ type: 'SomethingHappened', streamName: '$settings' })).toBe(true);
    expect(isSystemEvent({ type: 'AttendanceRecorded', streamName: 'member-1' })).toBe(false);
  });
});

describe('stream names', () => {
  it('map stream ids unchanged without a prefix, and behind the prefix with one', () => {
    expect(new StreamNames().serverName('member-1')).toBe('member-1');
    const names = new StreamNames('tenant-a.');
    expect(names.serverName('member-1')).toBe('tenant-a.member-1');
    expect(names.streamIdOf('tenant-a.member-1')).toBe('member-1');
  });

  it('own only their prefix’s event streams: not system events, other prefixes or index links', () => {
    const names = new StreamNames('a.');
    expect(names.owns(serverEvent('a.member-1'))).toBe(true);
    expect(names.owns(serverEvent('b.member-1'))).toBe(false);
    expect(names.owns(serverEvent('member-1'))).toBe(false);
    expect(names.owns(serverEvent('a.member-1', '$>'))).toBe(false);
    expect(names.owns(serverEvent(names.indexStream('01890a5d-ac96-774b-bcce-b302099a8057')))).toBe(false);
    expect(new StreamNames().owns(serverEvent('$stats-127.0.0.1:2113', '$statsCollected'))).toBe(false);
  });

  it('refuse stream ids the server or the store reserve', () => {
    const names = new StreamNames();
    expect(() => names.serverName('$settings')).toThrow(RangeError);
    expect(() => names.serverName(`${INDEX_STREAM_CATEGORY}x`)).toThrow(RangeError);
    expect(() => names.serverName('')).toThrow(RangeError);
    expect(() => new StreamNames('$x')).toThrow(RangeError);
  });

  it('name one index stream per event id, inside the prefix', () => {
    expect(new StreamNames('a.').indexStream('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(
      `a.${INDEX_STREAM_CATEGORY}01890a5d-ac96-774b-bcce-b302099a8057`,
    );
  });
});

describe('event ids', () => {
  it('round-trip through the server only as lower-case UUIDs', () => {
    expect(isCanonicalUuid('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(true);
    expect(isCanonicalUuid('01890A5D-AC96-774B-BCCE-B302099A8057')).toBe(false);
    expect(isCanonicalUuid('event-1')).toBe(false);
  });
});

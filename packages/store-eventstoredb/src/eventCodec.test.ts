import {
  type ChainedEvent,
  CorruptEventError,
  chainEvents,
  EMPTY_HEAD,
  newEventId,
  StoreUnavailableError,
} from '@lvzhi/core';
import { recordedEventsArbitrary } from '@lvzhi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutgoingEvent, ServerEvent } from './client.ts';
import { decodeEvent, encodeEvent } from './eventCodec.ts';

/** What the server gives back for an appended JSON event: the JSON texts parsed again, with its place. */
function asStored(event: OutgoingEvent, streamName: string, revision: bigint, position: bigint): ServerEvent {
  if (event.kind !== 'json') throw new Error('our events are JSON');
  return {
    streamName,
    eventId: event.id,
    revision,
    type: event.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: JSON.parse(JSON.stringify(event.metadata)),
    position: { commit: position, prepare: position },
  };
}

const [chained] = chainEvents('member-1', EMPTY_HEAD, [
  {
    eventId: newEventId(),
    type: 'AttendanceRecorded',
    schemaVersion: 2,
    data: { meetingId: 'm-1', status: 'present', note: '第三次会议', nested: { n: [1, 0.5, null] } },
    metadata: {
      recordedAt: '2025-03-05T09:00:00.000Z',
      recordedBy: 'clerk',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    },
  },
]) as [ChainedEvent];

describe('an event as the server stores it', () => {
  it('keeps our id, type and JSON data, and the rest of the envelope in its metadata', () => {
    const encoded = encodeEvent(chained);
    expect(encoded).toEqual({
      kind: 'json',
      id: chained.eventId,
      type: 'AttendanceRecorded',
      data: chained.data,
      metadata: {
        schemaVersion: 2,
        prevHash: chained.prevHash,
        hash: chained.hash,
        metadata: chained.metadata,
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
      },
    });
  });

  it('leaves the server’s correlation fields out when ours are absent', () => {
    const plain = { ...chained, metadata: { recordedAt: 'x', recordedBy: 'y' } };
    expect(encodeEvent(plain)).toMatchObject({
      metadata: {
        schemaVersion: 2,
        prevHash: chained.prevHash,
        hash: chained.hash,
        metadata: { recordedAt: 'x', recordedBy: 'y' },
      },
    });
    expect(Object.keys((encodeEvent(plain) as { metadata: object }).metadata)).not.toContain(
      '$correlationId',
    );
  });

  it('decodes to the same envelope, the revision giving the version and the commit position the global position', () => {
    const decoded = decodeEvent(asStored(encodeEvent(chained), 'tenant.member-1', 0n, 2048n), 'member-1');
    expect(decoded).toEqual({ ...chained, globalPosition: 2048 });
  });

  it('round-trips any recorded history', () => {
    fc.assert(
      fc.property(recordedEventsArbitrary({ maxLength: 8 }), (events) => {
        for (const e of events) {
          const { globalPosition, ...envelope } = e;
          const stored = asStored(
            encodeEvent(envelope),
            e.streamId,
            BigInt(e.streamVersion - 1),
            BigInt(globalPosition),
          );
          expect(decodeEvent(stored, e.streamId)).toEqual(e);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('an event that does not decode', () => {
  const stored = asStored(encodeEvent(chained), 'member-1', 0n, 2048n);
  const corrupt: [string, Partial<ServerEvent>][] = [
    ['metadata that is not JSON (the client hands over the bytes)', { metadata: new Uint8Array([1, 2]) }],
    ['no metadata', { metadata: undefined }],
    ['no hash', { metadata: { ...(stored.metadata as object), hash: undefined } }],
    ['a short prevHash', { metadata: { ...(stored.metadata as object), prevHash: 'abc' } }],
    ['a schemaVersion of 0', { metadata: { ...(stored.metadata as object), schemaVersion: 0 } }],
    ['no envelope metadata object', { metadata: { ...(stored.metadata as object), metadata: 'x' } }],
    ['binary data', { isJson: false, data: new Uint8Array([1]) }],
  ];
  for (const [name, change] of corrupt) {
    it(`is a CorruptEventError naming its position: ${name}`, () => {
      const error = (() => {
        try {
          decodeEvent({ ...stored, ...change }, 'member-1');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CorruptEventError);
      expect((error as CorruptEventError).position).toBe(2048);
    });
  }

  it('without a position is a StoreUnavailableError: the server is too old to serve as this store', () => {
    for (const position of [undefined, { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }]) {
      expect(() => decodeEvent({ ...stored, position }, 'member-1')).toThrow(StoreUnavailableError);
    }
  });
});

import type { ExpectedVersion } from '@lvzhi/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpectedRevision } from './client.ts';
import {
  revisionOfVersion,
  streamReadStart,
  toExpectedRevision,
  versionOfCurrentRevision,
  versionOfRevision,
} from './revisions.ts';

describe('stream versions and server revisions', () => {
  it('maps our 1-based versions to the server’s 0-based revisions and back', () => {
    expect(revisionOfVersion(1)).toBe(0n);
    expect(revisionOfVersion(42)).toBe(41n);
    expect(versionOfRevision(0n)).toBe(1);
    expect(versionOfRevision(41n)).toBe(42);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (version) => {
        expect(versionOfRevision(revisionOfVersion(version))).toBe(version);
      }),
    );
  });

  it('refuses versions that name no event', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => revisionOfVersion(bad)).toThrow(RangeError);
  });

  it('reads a stream’s version from the server’s current revision (no stream is 0)', () => {
    expect(versionOfCurrentRevision('no_stream')).toBe(0);
    expect(versionOfCurrentRevision(0n)).toBe(1);
    expect(versionOfCurrentRevision(9n)).toBe(10);
  });
});

describe('expected versions', () => {
  const cases: [ExpectedVersion, ExpectedRevision][] = [
    ['no-stream', 'no_stream'],
    ['exists', 'stream_exists'],
    ['any', 'any'],
    [0, 'no_stream'],
    [1, 0n],
    [7, 6n],
  ];
  for (const [ours, server] of cases) {
    it(`maps ${JSON.stringify(ours)} to ${String(server)}`, () => {
      expect(toExpectedRevision(ours)).toBe(server);
    });
  }
});

describe('where a stream read starts', () => {
  it('reads forward from the start, or from the revision of `from`', () => {
    expect(streamReadStart({})).toBe('start');
    expect(streamReadStart({ from: 1 })).toBe('start');
    expect(streamReadStart({ from: 0 })).toBe('start');
    expect(streamReadStart({ from: 3 })).toBe(2n);
  });

  it('reads backward from the end, or from the revision of `from`, or not at all below version 1', () => {
    expect(streamReadStart({ direction: 'backward' })).toBe('end');
    expect(streamReadStart({ direction: 'backward', from: 4 })).toBe(3n);
    expect(streamReadStart({ direction: 'backward', from: 0 })).toBe('nothing');
  });
});

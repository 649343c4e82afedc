import type { ExpectedVersion } from '@lvzhi/core';
import type { ExpectedRevision } from './client.ts';

/** Our 1-based stream version of the event at a server revision (0-based): revision N is version N + 1. */
export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/** The server revision (0-based) of the event at our 1-based stream version. */
export function revisionOfVersion(version: number): bigint {
  if (!Number.isInteger(version) || version < 1) {
    throw new RangeError(`a stream version is a positive integer, got ${version}`);
  }
  return BigInt(version - 1);
}

/** A stream's version (0 when empty) given the server's current revision of it. */
export function versionOfCurrentRevision(current: bigint | 'no_stream'): number {
  return current === 'no_stream' ? 0 : versionOfRevision(current);
}

/**
 * The server's expected revision for one of ours: a version N > 0 is revision N − 1, version 0 and
 * `'no-stream'` are `no_stream`, `'exists'` is `stream_exists`, `'any'` is `any`.
 */
export function toExpectedRevision(expected: ExpectedVersion): ExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return 'no_stream';
    case 'exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      return expected === 0 ? 'no_stream' : revisionOfVersion(expected);
  }
}

/** Where a `readStream` call starts on the server, and whether it reads anything at all. */
export function streamReadStart(options: {
  readonly from?: number;
  readonly direction?: 'forward' | 'backward';
}): bigint | 'start' | 'end' | 'nothing' {
  const { from } = options;
  if (options.direction === 'backward') {
    if (from === undefined) return 'end';
    return from < 1 ? 'nothing' : revisionOfVersion(Math.floor(from));
  }
  if (from === undefined || from <= 1) return 'start';
  return revisionOfVersion(Math.ceil(from));
}

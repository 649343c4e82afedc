import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globalPositionOf, isAfterCheckpoint, startAfter } from './positions.ts';

describe('global positions are commit positions', () => {
  it('takes the commit position of an event as its global position', () => {
    expect(globalPositionOf({ commit: 4096n, prepare: 4096n })).toBe(4096);
  });

  it('knows no position the server did not report (unset 0, the server’s 2^64 − 1, or beyond safe integers)', () => {
    expect(globalPositionOf(undefined)).toBeUndefined();
    expect(globalPositionOf({ commit: 0n, prepare: 0n })).toBeUndefined();
    expect(globalPositionOf({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBeUndefined();
    expect(globalPositionOf({ commit: BigInt(Number.MAX_SAFE_INTEGER) + 1n, prepare: 0n })).toBeUndefined();
  });
});

describe('checkpoints', () => {
  it('start at the beginning of $all for 0, else at the checkpoint’s own position', () => {
    expect(startAfter(0)).toBe('start');
    expect(startAfter(1341)).toEqual({ commit: 1341n, prepare: 1341n });
  });

  it('refuse negative or fractional positions', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => startAfter(bad)).toThrow(RangeError);
  });

  it('are exclusive: only positions strictly greater follow a checkpoint', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (position, checkpoint) => {
        expect(isAfterCheckpoint(position, checkpoint)).toBe(position > checkpoint);
      }),
    );
    expect(isAfterCheckpoint(1341, 1341)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { distributionOf } from './distribution.ts';

describe('distributionOf', () => {
  it('interpolates quartiles linearly between closest ranks', () => {
    // ranks (n − 1)p: 0.75 → 1 + 0.75, 1.5 → 2 + 0.5, 2.25 → 3 + 0.25.
    expect(distributionOf([4, 1, 3, 2])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it('takes the middle value of an odd count', () => {
    expect(distributionOf([9, 0, 5, 1, 3])).toEqual({ min: 0, q1: 1, median: 3, q3: 5, max: 9 });
  });

  it('gives one value for everything when there is one', () => {
    expect(distributionOf([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7 });
  });

  it('is null when there is nobody', () => {
    expect(distributionOf([])).toBeNull();
  });
});

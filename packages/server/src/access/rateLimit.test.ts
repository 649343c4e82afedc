import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rateLimit.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then answers the seconds to wait, and refills with time', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 2, perSecond: 0.5 }, () => now);
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 0]);
    expect(buckets.take('a')).toBe(2);
    expect(buckets.take('b')).toBe(0);
    now = 2_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });
});

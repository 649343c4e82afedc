import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './concurrency.ts';

describe('mapConcurrently', () => {
  it('keeps the order of the items and never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently(
      Array.from({ length: 20 }, (_, i) => i),
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
        inFlight -= 1;
        return i * 2;
      },
      4,
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(most).toBe(4);
  });

  it('maps nothing to nothing', async () => {
    expect(await mapConcurrently([], async () => 1)).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedMap } from './sharedMap.ts';

describe('SharedMap', () => {
  it('behaves like copying a Map on every set, for any tree of versions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer()), {
          maxLength: 60,
        }),
        (writes) => {
          const shared: SharedMap<string, number>[] = [SharedMap.empty()];
          const copied: Map<string, number>[] = [new Map()];
          for (const [from, key, value] of writes) {
            const i = from % shared.length;
            shared.push(shared[i]!.set(key, value));
            copied.push(new Map(copied[i]).set(key, value));
          }
          shared.forEach((s, i) => {
            expect(new Map(s)).toEqual(copied[i]);
            expect(s.size).toBe(copied[i]!.size);
            for (const k of ['a', 'b', 'c', 'd', 'e']) expect(s.get(k)).toBe(copied[i]!.get(k));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

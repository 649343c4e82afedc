import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('equals the reference implementation on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units and serializes numbers as ECMAScript does (RFC 8785 examples)', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.000001, -0, 'é'], '\u20ac': true, '\r': null })).toBe(
      '{"\\r":null,"a":[1e+21,0.000001,0,"é"],"b":1,"€":true}',
    );
  });

  it('gives the same text for the same keys in any insertion order, however often a key set recurs', () => {
    const keys = fc.uniqueArray(fc.oneof(fc.string(), fc.constantFrom('a', 'b', '0', '10', '9', '__x')), {
      maxLength: 70,
    });
    fc.assert(
      fc.property(
        keys,
        fc.array(fc.jsonValue(), { minLength: 70, maxLength: 70 }),
        fc.nat(),
        (ks, values, seed) => {
          const build = (order: readonly string[], offset: number) =>
            Object.fromEntries(order.map((k, i) => [k, values[(i + offset) % values.length]]));
          const rotated = [...ks.slice(seed % (ks.length || 1)), ...ks.slice(0, seed % (ks.length || 1))];
          for (const [order, offset] of [
            [ks, 0],
            [ks, 1],
            [rotated, 0],
            [[...ks].reverse(), 2],
            [ks, 0],
          ] as const) {
            const value = build(order, offset);
            expect(canonicalJson(value)).toBe(canonicalize(value));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('the event hash', () => {
  it('hashes exactly the canonical JSON of the envelope without hash and position', async () => {
    const { createHash } = await import('node:crypto');
    const { chainEventsEncoded, GENESIS_HASH } = await import('./hashChain.ts');
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.string(), (data, streamId, recordedBy) => {
        const proposed = {
          eventId: '0190b5a2-0000-7000-8000-000000000000',
          type: 'Tick',
          schemaVersion: 1,
          data,
          metadata: { recordedAt: '2020-01-01T00:00:00.000Z', recordedBy },
        };
        const [encoded] = chainEventsEncoded(streamId, { version: 0, hash: GENESIS_HASH }, [proposed]);
        const { hash, ...rest } = encoded!.event;
        const expected = createHash('sha256').update(GENESIS_HASH).update(canonicalize(rest)!).digest('hex');
        expect(hash).toBe(expected);
        expect(encoded!.dataJson).toBe(canonicalize(data));
      }),
      { numRuns: 300 },
    );
  });
});

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

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
  });
});

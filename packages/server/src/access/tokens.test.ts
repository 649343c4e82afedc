import { describe, expect, it } from 'vitest';
import { covers, tokensFromJson, tokensFromList } from './tokens.ts';

describe('tokens', () => {
  it('reads LVZHI_TOKENS as tokens for every committee, ignoring blanks', () => {
    expect([...tokensFromList(' a , ,b')]).toEqual([
      ['a', '*'],
      ['b', '*'],
    ]);
  });
  it('reads a tokens file mapping tokens to committees or "*"', () => {
    const tokens = tokensFromJson('{"0123456789abcdef01": ["cq"], "fedcba9876543210fe": "*"}');
    expect(covers(tokens.get('0123456789abcdef01')!, 'cq')).toBe(true);
    expect(covers(tokens.get('0123456789abcdef01')!, 'yz')).toBe(false);
    expect(covers(tokens.get('fedcba9876543210fe')!, 'yz')).toBe(true);
  });
  it('names what is wrong in a tokens file', () => {
    expect(() => tokensFromJson('{')).toThrow(/not JSON/);
    expect(() => tokensFromJson('{"short": ["cq"]}')).toThrow(/short/);
    expect(() => tokensFromJson('{"0123456789abcdef01": "cq"}')).toThrow(/0123456789abcdef01/);
  });
});

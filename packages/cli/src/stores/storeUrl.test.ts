import { InMemoryEventStore } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../exitCodes.ts';
import { openStore, registerStoreScheme, resolveStoreScheme, storeUsages } from './storeUrl.ts';

describe('the store-URL resolver', () => {
  it('knows sqlite: and memory:', () => {
    expect(storeUsages()).toEqual(expect.arrayContaining(['sqlite:PATH', 'memory:']));
    expect(resolveStoreScheme('sqlite:./lvzhi.db').rest).toBe('./lvzhi.db');
    expect(resolveStoreScheme('SQLITE:x.db').scheme.scheme).toBe('sqlite:');
  });

  it('refuses an unknown scheme with a usage error in both languages, listing the known ones', () => {
    let error: UsageError | undefined;
    try {
      resolveStoreScheme('mongodb://localhost/lvzhi');
    } catch (e) {
      error = e as UsageError;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toContain('unknown store scheme "mongodb:"');
    expect(error?.message).toContain('sqlite:PATH');
    expect(error?.messageZh).toContain('不支持的存储协议');
  });

  it('suggests sqlite: for a bare path', () => {
    expect(() => resolveStoreScheme('lvzhi.db')).toThrow(/did you mean sqlite:lvzhi\.db/);
  });

  it('takes new schemes (as postgres: and esdb: will be added)', async () => {
    const store = new InMemoryEventStore();
    registerStoreScheme({ scheme: 'test-only:', usage: 'test-only:', open: async () => store });
    expect(await openStore('test-only:anything', { cwd: '/' })).toBe(store);
  });
});

import { describe, expect, it } from 'vitest';
import { splitStreamPrefix } from './eventStoreDbScheme.ts';
import { resolveStoreScheme, storeUsages } from './storeUrl.ts';

describe('esdb: store URLs', () => {
  it('are known, with esdb+discover:', () => {
    expect(storeUsages().join(' ')).toContain('esdb://HOST:2113');
    expect(resolveStoreScheme('esdb+discover://cluster.example:2113').scheme.scheme).toBe('esdb+discover:');
    expect(resolveStoreScheme('ESDB://a:2113,b:2113?tls=false').rest).toBe('//a:2113,b:2113?tls=false');
  });

  it('take streamPrefix= out of the query and leave the rest as the client reads it', () => {
    expect(splitStreamPrefix('esdb://a:2113?tls=false')).toEqual({
      connectionString: 'esdb://a:2113?tls=false',
    });
    expect(
      splitStreamPrefix('esdb://a:2113,b:2113?tls=false&streamPrefix=t1-&nodePreference=leader'),
    ).toEqual({
      connectionString: 'esdb://a:2113,b:2113?tls=false&nodePreference=leader',
      streamPrefix: 't1-',
    });
    expect(splitStreamPrefix('esdb://a:2113?streamPrefix=%E5%B8%82-')).toEqual({
      connectionString: 'esdb://a:2113',
      streamPrefix: '市-',
    });
  });
});

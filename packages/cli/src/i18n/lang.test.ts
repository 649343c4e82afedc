import { describe, expect, it } from 'vitest';
import { langFromArgs, langFromEnv } from './lang.ts';

describe('the language of messages', () => {
  it('is Chinese when the locale starts with zh, LC_ALL first', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFromEnv({})).toBe('en');
  });

  it('is taken from --lang before commander parses the arguments', () => {
    expect(langFromArgs(['--lang', 'zh', 'log'])).toBe('zh');
    expect(langFromArgs(['log', '--lang=en'])).toBe('en');
    expect(langFromArgs(['--lang', 'fr'])).toBeUndefined();
    expect(langFromArgs(['record', '--', '--lang', 'zh'])).toBeUndefined();
  });
});

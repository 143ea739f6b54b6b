import { describe, expect, it } from 'vitest';
import { fallbackChain, findLocale, negotiateLocale, parseAcceptLanguage } from './locales';

describe('fallbackChain', () => {
  it('walks from a regional tag to its language and then the default', () => {
    expect(fallbackChain('pt-BR')).toEqual(['pt-BR', 'en']);
    expect(fallbackChain('pt-PT')).toEqual(['pt-BR', 'en']);
    expect(fallbackChain('fr-CA')).toEqual(['fr', 'en']);
  });

  it('maps Chinese tags onto simplified Chinese', () => {
    expect(fallbackChain('zh-CN')).toEqual(['zh-Hans', 'en']);
    expect(fallbackChain('zh-Hans-CN')).toEqual(['zh-Hans', 'en']);
  });

  it('ends with the default for unknown or missing tags', () => {
    expect(fallbackChain('sw')).toEqual(['en']);
    expect(fallbackChain(undefined)).toEqual(['en']);
    expect(fallbackChain('en')).toEqual(['en']);
  });
});

describe('findLocale', () => {
  it('accepts any case and returns the configured spelling', () => {
    expect(findLocale('PT-br')).toBe('pt-BR');
    expect(findLocale('zh-hans')).toBe('zh-Hans');
    expect(findLocale('xx')).toBeUndefined();
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by quality and drops q=0', () => {
    expect(parseAcceptLanguage('de;q=0.5, fr-CH, fr;q=0.9, en;q=0')).toEqual(['fr-CH', 'fr', 'de']);
  });
});

describe('negotiateLocale', () => {
  it('prefers an explicit choice, then the browser, then English', () => {
    expect(negotiateLocale({ explicit: ['ja'], acceptLanguage: 'fr' })).toBe('ja');
    expect(negotiateLocale({ explicit: [undefined, 'nope'], acceptLanguage: 'sw, de-AT;q=0.8' })).toBe('de');
    expect(negotiateLocale({ acceptLanguage: 'sw, ko' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });
});

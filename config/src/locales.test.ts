import { describe, expect, it } from 'vitest';
import { fallbackChain, findLocale, negotiateLocale, parseAcceptLanguage, textDirection } from './locales';

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

  it('walks from any Arabic tag to Arabic, then English', () => {
    expect(fallbackChain('ar')).toEqual(['ar', 'en']);
    expect(fallbackChain('ar-EG')).toEqual(['ar', 'en']);
    expect(fallbackChain('ar-MA')).toEqual(['ar', 'en']);
    expect(fallbackChain('ar-Arab-SA')).toEqual(['ar', 'en']);
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

  it('picks Arabic for the Arabic of any country', () => {
    expect(negotiateLocale({ acceptLanguage: 'ar-EG,ar;q=0.9,en;q=0.8' })).toBe('ar');
    expect(negotiateLocale({ acceptLanguage: 'ar-MA, fr;q=0.8' })).toBe('ar');
    expect(negotiateLocale({ acceptLanguage: 'ar' })).toBe('ar');
    expect(negotiateLocale({ acceptLanguage: 'fr-MA, ar-MA;q=0.9' })).toBe('fr');
  });
});

describe('textDirection', () => {
  it('is right to left for Arabic, whatever the region', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('AR-ma')).toBe('rtl');
  });

  it('follows the script of languages the portal does not offer', () => {
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('ur')).toBe('rtl');
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('az')).toBe('ltr');
    expect(textDirection('uz-Latn')).toBe('ltr');
  });

  it('is left to right for the other offered locales and for unknown or missing tags', () => {
    for (const code of ['en', 'fr', 'de', 'es', 'pt-BR', 'ja', 'zh-Hans']) expect(textDirection(code), code).toBe('ltr');
    expect(textDirection('not a tag')).toBe('ltr');
    expect(textDirection(undefined)).toBe('ltr');
  });
});

import { describe, expect, it } from 'vitest';
import { redirectToLocale } from './locale-redirect';

const target = (cookie: string | undefined, acceptLanguage: string | null) =>
  redirectToLocale({ cookie, acceptLanguage }).headers.get('location');

describe('redirect from / to a locale', () => {
  it('prefers the locale cookie over Accept-Language', () => {
    expect(target('de', 'fr-CA,fr;q=0.9')).toBe('/de');
    expect(target('pt-BR', 'ja')).toBe('/pt-BR');
  });

  it('uses Accept-Language when there is no usable cookie', () => {
    expect(target(undefined, 'fr-CA,fr;q=0.9')).toBe('/fr');
    expect(target('klingon', 'zh-CN,zh;q=0.9,en;q=0.5')).toBe('/zh-Hans');
  });

  it('sends everyone else to English', () => {
    expect(target(undefined, null)).toBe('/en');
    expect(target(undefined, 'sw,ko;q=0.8')).toBe('/en');
  });

  it('is a redirect that shared caches neither store nor reuse across languages', () => {
    const response = redirectToLocale({ cookie: undefined, acceptLanguage: 'ja', search: '?utm_source=x' });
    expect([303, 307]).toContain(response.status);
    expect(response.headers.get('location')).toBe('/ja?utm_source=x');
    expect(response.headers.get('vary')).toBe('Accept-Language, Cookie');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

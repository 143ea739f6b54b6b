import { describe, expect, it } from 'vitest';
import { localizePath } from './paths';

describe('localizePath', () => {
  it('swaps the locale prefix', () => {
    expect(localizePath('/fr/groups', 'de')).toBe('/de/groups');
    expect(localizePath('/pt-BR', 'zh-Hans')).toBe('/zh-Hans');
    expect(localizePath('/en/', 'ja')).toBe('/ja/');
  });

  it('prefixes paths without a locale', () => {
    expect(localizePath('/', 'fr')).toBe('/fr');
    expect(localizePath('/groups', 'fr')).toBe('/fr/groups');
  });
});

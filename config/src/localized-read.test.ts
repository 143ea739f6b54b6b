import { describe, expect, it } from 'vitest';
import { overlayTranslations, readLocaleParam } from './localized-read';

const base = [
  { documentId: 'a', locale: 'en', name: 'Alpha', summary: 'English A', country: 'FR' },
  { documentId: 'b', locale: 'en', name: 'Beta', summary: 'English B', country: 'BR' },
];

describe('overlayTranslations', () => {
  it('takes localized attributes from the best locale and keeps shared ones from the base', () => {
    const versions = new Map([
      ['pt-BR', [{ documentId: 'b', locale: 'pt-BR', summary: 'Português B', country: 'XX' }]],
    ]);
    const served = overlayTranslations(base, versions, ['pt-BR', 'en'], ['summary'], 'en');
    expect(served.map((s) => s.locale)).toEqual(['en', 'pt-BR']);
    expect(served[1]?.doc).toMatchObject({ name: 'Beta', summary: 'Português B', country: 'BR', locale: 'pt-BR' });
    expect(served[0]?.doc).toBe(base[0]);
  });

  it('walks the chain in order', () => {
    const versions = new Map([
      ['fr', [{ documentId: 'a', summary: 'Français A' }]],
      ['fr-CA', [] as { documentId: string }[]],
    ]);
    const served = overlayTranslations(base, versions, ['fr-CA', 'fr', 'en'], ['summary'], 'en');
    expect(served[0]).toMatchObject({ locale: 'fr', doc: { summary: 'Français A' } });
    expect(served[1]).toMatchObject({ locale: 'en', doc: { summary: 'English B' } });
  });
});

describe('readLocaleParam', () => {
  it('serves the default locale when none is asked for', () => {
    expect(readLocaleParam(undefined)).toEqual({ requested: 'en', chain: ['en'] });
    expect(readLocaleParam('')).toEqual({ requested: 'en', chain: ['en'] });
  });

  it('normalises an offered locale and walks any well-formed tag along its chain', () => {
    expect(readLocaleParam('pt-br')).toEqual({ requested: 'pt-BR', chain: ['pt-BR', 'en'] });
    expect(readLocaleParam('fr-CA')).toEqual({ requested: 'fr-CA', chain: ['fr', 'en'] });
  });

  it('explains a malformed value', () => {
    expect(readLocaleParam('not a tag')).toMatch(/single language tag/);
    expect(readLocaleParam(['fr', 'de'])).toMatch(/single language tag/);
  });
});

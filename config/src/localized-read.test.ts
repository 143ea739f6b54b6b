import { describe, expect, it } from 'vitest';
import { localizeInPlace, overlayTranslations, readLocaleParam, shapeLike } from './localized-read';

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

describe('localizeInPlace', () => {
  const fr = { requested: 'fr', chain: ['fr', 'en'] };

  it('replaces only the localized attributes a document carries, and marks every document', () => {
    const docs: Record<string, unknown>[] = [
      { documentId: 'a', title: 'Meetup', slug: 'meetup' },
      { documentId: 'b', title: 'Workshop' },
      { documentId: 'c', slug: 'only-slug' },
    ];
    const versions = new Map([['fr', [
      { documentId: 'a', title: 'Rencontre', description: 'not asked for', slug: 'ignored' },
      { documentId: 'c', title: 'Atelier' },
    ]]]);
    localizeInPlace(docs, versions, fr, ['title', 'description'], 'en');
    expect(docs).toEqual([
      { documentId: 'a', title: 'Rencontre', slug: 'meetup', locale: 'fr', localeFallback: false },
      { documentId: 'b', title: 'Workshop', locale: 'en', localeFallback: true },
      { documentId: 'c', slug: 'only-slug', locale: 'fr', localeFallback: false },
    ]);
  });

  it('walks the chain in order and says a regional request is served by its language', () => {
    const docs: Record<string, unknown>[] = [{ documentId: 'a', name: 'Europe' }];
    localizeInPlace(docs, new Map([['pt', [{ documentId: 'a', name: 'Europa' }]], ['pt-BR', []]]), { requested: 'pt-PT', chain: ['pt-BR', 'pt', 'en'] }, ['name'], 'en');
    expect(docs[0]).toEqual({ documentId: 'a', name: 'Europa', locale: 'pt', localeFallback: true });
  });

  it('marks default-locale documents when English is asked for', () => {
    const docs: Record<string, unknown>[] = [{ documentId: 'a', name: 'Europe' }];
    localizeInPlace(docs, new Map(), { requested: 'en', chain: ['en'] }, ['name'], 'en');
    expect(docs[0]).toEqual({ documentId: 'a', name: 'Europe', locale: 'en', localeFallback: false });
  });
});

describe('shapeLike', () => {
  it('keeps a translated component to the keys and depth the base was asked in', () => {
    const template = { id: 1, scope: 'Docs', chairs: [{ id: 2, name: 'Ann' }] };
    const value = { id: 7, scope: 'Documentation', meetingNotesUrl: 'x', chairs: [{ id: 8, name: 'Anne', affiliation: 'ACME' }], channels: [{ id: 9 }] };
    expect(shapeLike(value, template)).toEqual({ id: 7, scope: 'Documentation', chairs: [{ id: 8, name: 'Anne' }] });
  });

  it('gives only scalars where the base had nothing to copy the shape from', () => {
    expect(shapeLike({ scope: 'S', chairs: [{ name: 'A' }] }, null)).toEqual({ scope: 'S' });
    expect(shapeLike([{ name: 'A', nested: { x: 1 } }], [])).toEqual([{ name: 'A' }]);
    expect(shapeLike('text', 'other')).toBe('text');
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

import { describe, expect, it } from 'vitest';
import { applyFilters, matchesLanguage, readFeedQuery } from './calendar-query';

describe('readFeedQuery', () => {
  it('reads the locale and the community calendar’s filters', () => {
    expect(readFeedQuery({}, { filters: true })).toEqual({ locale: { requested: 'en', chain: ['en'] }, filters: {} });
    expect(readFeedQuery({ locale: 'pt-BR', region: 'europe', language: 'pt-br', kind: 'working-group', format: 'online' }, { filters: true })).toEqual({
      locale: { requested: 'pt-BR', chain: ['pt-BR', 'en'] },
      filters: { region: 'europe', language: 'pt-BR', kind: 'working-group', format: 'online' },
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(readFeedQuery({ kind: 'club' }, { filters: true })).toMatch(/"kind" must be one of user-group/);
    expect(readFeedQuery({ format: 'phone' }, { filters: true })).toMatch(/"format" must be one of in-person, online, hybrid/);
    expect(readFeedQuery({ region: 'Europe!' }, { filters: true })).toMatch(/"region" must be a region slug/);
    expect(readFeedQuery({ language: 'french please' }, { filters: true })).toMatch(/"language" must be a language tag/);
    expect(readFeedQuery({ kind: ['user-group', 'working-group'] }, { filters: true })).toMatch(/"kind" must be given once/);
    expect(readFeedQuery({ locale: 'x y' }, { filters: false })).toMatch(/locale must be a single language tag/);
  });

  it('refuses parameters it does not know, and filters where none apply', () => {
    expect(readFeedQuery({ region: 'europe' }, { filters: false })).toBe('Unknown query parameter(s): region. Allowed: locale.');
    expect(readFeedQuery({ sort: 'title' }, { filters: true })).toMatch(/^Unknown query parameter\(s\): sort\. Allowed: locale, region, language, kind, format\.$/);
  });
});

describe('applyFilters', () => {
  const events = [
    { id: 1, format: 'online', language: 'pt-BR', group: { kind: 'user-group', region: { slug: 'latin-america' } } },
    { id: 2, format: 'in-person', language: 'fr', group: { kind: 'working-group', region: { slug: 'europe' } } },
    { id: 3, format: 'hybrid', language: null, group: null },
  ];
  const ids = (filters: Parameters<typeof applyFilters>[1]) => applyFilters(events, filters).map((e) => e.id);

  it('keeps the events that pass every filter', () => {
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ language: 'pt' })).toEqual([1]);
    expect(ids({ region: 'europe' })).toEqual([2]);
    expect(ids({ kind: 'user-group', format: 'online' })).toEqual([1]);
    expect(ids({ kind: 'user-group', format: 'hybrid' })).toEqual([]);
  });

  it('matches a language by its prefix, case aside', () => {
    expect(matchesLanguage('PT-br', 'pt')).toBe(true);
    expect(matchesLanguage('pt', 'pt-BR')).toBe(false);
    expect(matchesLanguage(null, 'en')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { namesMatching, parseDirectoryQuery, parseNear, serializeDirectoryQuery } from './directory-query';

const parse = (search: string) => parseDirectoryQuery(new URLSearchParams(search));

describe('parseDirectoryQuery', () => {
  it('keeps valid filters, normalised', () => {
    expect(parse('q=  tokyo   users &country=jp&region=East-Asia&language=PT-br&kind=working-group&status=forming&page=3&near=35.68,139.69')).toEqual({
      q: 'tokyo users',
      country: 'JP',
      region: 'east-asia',
      language: 'pt-BR',
      kind: 'working-group',
      status: 'forming',
      page: 3,
      near: { lat: 35.68, lng: 139.69 },
    });
  });

  it('drops malformed or unknown values instead of failing', () => {
    expect(parse('country=XX&region=../x&language=english!&kind=club&status=published&page=-2&near=91,0&q=')).toEqual({ page: 1 });
    expect(parse('page=1e3&near=abc')).toEqual({ page: 1 });
    expect(parse(`q=${'a'.repeat(500)}`).q).toHaveLength(100);
  });
});

describe('serializeDirectoryQuery', () => {
  it('round-trips and leaves out defaults', () => {
    const query = parse('kind=user-group&q=café&page=2&near=48.85661,2.35222');
    expect(serializeDirectoryQuery(query)).toBe('?q=caf%C3%A9&kind=user-group&near=48.8566%2C2.3522&page=2');
    expect(parse(serializeDirectoryQuery(query).slice(1))).toEqual({ ...query, near: { lat: 48.8566, lng: 2.3522 } });
    expect(serializeDirectoryQuery({ page: 1 })).toBe('');
  });
});

describe('parseNear', () => {
  it('reads lat,lng within range', () => {
    expect(parseNear('-33.87, 151.21')).toEqual({ lat: -33.87, lng: 151.21 });
    expect(parseNear('0,181')).toBeUndefined();
    expect(parseNear('1,2,3')).toBeUndefined();
  });
});

describe('namesMatching', () => {
  it('finds country codes by name in the visitor’s language or English, ignoring accents', () => {
    expect(namesMatching('allemagne', 'fr', ['DE', 'FR'], 'region')).toEqual(['DE']);
    expect(namesMatching('Germany', 'fr', ['DE', 'FR'], 'region')).toEqual(['DE']);
    expect(namesMatching('peru', 'es', ['PE', 'ES'], 'region')).toEqual(['PE']);
    expect(namesMatching('日本', 'ja', ['JP', 'CN'], 'region')).toEqual(['JP']);
    expect(namesMatching('united', 'en', ['US', 'GB', 'DE'], 'region')).toEqual(['US', 'GB']);
  });

  it('finds languages by name and ignores one-letter searches', () => {
    expect(namesMatching('portug', 'en', ['pt', 'es'], 'language')).toEqual(['pt']);
    expect(namesMatching('f', 'en', ['fr'], 'language')).toEqual([]);
  });
});

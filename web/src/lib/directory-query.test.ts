import { describe, expect, it } from 'vitest';
import { distanceKm, namesMatching, parseDirectoryQuery, parseNear, serializeDirectoryQuery, statusSlices } from './directory-query';

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

describe('distanceKm', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm({ lat: 48.8566, lng: 2.3522 }, { lat: 51.5074, lng: -0.1278 })).toBeCloseTo(343.5, 0);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015, -1);
    expect(distanceKm({ lat: 10, lng: 10 }, { lat: 10, lng: 10 })).toBe(0);
  });
});

describe('statusSlices', () => {
  it('walks the status buckets in order across a page boundary', () => {
    const counts = { active: 25, forming: 3, dormant: 4, archived: 2 };
    expect(statusSlices(counts, 1, 20)).toEqual([{ status: 'active', start: 0, limit: 20 }]);
    expect(statusSlices(counts, 2, 20)).toEqual([
      { status: 'active', start: 20, limit: 5 },
      { status: 'forming', start: 0, limit: 3 },
      { status: 'dormant', start: 0, limit: 4 },
      { status: 'archived', start: 0, limit: 2 },
    ]);
    expect(statusSlices(counts, 3, 20)).toEqual([]);
    expect(statusSlices({ dormant: 5 }, 1, 2)).toEqual([{ status: 'dormant', start: 0, limit: 2 }]);
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

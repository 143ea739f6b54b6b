import { describe, expect, it } from 'vitest';
import { decodeGroups, encodeGroups, fromFeatures, groupByCountry, type MapGroup } from './points';

const feature = (slug: string, lng: unknown, lat: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { slug, name: slug.toUpperCase(), kind: 'user-group', state: 'active', ...properties },
});

const group = (slug: string, name: string, country: string | null, city: string | null = null): MapGroup => ({
  slug,
  name,
  kind: 'user-group',
  lat: 1,
  lng: 2,
  city,
  country,
});

describe('fromFeatures', () => {
  it('reads [lng, lat] points and leaves absent places null', () => {
    expect(fromFeatures([feature('paris', 2.35, 48.85, { city: 'Paris', country: 'FR' }), feature('online', 0, 0)])).toEqual([
      { slug: 'paris', name: 'PARIS', kind: 'user-group', lat: 48.85, lng: 2.35, city: 'Paris', country: 'FR' },
      { slug: 'online', name: 'ONLINE', kind: 'user-group', lat: 0, lng: 0, city: null, country: null },
    ]);
  });

  it('skips features without a slug, a name or a valid point', () => {
    expect(
      fromFeatures([
        feature('', 1, 1),
        feature('no-name', 1, 1, { name: '' }),
        feature('lat-out-of-range', 10, 91),
        feature('not-a-number', '1', 1),
        { geometry: {}, properties: { slug: 'no-geometry', name: 'x' } },
        {},
      ]),
    ).toEqual([]);
  });
});

describe('points.json rows', () => {
  it('round-trips the groups', () => {
    const groups = [group('a', 'A', 'FR', 'Lyon'), group('b', 'B', null)];
    expect(decodeGroups(JSON.parse(encodeGroups(groups)))).toEqual(groups);
  });

  it('is smaller than the GeoJSON it comes from', () => {
    const features = Array.from({ length: 100 }, (_, i) => feature(`group-${i}`, i, i / 2, { city: 'Somewhere', country: 'DE' }));
    expect(encodeGroups(fromFeatures(features)).length).toBeLessThan(JSON.stringify({ type: 'FeatureCollection', features }).length * 0.6);
  });

  it('ignores what is not a list of rows', () => {
    expect(decodeGroups(null)).toEqual([]);
    expect(decodeGroups({ groups: 'nope' })).toEqual([]);
    expect(decodeGroups({ groups: [null, ['a', 'A', 'user-group', 'x', 1, '', '']] })).toEqual([]);
  });
});

describe('groupByCountry', () => {
  const groups = [
    group('zurich', 'Zürich', 'CH'),
    group('berlin', 'Berlin', 'DE', 'Berlin'),
    group('bonn', 'Bonn', 'DE'),
    group('aachen', 'Aachen', 'de'),
    group('nowhere', 'Nowhere', null),
    group('lyon', 'Lyon', 'FR'),
  ];

  it('orders countries by their name in the reader’s language, groups by name, no country last', () => {
    const sections = groupByCountry(groups, 'en');
    expect(sections.map((s) => s.name)).toEqual(['France', 'Germany', 'Switzerland', '']);
    expect(sections.map((s) => s.code)).toEqual(['FR', 'DE', 'CH', null]);
    expect(sections[1]!.groups).toEqual([
      { slug: 'aachen', name: 'Aachen', city: null },
      { slug: 'berlin', name: 'Berlin', city: 'Berlin' },
      { slug: 'bonn', name: 'Bonn', city: null },
    ]);
  });

  it('names and sorts countries in the reader’s language', () => {
    expect(groupByCountry(groups, 'de').map((s) => s.name)).toEqual(['Deutschland', 'Frankreich', 'Schweiz', '']);
  });

  it('gives no section for no groups', () => {
    expect(groupByCountry([], 'fr')).toEqual([]);
  });
});

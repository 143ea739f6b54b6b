import { describe, expect, it } from 'vitest';
import { toFeatureCollection, type GroupPoint } from './feature-collection';

const lisbon: GroupPoint = {
  slug: 'lisbon',
  name: 'Lisbon User Group',
  kind: 'user-group',
  state: 'active',
  city: 'Lisbon',
  country: 'PT',
  latitude: 38.7222524,
  longitude: -9.1393366,
};

describe('toFeatureCollection', () => {
  it('writes one Point per group, longitude first, rounded to five decimals', () => {
    expect(JSON.parse(toFeatureCollection([lisbon]))).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-9.13934, 38.72225] },
          properties: { slug: 'lisbon', name: 'Lisbon User Group', kind: 'user-group', state: 'active', city: 'Lisbon', country: 'PT' },
        },
      ],
    });
  });

  it('is compact and leaves out empty properties instead of writing null', () => {
    const text = toFeatureCollection([{ ...lisbon, city: null, country: '' }]);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(text).not.toContain('null');
    expect(JSON.parse(text).features[0].properties).toEqual({ slug: 'lisbon', name: 'Lisbon User Group', kind: 'user-group', state: 'active' });
  });

  it('skips groups without usable coordinates', () => {
    const groups: GroupPoint[] = [
      { ...lisbon, slug: 'no-latitude', latitude: null },
      { ...lisbon, slug: 'no-longitude', longitude: undefined },
      { ...lisbon, slug: 'off-the-globe', latitude: 91 },
      { ...lisbon, slug: 'not-a-number', longitude: Number.NaN },
      { ...lisbon, slug: 'null-island', latitude: 0, longitude: 0 },
    ];
    const slugs = JSON.parse(toFeatureCollection(groups)).features.map((f: any) => f.properties.slug);
    expect(slugs).toEqual(['null-island']);
  });

  it('gives the same bytes for the same groups in any order', () => {
    const porto = { ...lisbon, slug: 'porto', name: 'Porto', latitude: 41.1579, longitude: -8.6291 };
    expect(toFeatureCollection([porto, lisbon])).toBe(toFeatureCollection([lisbon, porto]));
    expect(toFeatureCollection([])).toBe('{"type":"FeatureCollection","features":[]}');
  });

  it('escapes names as JSON', () => {
    const text = toFeatureCollection([{ ...lisbon, name: 'Quote " and </script>' }]);
    expect(JSON.parse(text).features[0].properties.name).toBe('Quote " and </script>');
  });
});

import { describe, expect, inject, it } from 'vitest';
import { groups } from '../../cms/src/seed/data';

const web = (path: string, init?: RequestInit) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual', ...init });

const placed = groups.filter((g) => typeof g.latitude === 'number' && typeof g.longitude === 'number');
const unplaced = groups.filter((g) => typeof g.latitude !== 'number');

type Row = [string, string, string, number, number, string, string];

describe('the map', () => {
  it('serves every demo group with a place from /map/points.json', async () => {
    const response = await web('/map/points.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const rows = new Map(((await response.json()) as { groups: Row[] }).groups.map((row) => [row[0], row]));
    expect(placed.length).toBeGreaterThan(40);
    for (const group of placed) {
      const row = rows.get(group.slug);
      expect(row, group.slug).toBeDefined();
      const [, name, kind, lat, lng, city, country] = row!;
      expect({ name, kind, city, country }).toEqual({ name: group.name, kind: group.kind, city: group.city ?? '', country: group.country ?? '' });
      expect(lat).toBeCloseTo(group.latitude as number, 4);
      expect(lng).toBeCloseTo(group.longitude as number, 4);
    }
    for (const group of unplaced) expect(rows.has(group.slug), group.slug).toBe(false);
  });

  it('answers 304 when the browser’s copy is current, for the plain and the gzipped copy', async () => {
    const plain = await web('/map/points.json', { headers: { 'accept-encoding': 'identity' } });
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const body = Buffer.from(await plain.arrayBuffer());

    // Node's fetch inflates the gzipped body silently: it must give the same bytes.
    const gzipped = await web('/map/points.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const gzipEtag = gzipped.headers.get('etag');
    expect(gzipEtag).not.toBe(etag);
    expect(Buffer.from(await gzipped.arrayBuffer()).equals(body)).toBe(true);

    for (const held of [etag!, gzipEtag!]) {
      const again = await web('/map/points.json', { headers: { 'if-none-match': held, 'accept-encoding': 'gzip' } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(held);
      expect(await again.text()).toBe('');
    }
    expect((await web('/map/points.json', { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);
  });

  it('lists every group of the map by country in the page, linking to each group, without inlining the points', async () => {
    const response = await web('/fr/map');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Groupes par pays');
    for (const group of placed) expect(html, group.slug).toContain(`href="/fr/groups/${group.slug}"`);
    const countries = new Set(placed.map((g) => g.country));
    for (const code of countries) {
      const name = new Intl.DisplayNames(['fr'], { type: 'region' }).of(code)!;
      expect(html, code).toContain(name);
    }
    // The coordinates come from points.json, not from the page.
    const paris = placed.find((g) => g.slug === 'paris-user-group')!;
    expect(html).not.toContain(String(paris.latitude));
    expect(html).not.toContain(String(paris.longitude));
  });

  it('ignores an unknown ?group= and answers a bad locale with 404', async () => {
    expect((await web('/de/map?group=no-such-group')).status).toBe(200);
    expect((await web('/xx/map')).status).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { groups } from '../../cms/src/seed/data';
import { admin, api, editor } from './client';

const URL = '/api/community/groups.geojson';
const GROUP = 'api::group.group';
const PROPERTY_KEYS = new Set(['slug', 'name', 'kind', 'state', 'city', 'country']);

interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { slug: string; name: string; kind: string; state: string; city?: string; country?: string };
}

async function collection(headers: Record<string, string> = {}) {
  const response = await api.get<{ type: string; features: Feature[] }>(URL, { headers });
  expect(response.status, response.text).toBe(200);
  const bySlug = new Map(response.body.features.map((f) => [f.properties.slug, f]));
  return { response, etag: response.headers.get('etag'), bySlug };
}

const testGroup = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `GeoJSON ${slug}`,
  slug,
  kind: 'user-group',
  state: 'forming',
  country: 'IS',
  city: 'Reykjavík',
  languages: ['is'],
  timezone: 'Atlantic/Reykjavik',
  latitude: 64.1466,
  longitude: -21.9426,
  contactEmail: `${slug}@example.org`,
  ...extra,
});

async function create(slug: string, extra?: Record<string, unknown>) {
  const created = await editor.create(GROUP, testGroup(slug, extra));
  expect(created.status, created.text).toBe(201);
  return created.body.data.documentId as string;
}

async function publish(documentId: string) {
  const published = await editor.publish(GROUP, documentId);
  expect(published.status, published.text).toBe(200);
}

describe('the groups GeoJSON', () => {
  it('is a compact FeatureCollection with a point for every demo group that has coordinates', async () => {
    const { response, bySlug } = await collection();
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.text).toBe(JSON.stringify(response.body));
    expect(response.text).not.toContain('null');
    expect(response.body.type).toBe('FeatureCollection');

    const located = groups.filter((g) => g.latitude !== undefined && g.longitude !== undefined);
    expect(located.length).toBeGreaterThan(40);
    for (const group of located) {
      const feature = bySlug.get(group.slug);
      expect(feature, group.slug).toBeDefined();
      expect(feature!.geometry.type).toBe('Point');
      expect(feature!.geometry.coordinates[0]).toBeCloseTo(group.longitude!, 5);
      expect(feature!.geometry.coordinates[1]).toBeCloseTo(group.latitude!, 5);
      expect(feature!.properties).toMatchObject({ name: group.name, kind: group.kind, state: group.status, country: group.country });
      if (group.city) expect(feature!.properties.city).toBe(group.city);
    }
    for (const group of groups.filter((g) => g.latitude === undefined || g.longitude === undefined)) {
      expect(bySlug.has(group.slug), group.slug).toBe(false);
    }
  });

  it('carries no private field', async () => {
    const { response } = await collection();
    for (const feature of response.body.features) {
      expect(Object.keys(feature).sort()).toEqual(['geometry', 'properties', 'type']);
      for (const key of Object.keys(feature.properties)) expect(PROPERTY_KEYS.has(key), key).toBe(true);
    }
    expect(response.text).not.toContain('@');
    for (const group of groups) expect(response.text).not.toContain(group.contactEmail);
  });

  it('is sent gzipped to clients that accept it, and plain to others', async () => {
    const gzipped = await collection({ 'accept-encoding': 'gzip' });
    expect(gzipped.response.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.response.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await collection({ 'accept-encoding': 'identity' });
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.response.text).toBe(gzipped.response.text);
  });

  it('answers 304 without a body when the client holds the current version', async () => {
    const { etag } = await collection();
    const again = await api.get(URL, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await api.get(URL, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('follows what editors publish, unpublish and delete, never their drafts', async () => {
    const before = await collection();
    const draftId = await create('geojson-draft-group');
    const draftOnly = await collection();
    expect(draftOnly.bySlug.has('geojson-draft-group')).toBe(false);
    expect(draftOnly.etag).toBe(before.etag);
    expect(draftOnly.response.text).not.toContain('geojson-draft-group@example.org');

    await publish(draftId);
    const published = await collection();
    expect(published.etag).not.toBe(before.etag);
    expect(published.bySlug.get('geojson-draft-group')?.properties.city).toBe('Reykjavík');
    expect((await api.get(URL, { headers: { 'if-none-match': before.etag! } })).status).toBe(200);

    // A change saved as a draft stays invisible until it is published, even when
    // another group is published in between.
    const change = await editor.update(GROUP, draftId, { city: 'Kópavogur', latitude: 64.1123, longitude: -21.9123 });
    expect(change.status, change.text).toBe(200);
    const otherId = await create('geojson-other-group', { latitude: 65.6835, longitude: -18.0878, city: 'Akureyri' });
    await publish(otherId);
    const withOther = await collection();
    expect(withOther.bySlug.get('geojson-draft-group')?.properties.city).toBe('Reykjavík');
    expect(withOther.bySlug.has('geojson-other-group')).toBe(true);

    await publish(draftId);
    const changed = await collection();
    expect(changed.etag).not.toBe(withOther.etag);
    expect(changed.bySlug.get('geojson-draft-group')).toMatchObject({
      geometry: { coordinates: [-21.9123, 64.1123] },
      properties: { city: 'Kópavogur' },
    });

    const unpublished = await admin.send('POST', `/content-manager/collection-types/${GROUP}/${draftId}/actions/unpublish?locale=en`, {});
    expect(unpublished.status, unpublished.text).toBe(200);
    const afterUnpublish = await collection();
    expect(afterUnpublish.bySlug.has('geojson-draft-group')).toBe(false);
    expect(afterUnpublish.etag).not.toBe(changed.etag);

    for (const documentId of [draftId, otherId]) {
      const removed = await admin.send('DELETE', `/content-manager/collection-types/${GROUP}/${documentId}?locale=en`);
      expect(removed.status, removed.text).toBe(200);
    }
    const afterDelete = await collection();
    expect(afterDelete.bySlug.has('geojson-other-group')).toBe(false);
    expect(afterDelete.etag).toBe(before.etag);
  });
});

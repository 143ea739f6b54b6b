import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeGroups } from './points';
import { pointsResponse, POINTS_CACHE_CONTROL, prepare } from './points.server';

const points = prepare([{ slug: 'paris', name: 'Paris', kind: 'user-group', lat: 48.85, lng: 2.35, city: 'Paris', country: 'FR' }]);
const request = (headers: Record<string, string>) => new Request('http://web.test/map/points.json', { headers });

describe('pointsResponse', () => {
  it('sends the plain body with a strong ETag and Cache-Control', async () => {
    const response = pointsResponse(request({}), points);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get('cache-control')).toBe(POINTS_CACHE_CONTROL);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(decodeGroups(await response.json())).toEqual(points.groups);
  });

  it('sends gzip, under its own tag, to a client that accepts it', async () => {
    const response = pointsResponse(request({ 'accept-encoding': 'gzip, br' }), points);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('etag')).toBe(points.gzipEtag);
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).equals(points.body)).toBe(true);
  });

  it('answers 304 to a client holding either copy, repeating the tag it holds', () => {
    for (const held of [points.etag, points.gzipEtag]) {
      const response = pointsResponse(request({ 'accept-encoding': 'gzip', 'if-none-match': held }), points);
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(held);
      expect(response.headers.get('cache-control')).toBe(POINTS_CACHE_CONTROL);
    }
    expect(pointsResponse(request({ 'if-none-match': '"stale"' }), points).status).toBe(200);
  });

  it('gives equal data the same tag', () => {
    expect(prepare([...points.groups]).etag).toBe(points.etag);
  });
});

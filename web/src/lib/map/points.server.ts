import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { getGroupFeatures, type Fetch } from '$lib/server/cms';
import { acceptsGzip, matchingTag } from '@chapterhouse/config';
import { encodeGroups, fromFeatures, type MapGroup } from './points';
import { revalidatingCache } from './revalidating-cache';

/** The map's groups and `points.json` prepared once per change in the CMS: plain and gzipped, each with its strong ETag. */
export interface MapPoints {
  groups: MapGroup[];
  body: Buffer;
  gzip: Buffer;
  etag: string;
  gzipEtag: string;
}

export const POINTS_CACHE_CONTROL = 'public, max-age=60';

export function prepare(groups: MapGroup[]): MapPoints {
  const body = Buffer.from(encodeGroups(groups), 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { groups, body, gzip: gzipSync(body, { level: 9 }), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` };
}

const cache = revalidatingCache<MapPoints>({
  onStale: (cause) => console.warn('Serving the last map points; the CMS did not answer:', cause instanceof Error ? cause.message : cause),
});

/** Every group on the map, from the CMS's GeoJSON, revalidated with its ETag once the CMS's max-age has passed. */
export function mapPoints(fetch: Fetch): Promise<MapPoints> {
  return cache.get(async (etag) => {
    const answer = await getGroupFeatures(fetch, etag);
    return answer.status === 304 ? answer : { ...answer, value: prepare(fromFeatures(answer.value)) };
  });
}

/** The `points.json` answer to a request: 304 when the browser's copy is current, gzipped when it accepts that. */
export function pointsResponse(request: Request, points: MapPoints): Response {
  const gzip = acceptsGzip(request.headers.get('accept-encoding'));
  const preferred = gzip ? [points.gzipEtag, points.etag] : [points.etag, points.gzipEtag];
  // Both tags name the same content, so a copy of either is current; the 304 repeats the one the client holds.
  const matched = matchingTag(request.headers.get('if-none-match'), preferred);
  const headers = new Headers({ etag: matched ?? preferred[0]!, 'cache-control': POINTS_CACHE_CONTROL, vary: 'Accept-Encoding' });
  if (matched) return new Response(null, { status: 304, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  if (gzip) headers.set('content-encoding', 'gzip');
  return new Response(new Uint8Array(gzip ? points.gzip : points.body), { status: 200, headers });
}

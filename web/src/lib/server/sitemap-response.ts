import { createHash } from 'node:crypto';
import { matchingTag } from '@chapterhouse/config';
import { version } from '$app/environment';

const HEADERS = { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' };

const tagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;

/**
 * A sitemap answer with an ETag. While the CMS content version is known the tag follows
 * it (and this build and address), so a crawler holding a current copy gets a 304 before
 * any CMS read; otherwise the tag is the body's. `build` returns null for a part that does
 * not exist.
 */
export async function sitemapResponse(
  request: Request,
  url: URL,
  contentVersion: string | null,
  build: () => Promise<string | null>,
): Promise<Response> {
  const known = contentVersion === null ? undefined : tagOf(`${contentVersion} ${version} ${url.origin}${url.pathname}`);
  if (known && matchingTag(request.headers.get('if-none-match'), [known])) {
    return new Response(null, { status: 304, headers: { etag: known, 'cache-control': HEADERS['cache-control'] } });
  }
  const body = await build();
  if (body === null) return new Response('No such sitemap\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const etag = known ?? tagOf(body);
  if (!known && matchingTag(request.headers.get('if-none-match'), [etag])) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': HEADERS['cache-control'] } });
  }
  return new Response(body, { headers: { ...HEADERS, etag } });
}

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A response body prepared once and served many times: plain and gzipped, each with its strong ETag. */
export interface CachedRepresentation {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  gzipEtag: string;
}

/**
 * The ETag is derived from the bytes, so every CMS instance gives the same one for the
 * same content; the gzipped bytes are a different representation and get their own.
 */
export function cachedRepresentation(text: string): CachedRepresentation {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, gzip: gzipSync(body, { level: 9 }), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` };
}

/** The entity tags listed in an If-None-Match header, with weak prefixes removed (RFC 9110 uses weak comparison there). */
function listedTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

/**
 * The first of the current tags (in order of preference) that a request's If-None-Match
 * header names, the preferred one for `*`, or undefined when the client's copy is stale.
 */
export function matchingTag(header: string | undefined, tags: readonly string[]): string | undefined {
  if (!header) return undefined;
  const listed = listedTags(header);
  if (listed.includes('*')) return tags[0];
  return tags.find((tag) => listed.includes(tag));
}

/** Whether an Accept-Encoding header accepts gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip' && coding?.trim() !== 'x-gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The parts of a Koa context that sending a cached representation touches. */
export interface ResponseContext {
  get(field: string): string;
  set(field: string, value: string): void;
  status: number;
  type: string;
  body: unknown;
}

/**
 * Answers with a cached representation: 304 when the client's copy is current, else the
 * gzipped bytes when the client accepts them, else the plain ones.
 */
export function sendCached(ctx: ResponseContext, representation: CachedRepresentation, options: { type: string; cacheControl: string }) {
  const gzip = acceptsGzip(ctx.get('accept-encoding'));
  ctx.set('Vary', 'Accept-Encoding');
  ctx.set('Cache-Control', options.cacheControl);
  const preferred: [string, string] = gzip ? [representation.gzipEtag, representation.etag] : [representation.etag, representation.gzipEtag];
  // Both tags name the same content, so a client holding either copy is current; the 304
  // repeats the tag it holds so that its cache finds the stored response to refresh.
  const matched = matchingTag(ctx.get('if-none-match'), preferred);
  ctx.set('ETag', matched ?? preferred[0]);
  if (matched) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = options.type;
  if (gzip) ctx.set('Content-Encoding', 'gzip');
  ctx.body = gzip ? representation.gzip : representation.body;
}

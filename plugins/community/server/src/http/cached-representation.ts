import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { acceptsGzip, matchingTag, notModifiedSince } from '@chapterhouse/config';

/** A response body prepared once and served many times: plain and gzipped (made on first demand), each with its strong ETag. */
export interface CachedRepresentation {
  body: Buffer;
  readonly gzip: Buffer;
  etag: string;
  gzipEtag: string;
}

const LARGE = 256 * 1024;

/**
 * The ETag is derived from the bytes, so every CMS instance gives the same one for the
 * same content; the gzipped bytes are a different representation and get their own.
 */
export function cachedRepresentation(text: string): CachedRepresentation {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  // The best compression costs tens of milliseconds on large bodies (a calendar, the map's points) for a few per cent.
  const level = body.length > LARGE ? 6 : 9;
  let gzip: Buffer | undefined;
  return {
    body,
    // Readers that do not take gzip (the website, which sits next to the CMS) never pay for it.
    get gzip() {
      gzip ??= gzipSync(body, { level });
      return gzip;
    },
    etag: `"${hash}"`,
    gzipEtag: `"${hash}-gz"`,
  };
}

/** The parts of a Koa context that sending a cached representation touches. */
export interface ResponseContext {
  get(field: string): string;
  set(field: string, value: string): void;
  /** Adds a field to Vary, keeping those set before (such as Origin, by CORS). */
  vary?(field: string): void;
  status: number;
  type: string;
  body: unknown;
}

export interface SendOptions {
  type: string;
  cacheControl: string;
  /** When the content last changed: sent as Last-Modified, and If-Modified-Since is answered by it. */
  lastModified?: Date | null;
}

/**
 * Answers with a cached representation: 304 when the client's copy is current (by its
 * ETag, or by its date when it sends no ETag), else the gzipped bytes when the client
 * accepts them, else the plain ones.
 */
export function sendCached(ctx: ResponseContext, representation: CachedRepresentation, options: SendOptions) {
  const gzip = acceptsGzip(ctx.get('accept-encoding'));
  if (ctx.vary) ctx.vary('Accept-Encoding');
  else ctx.set('Vary', 'Accept-Encoding');
  ctx.set('Cache-Control', options.cacheControl);
  const preferred: [string, string] = gzip ? [representation.gzipEtag, representation.etag] : [representation.etag, representation.gzipEtag];
  // Both tags name the same content, so a client holding either copy is current; the 304
  // repeats the tag it holds so that its cache finds the stored response to refresh.
  const ifNoneMatch = ctx.get('if-none-match');
  const matched = matchingTag(ifNoneMatch, preferred);
  ctx.set('ETag', matched ?? preferred[0]);
  if (options.lastModified) ctx.set('Last-Modified', options.lastModified.toUTCString());
  const unchanged = ifNoneMatch ? Boolean(matched) : Boolean(options.lastModified && notModifiedSince(ctx.get('if-modified-since'), options.lastModified));
  if (unchanged) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = options.type;
  if (gzip) ctx.set('Content-Encoding', 'gzip');
  ctx.body = gzip ? representation.gzip : representation.body;
}

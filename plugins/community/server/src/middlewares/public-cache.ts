import type { Core } from '@strapi/strapi';
import { cachedRepresentation, sendCached, type CachedRepresentation, type ResponseContext } from '../http/cached-representation';
import { getService } from '../utils';

/** A content-API answer larger than this is refused: ask for fewer items, fields or relations. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
const JSON_TYPE = 'application/json';
const REVALIDATE = 'public, max-age=0, must-revalidate';

export interface PublicCacheConfig {
  /**
   * For answers that also depend on the date (a calendar shows the last months): they are
   * rebuilt in each new period of this many milliseconds, even when no content changed.
   */
  periodMs?: number;
}

/** A cached answer with the headers that describe it. */
interface CachedAnswer {
  representation: CachedRepresentation;
  type: string;
  cacheControl: string;
  lastModified: Date | null;
  disposition: string;
  /** When the answer stops being true although no content changed (an event's next occurrence ends), in ms. */
  freshUntil: number;
}

type Context = ResponseContext & { response: { get(field: string): string } };

/** The controller's answer, as the cache keeps it: JSON bodies, and text with the type the controller gave. */
function capture(ctx: Context): CachedAnswer | null {
  const { body } = ctx;
  let text: string;
  let type: string;
  if (typeof body === 'string') {
    text = body;
    type = ctx.response.get('Content-Type') || 'text/plain; charset=utf-8';
  } else if (body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') {
    text = JSON.stringify(body);
    type = JSON_TYPE;
  } else {
    return null;
  }
  const lastModified = ctx.response.get('Last-Modified') ? new Date(ctx.response.get('Last-Modified')) : null;
  return {
    representation: cachedRepresentation(text),
    type,
    cacheControl: ctx.response.get('Cache-Control') || REVALIDATE,
    lastModified: lastModified && !Number.isNaN(lastModified.getTime()) ? lastModified : null,
    disposition: ctx.response.get('Content-Disposition'),
    freshUntil: (ctx as { state?: { freshUntil?: number } }).state?.freshUntil ?? Infinity,
  };
}

const sizeOf = (answer: CachedAnswer) => answer.representation.body.length + answer.representation.gzip.length;

function send(ctx: Context, answer: CachedAnswer) {
  sendCached(ctx, answer.representation, answer);
  if (answer.disposition) ctx.set('Content-Disposition', answer.disposition);
}

/**
 * Caches anonymous content-API reads, keyed by the content version and the exact URL,
 * and answers them with an ETag (304 when the client's copy is current). Any write
 * through the Document Service changes the version (see register.ts), so a cached answer
 * is never served after the content behind it changed, on any instance. Controllers may
 * answer JSON, or text with their own Content-Type, Cache-Control, Last-Modified and
 * Content-Disposition, which are kept with the answer, and set `ctx.state.freshUntil`
 * (epoch ms) when the answer also depends on the clock.
 */
function tooLarge(ctx: Context) {
  ctx.status = 400;
  ctx.type = JSON_TYPE;
  ctx.body = {
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: `The answer would be larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB: ask for fewer items (pagination[pageSize]), fields or relations`,
    },
  };
}

const publicCache = (config: PublicCacheConfig, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const entries = new Map<string, CachedAnswer>();
  const pending = new Map<string, Promise<void>>();
  const periodMs = config?.periodMs;
  // Bytes the cache of one CMS instance holds (plain and gzipped copies); the least recently used go first.
  const maxBytes = (strapi.config.get('plugin::community.publicCacheBytes') as number | undefined) ?? 64 * 1024 * 1024;
  let bytes = 0;

  function forget(key: string) {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= sizeOf(old);
  }

  function remember(key: string, answer: CachedAnswer) {
    forget(key);
    const size = sizeOf(answer);
    if (size > maxBytes / 4) return;
    entries.set(key, answer);
    bytes += size;
    while (bytes > maxBytes) forget(entries.keys().next().value as string);
  }

  return async (ctx, next) => {
    // A route that takes no credentials answers everyone alike, with or without an Authorization header.
    const shared = (ctx.state as { route?: { config?: { auth?: unknown } } }).route?.config?.auth === false;
    if (ctx.method !== 'GET' || (ctx.get('authorization') && !shared)) return next();
    const period = periodMs ? Math.floor(Date.now() / periodMs) : '';
    // Answers name the configured public addresses, never the Host asked for, so the URL is the whole key.
    const key = `${await getService(strapi, 'content-version').current()} ${period} ${ctx.url}`;
    // Concurrent first requests for one URL wait for a single computation.
    const inFlight = pending.get(key);
    if (inFlight) await inFlight;
    const hit = entries.get(key);
    if (hit && hit.freshUntil <= Date.now()) forget(key);
    else if (hit) {
      remember(key, hit);
      send(ctx as Context, hit);
      return;
    }

    let settle = () => {};
    pending.set(key, new Promise<void>((resolve) => (settle = resolve)));
    try {
      await next();
      const answer = ctx.status === 200 ? capture(ctx as Context) : null;
      if (answer && answer.type === JSON_TYPE && answer.representation.body.length > MAX_JSON_BYTES) {
        tooLarge(ctx as Context);
      } else if (answer) {
        remember(key, answer);
        send(ctx as Context, answer);
      }
    } finally {
      pending.delete(key);
      settle();
    }
  };
};

export default publicCache;

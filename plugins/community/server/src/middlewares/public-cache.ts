import type { Core } from '@strapi/strapi';
import { cachedRepresentation, sendCached, type ResponseContext } from '../http/cached-representation';
import { asPublicRead } from '../public-reads';
import { periodOf, type PublicAnswer } from '../services/public-answers';
import { getService } from '../utils';

/** A content-API answer larger than this is refused: ask for fewer items, fields or relations. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
const JSON_TYPE = 'application/json';

export interface PublicCacheConfig {
  /**
   * For answers that also depend on the date (a calendar shows the last months): they are
   * rebuilt in each new period of this many milliseconds, even when no content changed.
   */
  periodMs?: number;
}

type Context = ResponseContext & { response: { get(field: string): string } };

/**
 * What anonymous answers say to caches: browsers revalidate every time (a 304 by ETag);
 * a shared cache (a CDN or reverse proxy) may keep one for `sharedMaxAge` seconds and
 * serve it for `staleWhileRevalidate` more while it fetches a fresh one.
 */
export function publicCacheControl(strapi: Core.Strapi): string {
  const shared = (strapi.config.get('plugin::community.sharedCache') as { maxAge: number; staleWhileRevalidate: number } | undefined) ?? {
    maxAge: 10,
    staleWhileRevalidate: 30,
  };
  if (shared.maxAge <= 0) return 'public, max-age=0, must-revalidate';
  return `public, max-age=0, s-maxage=${shared.maxAge}, stale-while-revalidate=${shared.staleWhileRevalidate}`;
}

/** The controller's answer, as the cache keeps it: JSON bodies, and text with the type the controller gave. */
function capture(ctx: Context, defaultCacheControl: string): Omit<PublicAnswer, 'version' | 'periodMs' | 'period'> | null {
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
    cacheControl: ctx.response.get('Cache-Control') || defaultCacheControl,
    lastModified: lastModified && !Number.isNaN(lastModified.getTime()) ? lastModified : null,
    disposition: ctx.response.get('Content-Disposition'),
    freshUntil: (ctx as { state?: { freshUntil?: number } }).state?.freshUntil ?? Infinity,
  };
}

/** Answers with a kept answer and the headers that describe it. */
export function sendAnswer(ctx: Context, answer: PublicAnswer) {
  sendCached(ctx, answer.representation, answer);
  if (answer.disposition) ctx.set('Content-Disposition', answer.disposition);
}

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

/**
 * Caches anonymous content-API reads, keyed by the content version and the exact URL,
 * and answers them with an ETag (304 when the client's copy is current). Any write that
 * changes public content changes the version (see register.ts), so a cached answer is not
 * served after the content behind it changed (on another instance, within the version's
 * TTL). Controllers may answer JSON, or text with their own Content-Type, Cache-Control,
 * Last-Modified and Content-Disposition, which are kept with the answer, and set
 * `ctx.state.freshUntil` (epoch ms) when the answer also depends on the clock. Once kept, an
 * answer is served by `cached-read` before the rest of the request's middlewares run.
 */
const publicCache = (config: PublicCacheConfig, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const pending = new Map<string, Promise<void>>();
  const periodMs = config?.periodMs;
  const answers = () => getService(strapi, 'public-answers');

  return async (ctx, next) => {
    // A route that takes no credentials answers everyone alike, with or without an Authorization header.
    const shared = (ctx.state as { route?: { config?: { auth?: unknown } } }).route?.config?.auth === false;
    if (ctx.method !== 'GET' || (ctx.get('authorization') && !shared)) return next();
    const version = await getService(strapi, 'content-version').current();
    const period = periodOf(periodMs);
    // The URL as asked: a controller may rewrite ctx.query (and with it ctx.url) on the way.
    const { url } = ctx;
    const key = `${version} ${period ?? ''} ${url}`;
    // Concurrent first requests for one URL wait for a single computation.
    const inFlight = pending.get(key);
    if (inFlight) await inFlight;
    const hit = answers().get(url, version);
    if (hit) {
      sendAnswer(ctx as Context, hit);
      return;
    }

    let settle = () => {};
    pending.set(key, new Promise<void>((resolve) => (settle = resolve)));
    try {
      await asPublicRead(next);
      const captured = ctx.status === 200 ? capture(ctx as Context, publicCacheControl(strapi)) : null;
      if (captured && captured.type === JSON_TYPE && captured.representation.body.length > MAX_JSON_BYTES) {
        tooLarge(ctx as Context);
      } else if (captured) {
        const answer: PublicAnswer = { ...captured, version, periodMs, period };
        answers().set(url, answer);
        sendAnswer(ctx as Context, answer);
      }
    } finally {
      pending.delete(key);
      settle();
    }
  };
};

export default publicCache;

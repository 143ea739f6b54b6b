import type { Core } from '@strapi/strapi';
import { cachedRepresentation, sendCached, type CachedRepresentation } from '../http/cached-representation';
import { getService } from '../utils';

const MAX_ENTRIES = 500;

/**
 * Caches anonymous content-API reads, keyed by the content version and the exact URL,
 * and answers them with an ETag (304 when the client's copy is current). Any write
 * through the Document Service changes the version (see register.ts), so a cached answer
 * is never served after the content behind it changed, on any instance.
 */
const publicCache = (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const entries = new Map<string, CachedRepresentation>();
  const pending = new Map<string, Promise<void>>();

  function remember(key: string, representation: CachedRepresentation) {
    entries.delete(key);
    entries.set(key, representation);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }

  return async (ctx, next) => {
    if (ctx.method !== 'GET' || ctx.get('authorization')) return next();
    const key = `${await getService(strapi, 'content-version').current()} ${ctx.url}`;
    // Concurrent first requests for one URL wait for a single computation.
    const inFlight = pending.get(key);
    if (inFlight) await inFlight;
    const hit = entries.get(key);
    if (hit) {
      remember(key, hit);
      sendCached(ctx, hit, { type: 'application/json', cacheControl: 'public, max-age=0, must-revalidate' });
      return;
    }

    let settle = () => {};
    pending.set(key, new Promise<void>((resolve) => (settle = resolve)));
    try {
      await next();
      if (ctx.status === 200 && ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
        const representation = cachedRepresentation(JSON.stringify(ctx.body));
        remember(key, representation);
        sendCached(ctx, representation, { type: 'application/json', cacheControl: 'public, max-age=0, must-revalidate' });
      }
    } finally {
      pending.delete(key);
      settle();
    }
  };
};

export default publicCache;

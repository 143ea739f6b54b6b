import type { Core } from '@strapi/strapi';
import { clientAddress } from '../members/client-address';
import { createDatabaseRateLimitStore } from '../rate-limit-store';

interface LimitConfig {
  /** The count's name: routes with the same name share one count. */
  name: string;
  max: number;
  intervalMs: number;
}

/**
 * Route middleware of the sign-in, registration and code-exchange routes: at most `max`
 * requests per client address (see client-address.ts) in `intervalMs`, counted in the
 * database so that every CMS instance shares the count. The key is the route's name and
 * the address only: no part of the request's body, path spelling or other headers.
 */
const authLimit = (config: LimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const store = createDatabaseRateLimitStore(strapi) as unknown as {
    incr(key: string, options: { interval: number }, weight: number): Promise<{ counter: number; dateEnd: number }>;
  };
  return async (ctx: any, next: () => Promise<void>) => {
    if ((strapi.config.get('plugin::users-permissions.ratelimit.enabled') as boolean | undefined) !== false) {
      const { counter, dateEnd } = await store.incr(`community-auth:${config.name}:${clientAddress(ctx)}`, { interval: config.intervalMs }, 1);
      if (counter > config.max) {
        ctx.status = 429;
        ctx.set('Retry-After', String(Math.max(1, Math.ceil((dateEnd - Date.now()) / 1000))));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many requests from this address: try again later.', details: {} } };
        return;
      }
    }
    await next();
  };
};

export default authLimit;

/** The route middleware entry that limits a route. */
export const limited = (name: string, max: number, intervalMs = 60_000) => ({ name: 'plugin::community.auth-limit', config: { name, max, intervalMs } });

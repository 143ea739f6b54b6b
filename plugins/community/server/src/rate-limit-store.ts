import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';

const RATE_LIMIT = 'plugin::community.rate-limit';
const SWEEP_EVERY_MS = 60_000;

/** koa2-ratelimit, as users-permissions loads it: its middleware accepts only stores of its own Store class. */
function ratelimitModule(): { Stores: { Store: new () => object } } {
  const fromUsersPermissions = createRequire(require.resolve('@strapi/plugin-users-permissions/package.json'));
  return fromUsersPermissions('koa2-ratelimit');
}

/**
 * A koa2-ratelimit store that counts in the database, so a limit (five sign-in attempts
 * per address in five minutes, say) holds across every CMS instance instead of per
 * process. Each hit is one atomic upsert: the count restarts when its window is over.
 */
export function createDatabaseRateLimitStore(strapi: Core.Strapi) {
  const { Store } = ratelimitModule().Stores;
  let lastSweep = 0;

  const table = () => strapi.db.metadata.get(RATE_LIMIT as any).tableName;
  // Keys name an e-mail address, a route and an IP: kept only as a digest.
  const bucketOf = (key: string) => createHash('sha256').update(key).digest('hex');

  class DatabaseStore extends Store {
    async incr(key: string, options: { interval: number }, weight: number) {
      const now = Date.now();
      const schema = strapi.db.getSchemaName();
      const name = schema ? `${schema}.${table()}` : table();
      const result = await strapi.db.connection.raw(
        `insert into ?? as counted (bucket, hits, reset_at) values (?, ?, ?)
         on conflict (bucket) do update set
           hits = case when counted.reset_at <= ? then excluded.hits else counted.hits + excluded.hits end,
           reset_at = case when counted.reset_at <= ? then excluded.reset_at else counted.reset_at end
         returning hits, reset_at`,
        [name, bucketOf(key), weight, now + options.interval, now, now],
      );
      const row = (Array.isArray(result) ? result[0] : result.rows[0]) as { hits: number | string; reset_at: number | string };
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        await strapi.db.getConnection(table()).where('reset_at', '<=', now).delete();
      }
      return { counter: Number(row.hits), dateEnd: Number(row.reset_at) };
    }

    async decrement(key: string, _options: unknown, weight: number) {
      await strapi.db.getConnection(table()).where('bucket', bucketOf(key)).decrement('hits', weight);
    }

    saveAbuse() {}
  }

  return new DatabaseStore();
}

/** Makes users-permissions count its rate limits (sign-in, registration, password reset) in the database. */
export function shareRateLimits(strapi: Core.Strapi) {
  try {
    require.resolve('@strapi/plugin-users-permissions/package.json');
  } catch {
    return;
  }
  const current = (strapi.config.get('plugin::users-permissions.ratelimit') as Record<string, unknown> | undefined) ?? {};
  strapi.config.set('plugin::users-permissions.ratelimit', { ...current, store: createDatabaseRateLimitStore(strapi) });
}

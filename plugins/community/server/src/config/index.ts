export interface FeedImportConfig {
  /** Cron rule of the scheduled import (Strapi's cron syntax); empty turns the schedule off. */
  schedule: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Feeds fetched at once, overall and per host. */
  concurrency: number;
  perHost: number;
  userAgent: string;
  /** host:port pairs fetched even though they resolve to a private address (a local fixture server). */
  allowPrivate: string[];
  /** How long one instance holds a feed while importing it; another instance may take it over afterwards. */
  leaseMs: number;
  /** Failures in a row after which a feed is retried less often, doubling up to `maxBackoffMs`. */
  backoffAfter: number;
  maxBackoffMs: number;
}

export interface CommunityConfig {
  feeds: FeedImportConfig;
  /** The public website's address: calendar and feed entries link to its pages and take their UIDs' host from it. */
  webUrl: string;
  /** Bytes of answers each CMS instance keeps in its public read cache. */
  publicCacheBytes: number;
  /** How long an instance trusts its reading of the content version (another instance's publish shows within it). */
  contentVersionTtlMs: number;
  /** What anonymous answers let a shared cache (CDN, reverse proxy) do: keep them `maxAge` seconds, then serve them stale while revalidating. */
  sharedCache: { maxAge: number; staleWhileRevalidate: number };
}

const defaults: CommunityConfig = {
  webUrl: 'http://localhost:3000',
  publicCacheBytes: 64 * 1024 * 1024,
  contentVersionTtlMs: 1000,
  sharedCache: { maxAge: 10, staleWhileRevalidate: 30 },
  feeds: {
    schedule: '0 * * * *',
    timeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    concurrency: 10,
    perHost: 2,
    userAgent: 'Chapterhouse feed importer (+https://github.com/chapterhouse-portal/chapterhouse)',
    allowPrivate: [],
    leaseMs: 5 * 60_000,
    backoffAfter: 3,
    maxBackoffMs: 24 * 60 * 60_000,
  },
};

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/i;

function positive(name: string, value: unknown) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`community plugin: feeds.${name} must be a positive number, got ${JSON.stringify(value)}`);
  }
}

const wholeAtLeastZero = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function validator(config: {
  feeds?: Partial<FeedImportConfig>;
  webUrl?: unknown;
  publicCacheBytes?: unknown;
  contentVersionTtlMs?: unknown;
  sharedCache?: { maxAge?: unknown; staleWhileRevalidate?: unknown };
}) {
  if (config.contentVersionTtlMs !== undefined && !wholeAtLeastZero(config.contentVersionTtlMs)) {
    throw new Error(`community plugin: contentVersionTtlMs must be a whole number of milliseconds, got ${JSON.stringify(config.contentVersionTtlMs)}`);
  }
  for (const name of ['maxAge', 'staleWhileRevalidate'] as const) {
    const value = config.sharedCache?.[name];
    if (value !== undefined && !wholeAtLeastZero(value)) {
      throw new Error(`community plugin: sharedCache.${name} must be a whole number of seconds, got ${JSON.stringify(value)}`);
    }
  }
  if (config.publicCacheBytes !== undefined && !(typeof config.publicCacheBytes === 'number' && config.publicCacheBytes >= 1024 * 1024)) {
    throw new Error(`community plugin: publicCacheBytes must be a number of bytes, at least 1 MiB, got ${JSON.stringify(config.publicCacheBytes)}`);
  }
  if (config.webUrl !== undefined && (typeof config.webUrl !== 'string' || !/^https?:\/\/[^/]/.test(config.webUrl) || !URL.canParse(config.webUrl))) {
    throw new Error(`community plugin: webUrl must be the website's http(s) address, got ${JSON.stringify(config.webUrl)}`);
  }
  const feeds = { ...defaults.feeds, ...config.feeds };
  if (typeof feeds.schedule !== 'string') throw new Error('community plugin: feeds.schedule must be a cron rule or ""');
  for (const name of ['timeoutMs', 'maxBytes', 'maxRedirects', 'concurrency', 'perHost', 'leaseMs', 'backoffAfter', 'maxBackoffMs'] as const) {
    positive(name, feeds[name]);
  }
  if (!Array.isArray(feeds.allowPrivate) || feeds.allowPrivate.some((entry) => typeof entry !== 'string' || !HOST_PORT.test(entry))) {
    throw new Error(`community plugin: feeds.allowPrivate must list host:port pairs, got ${JSON.stringify(feeds.allowPrivate)}`);
  }
}

export default { default: defaults, validator };

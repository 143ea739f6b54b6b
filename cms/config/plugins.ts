import type { Core } from '@strapi/strapi';
import path from 'path';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  community: {
    enabled: true,
    resolve: path.dirname(require.resolve('@chapterhouse/strapi-plugin-community/package.json')),
    config: {
      // Where calendar and Atom entries link to; the website's own ORIGIN when both run side by side.
      webUrl: env('PUBLIC_WEB_URL', env('ORIGIN', `http://localhost:${env.int('WEB_PORT', 3000)}`)),
      publicCacheBytes: env.int('PUBLIC_CACHE_MAX_BYTES', 64 * 1024 * 1024),
      contentVersionTtlMs: env.int('CONTENT_VERSION_TTL_MS', 1000),
      sharedCache: {
        maxAge: env.int('SHARED_CACHE_MAX_AGE', 10),
        staleWhileRevalidate: env.int('SHARED_CACHE_STALE_WHILE_REVALIDATE', 30),
      },
      feeds: {
        schedule: env('FEEDS_SCHEDULE', '0 * * * *'),
        // Empty by default: only a development fixture server should ever be listed here.
        allowPrivate: env.array('FEEDS_ALLOW_PRIVATE_HOSTS', []).filter(Boolean),
        timeoutMs: env.int('FEEDS_TIMEOUT_MS', 10_000),
        maxBytes: env.int('FEEDS_MAX_BYTES', 5 * 1024 * 1024),
        concurrency: env.int('FEEDS_CONCURRENCY', 10),
        // How long an instance holds a feed it imports; if it dies, another takes the feed up after this.
        leaseMs: env.int('FEEDS_LEASE_MS', 5 * 60_000),
      },
    },
  },
  upload: {
    config: { sizeLimit: env.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024) },
  },
  // Account e-mail (password reset, address confirmation) goes through this SMTP server; `npm start` without SMTP_HOST sets it to its local mail catcher, else Strapi's default sendmail.
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
            },
          },
        },
      }
    : {}),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      ratelimit: { enabled: env.bool('RATE_LIMIT_ENABLED', true) },
    },
  },
});

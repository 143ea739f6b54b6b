import type { Core } from '@strapi/strapi';
import { corsPolicyOf } from '@chapterhouse/config';

type RequestLike = Parameters<ReturnType<typeof corsPolicyOf>['origin']>[0];

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'global::database-input',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      origin: (ctx: RequestLike) => corsPolicyOf(strapi).origin(ctx),
      credentials: (ctx: RequestLike) => corsPolicyOf(strapi).credentials(ctx),
    },
  },
  // Kept anonymous answers go out here, before query parsing, sessions, routing and authentication.
  'plugin::community.cached-read',
  'strapi::query',
  'global::query-shape',
  { name: 'strapi::body', config: { maxUploadBytes: env.int('UPLOAD_MAX_BYTES', 50 * 1024 * 1024) } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

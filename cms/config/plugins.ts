import type { Core } from '@strapi/strapi';
import path from 'path';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  community: {
    enabled: true,
    resolve: path.dirname(require.resolve('@chapterhouse/strapi-plugin-community/package.json')),
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      ratelimit: { enabled: env.bool('RATE_LIMIT_ENABLED', true) },
    },
  },
});

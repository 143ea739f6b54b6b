import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@chapterhouse/config';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  rest: {
    defaultLimit: DEFAULT_PAGE_SIZE,
    maxLimit: MAX_PAGE_SIZE,
    withCount: true,
    strictParams: true,
  },
  // Browser origins that may read the CMS's answers (see cors-policy.ts in @chapterhouse/config).
  origins: {
    webUrl: env('PUBLIC_WEB_URL', env('ORIGIN', `http://localhost:${env.int('WEB_PORT', 3000)}`)),
    publicUrl: env('PUBLIC_URL', ''),
    extra: env.array('CORS_ORIGINS', []).filter(Boolean),
  },
  groupApplications: {
    limit: env.int('GROUP_APPLICATION_LIMIT', 5),
    windowMinutes: env.int('GROUP_APPLICATION_WINDOW_MINUTES', 60),
  },
});

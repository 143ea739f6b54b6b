import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@chapterhouse/config';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  rest: {
    defaultLimit: DEFAULT_PAGE_SIZE,
    maxLimit: MAX_PAGE_SIZE,
    withCount: true,
    strictParams: true,
  },
  groupApplications: {
    limit: env.int('GROUP_APPLICATION_LIMIT', 5),
    windowMinutes: env.int('GROUP_APPLICATION_WINDOW_MINUTES', 60),
    // Shared with the website, which signs each visitor's address with it (see group-application/visitor-address.ts).
    visitorSecret: env('VISITOR_ADDRESS_SECRET', ''),
  },
});

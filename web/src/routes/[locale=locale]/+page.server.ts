import { activityFeedUrl, listLatestActivity, listRecentlyActiveGroups, listNextOccurrences } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale } }) => {
  const [events, groups, activity] = await Promise.all([
    listNextOccurrences(fetch, { locale, limit: 5 }),
    listRecentlyActiveGroups(fetch, { locale, limit: 6 }),
    listLatestActivity(fetch, { locale, limit: 8 }),
  ]);
  return { events, groups, activity, activityFeed: activityFeedUrl(locale) };
}) satisfies PageServerLoad;

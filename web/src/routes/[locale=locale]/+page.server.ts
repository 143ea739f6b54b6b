import { listGroups, listUpcomingEvents } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale } }) => {
  const [events, groups] = await Promise.all([
    listUpcomingEvents(fetch, { locale, limit: 5 }),
    listGroups(fetch, { locale, page: 1, pageSize: 6 }),
  ]);
  return { events, groups };
}) satisfies PageServerLoad;

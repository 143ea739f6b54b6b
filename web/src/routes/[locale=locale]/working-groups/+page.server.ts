import { calendarFeed, listWorkingGroups } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale } }) => {
  const groups = await listWorkingGroups(fetch, locale);
  // Each working group's calendar, by slug.
  const calendars = Object.fromEntries(groups.map((group) => [group.slug, calendarFeed(locale, { group: group.slug })]));
  return { groups, calendars };
}) satisfies PageServerLoad;

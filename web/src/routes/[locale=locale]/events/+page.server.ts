import { loadEventsPage } from '$lib/events/events-page.server';
import { calendarFeed } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const page = await loadEventsPage(fetch, locale, url);
  // The calendar with the events the visitor chose: one group's, or the community's with its filters (the text search is the page's own).
  const { group, ...filters } = page.filters;
  return { ...page, calendar: group ? calendarFeed(locale, { group }) : calendarFeed(locale, { filters }) };
}) satisfies PageServerLoad;

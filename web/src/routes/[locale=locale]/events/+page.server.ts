import { loadEventsPage } from '$lib/events/events-page.server';
import { calendarFeed } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale }, url }) => {
  const page = await loadEventsPage(fetch, locale, url);
  // The community calendar with the filters the visitor chose (the text search is the page's own).
  return { ...page, calendar: calendarFeed(locale, { filters: page.filters }) };
}) satisfies PageServerLoad;

import { loadEventsPage } from '$lib/events/events-page.server';
import type { PageServerLoad } from './$types';

export const load = (({ fetch, params: { locale }, url }) => loadEventsPage(fetch, locale, url)) satisfies PageServerLoad;

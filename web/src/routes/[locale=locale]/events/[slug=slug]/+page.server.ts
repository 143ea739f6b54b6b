import { loadEvent } from '$lib/events/events-page.server';
import type { PageServerLoad } from './$types';

export const load = (({ fetch, params: { locale, slug } }) => loadEvent(fetch, locale, slug)) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { getGroup, listGroupEvents } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale, slug } }) => {
  const [group, events] = await Promise.all([
    getGroup(fetch, slug, locale),
    listGroupEvents(fetch, { locale, groupSlug: slug, limit: 10 }),
  ]);
  if (!group) error(404, 'No such group');
  return { group, events };
}) satisfies PageServerLoad;

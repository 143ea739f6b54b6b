import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, listGroupEvents, listPhotos, listPosts } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale, slug } }) => {
  const [group, events, posts, photos] = await Promise.all([
    getGroup(fetch, slug, locale),
    listGroupEvents(fetch, { locale, groupSlug: slug, limit: 10 }),
    listPosts(fetch, { group: slug, limit: 5 }),
    listPhotos(fetch, { group: slug, limit: 8 }),
  ]);
  if (!group) error(404, 'No such group');
  return { group, events, posts, photos, calendar: calendarFeed(locale, { group: slug }), activityFeed: activityFeedUrl(locale, slug) };
}) satisfies PageServerLoad;

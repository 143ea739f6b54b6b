import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, listGroupEvents, listPhotos, listPosts } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

const value = <T>(result: PromiseSettledResult<T>): T => {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
};

export const load = (async ({ fetch, params: { locale, slug } }) => {
  // Settled together: for an unknown group the occurrences are refused, and the 404 must win.
  const [group, events, posts, photos] = await Promise.allSettled([
    getGroup(fetch, slug, locale),
    listGroupEvents(fetch, { locale, groupSlug: slug, limit: 10 }),
    listPosts(fetch, { group: slug, limit: 5 }),
    listPhotos(fetch, { group: slug, limit: 8 }),
  ]);
  const found = value(group);
  if (!found) error(404, 'No such group');
  return {
    group: found,
    events: value(events),
    posts: value(posts),
    photos: value(photos),
    calendar: calendarFeed(locale, { group: slug }),
    activityFeed: activityFeedUrl(locale, slug),
  };
}) satisfies PageServerLoad;

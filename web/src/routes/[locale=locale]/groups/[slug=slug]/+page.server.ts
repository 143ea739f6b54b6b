import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, listGroupEvents } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

const value = <T>(result: PromiseSettledResult<T>): T => {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
};

export const load = (async ({ fetch, params: { locale, slug } }) => {
  // Settled together: for an unknown group the occurrences are refused, and the 404 must win.
  const [group, events] = await Promise.allSettled([getGroup(fetch, slug, locale), listGroupEvents(fetch, { locale, groupSlug: slug, limit: 10 })]);
  const found = value(group);
  if (!found) error(404, 'No such group');
  const { posts, photos, ...detail } = found;
  return {
    group: detail,
    events: value(events),
    posts: posts.slice(0, 5),
    photos: photos.slice(0, 8),
    calendar: calendarFeed(locale, { group: slug }),
    activityFeed: activityFeedUrl(locale, slug),
  };
}) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, listNextOccurrences, listPastOccurrences, listPhotos, listPosts } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

const value = <T>(result: PromiseSettledResult<T>): T => {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
};

export const load = (async ({ fetch, params: { locale, slug } }) => {
  // Settled together: for an unknown group the occurrences are refused, and the 404 must win.
  const [group, upcoming, past, posts, photos] = await Promise.allSettled([
    getGroup(fetch, slug, locale),
    listNextOccurrences(fetch, { locale, group: slug, limit: 10 }),
    listPastOccurrences(fetch, { locale, group: slug, limit: 10 }),
    listPosts(fetch, { group: slug, limit: 5 }),
    listPhotos(fetch, { group: slug, limit: 8 }),
  ]);
  const found = value(group);
  if (!found) error(404, 'No such group');
  return {
    group: found,
    // Upcoming: each event at its next occurrence; past: at its last one (a running series is in both).
    events: { upcoming: value(upcoming), past: value(past) },
    posts: value(posts),
    photos: value(photos),
    calendar: calendarFeed(locale, { group: slug }),
    activityFeed: activityFeedUrl(locale, slug),
  };
}) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, listNextOccurrences, listPastOccurrences } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

const value = <T>(result: PromiseSettledResult<T>): T => {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
};

export const load = (async ({ fetch, params: { locale, slug } }) => {
  // Settled together: for an unknown group the occurrences are refused, and the 404 must win.
  // The group comes with its newest posts and photos, so a page costs the CMS the group and its events.
  const [group, upcoming, past] = await Promise.allSettled([
    getGroup(fetch, slug, locale),
    listNextOccurrences(fetch, { locale, group: slug, limit: 10 }),
    listPastOccurrences(fetch, { locale, group: slug, limit: 10 }),
  ]);
  const found = value(group);
  if (!found) error(404, 'No such group');
  const { posts, photos, ...detail } = found;
  return {
    group: detail,
    // Upcoming: each event at its next occurrence; past: at its last one (a running series is in both).
    events: { upcoming: value(upcoming), past: value(past) },
    posts: posts.slice(0, 5),
    photos: photos.slice(0, 8),
    calendar: calendarFeed(locale, { group: slug }),
    activityFeed: activityFeedUrl(locale, slug),
  };
}) satisfies PageServerLoad;

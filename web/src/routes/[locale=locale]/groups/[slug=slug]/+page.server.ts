import { error } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup } from '$lib/server/cms';
import type { PageServerLoad } from './$types';

export const load = (async ({ fetch, params: { locale, slug } }) => {
  // One CMS request: the group comes with its newest posts and photos and its events.
  const found = await getGroup(fetch, slug, locale);
  if (!found) error(404, 'No such group');
  const { posts, photos, upcomingEvents, pastEvents, ...detail } = found;
  return {
    group: detail,
    // Upcoming: each event at its next occurrence; past: at its last one (a running series is in both).
    events: { upcoming: upcomingEvents, past: pastEvents },
    posts: posts.slice(0, 5),
    photos: photos.slice(0, 8),
    calendar: calendarFeed(locale, { group: slug }),
    activityFeed: activityFeedUrl(locale, slug),
  };
}) satisfies PageServerLoad;

import { error, fail, isHttpError } from '@sveltejs/kit';
import { activityFeedUrl, calendarFeed, getGroup, getMembership, joinGroup, leaveGroup } from '$lib/server/cms';
import { sessionOrSignIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in visitor's membership of the group: none, theirs, or unknown when the CMS cannot say now. */
async function membershipOf(fetch: typeof globalThis.fetch, session: string, slug: string, locale: string) {
  try {
    return await getMembership(fetch, session, slug, locale);
  } catch (cause) {
    if (isHttpError(cause) && cause.status === 401) throw cause;
    return undefined;
  }
}

export const load = (async ({ fetch, params: { locale, slug }, locals }) => {
  // One CMS request: the group comes with its newest posts and photos and its events.
  const [found, membership] = await Promise.all([
    getGroup(fetch, slug, locale),
    locals.session ? membershipOf(fetch, locals.session, slug, locale) : Promise.resolve(null),
  ]);
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
    // Personal: only for a signed-in visitor, whose pages are never cached.
    joining: locals.member
      ? { signedIn: true as const, confirmed: locals.member.mayJoin, status: membership === undefined ? ('unknown' as const) : (membership?.status ?? null) }
      : { signedIn: false as const },
  };
}) satisfies PageServerLoad;

export const actions = {
  join: async ({ fetch, locals, params: { locale, slug } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/groups/${slug}`);
    const result = await joinGroup(fetch, session, slug);
    if (result.ok) return { joined: result.status };
    if (result.status === 409) return { already: true as const };
    return fail(result.status, { problem: result.status === 403 ? ('unconfirmed' as const) : ('refused' as const) });
  },
  leave: async ({ fetch, locals, params: { locale, slug } }) => {
    const session = sessionOrSignIn(locals, locale, `/${locale}/groups/${slug}`);
    await leaveGroup(fetch, session, slug);
    return { left: true as const };
  },
} satisfies Actions;

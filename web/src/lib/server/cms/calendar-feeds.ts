import { error } from '@sveltejs/kit';
import { cmsUrl, publicFileUrl, TIMEOUT_MS, unavailable, type Fetch } from './client';

/** A calendar subscription: the `webcal:` link calendar apps open, and the plain address of the same file. */
export interface CalendarFeed {
  webcal: string;
  https: string;
}

/** The community calendar's filters, as the events page carries them. */
export interface CalendarFilters {
  region?: string;
  language?: string;
  kind?: string;
  format?: string;
}

/** The CMS's public address of a feed (the visitor's calendar app or feed reader fetches it, not this server). */
function publicFeedUrl(path: string, query: [string, string][]): string {
  const url = new URL(publicFileUrl(path));
  for (const [name, value] of query) url.searchParams.set(name, value);
  return url.href;
}

/** The subscription to a group's calendar, or to the community's with the given filters, in `locale`. */
export function calendarFeed(locale: string, scope: { group: string } | { filters: CalendarFilters }): CalendarFeed {
  const https =
    'group' in scope
      ? publicFeedUrl(`/api/community/groups/${encodeURIComponent(scope.group)}/calendar.ics`, [['locale', locale]])
      : publicFeedUrl('/api/community/calendar.ics', [
          ['locale', locale],
          ...(['region', 'language', 'kind', 'format'] as const).flatMap((name): [string, string][] =>
            scope.filters[name] ? [[name, scope.filters[name]!]] : [],
          ),
        ]);
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/** The Atom feed of the community's activity, or of one group's, in `locale`. */
export function activityFeedUrl(locale: string, group?: string): string {
  const path = group ? `/api/community/groups/${encodeURIComponent(group)}/activity.atom` : '/api/community/activity.atom';
  return publicFeedUrl(path, [['locale', locale]]);
}

const PASSED_ON = ['content-type', 'etag', 'last-modified', 'cache-control'];

/**
 * One event's calendar file as the CMS writes it, for the website's download link: the
 * visitor's conditional headers are passed on, so an unchanged file is a 304 all the way.
 */
export async function fetchEventCalendar(
  fetch: Fetch,
  options: { documentId: string; locale: string; ifNoneMatch?: string | null; ifModifiedSince?: string | null },
): Promise<Response> {
  const url = cmsUrl(`/api/community/events/${encodeURIComponent(options.documentId)}/calendar.ics`, [['locale', options.locale]]);
  // Plain bytes, so that the ETag passed on names what the visitor receives.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
  if (options.ifModifiedSince) headers['if-modified-since'] = options.ifModifiedSince;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    unavailable(url, cause);
  }
  if (response.status === 404) error(404, 'No such event');
  if (response.status !== 200 && response.status !== 304) unavailable(url, `HTTP ${response.status}`);
  const passed = new Headers();
  for (const name of PASSED_ON) {
    const value = response.headers.get(name);
    if (value) passed.set(name, value);
  }
  return new Response(response.status === 304 ? null : await response.arrayBuffer(), { status: response.status, headers: passed });
}

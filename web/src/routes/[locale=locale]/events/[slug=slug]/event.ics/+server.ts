import { loadEvent } from '$lib/events/events-page.server';
import { fetchEventCalendar } from '$lib/server/cms';
import type { RequestHandler } from './$types';

/** The event's calendar file, as the CMS's calendar export writes it (one iCalendar writer for the whole portal). */
export const GET = (async ({ fetch, params: { locale, slug }, request }) => {
  const { event } = await loadEvent(fetch, locale, slug);
  const response = await fetchEventCalendar(fetch, {
    documentId: event.id,
    locale,
    ifNoneMatch: request.headers.get('if-none-match'),
    ifModifiedSince: request.headers.get('if-modified-since'),
  });
  if (response.status === 200) {
    response.headers.set('content-disposition', `attachment; filename="${(event.slug || event.id).replace(/[^\w.-]/g, '_')}.ics"`);
  }
  return response;
}) satisfies RequestHandler;

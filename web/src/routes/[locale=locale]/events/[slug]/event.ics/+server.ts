import { toCalendarEvent } from '$lib/events/calendar-event';
import { loadEvent } from '$lib/events/events-page.server';
import { buildIcs } from '$lib/events/ics';
import type { RequestHandler } from './$types';

export const GET = (async ({ fetch, params: { locale, slug }, url }) => {
  const { event } = await loadEvent(fetch, locale, slug);
  const pageUrl = new URL(`/${locale}/events/${event.slug || event.id}`, url).href;
  const body = buildIcs({ ...toCalendarEvent(event, pageUrl), state: event.state }, { stamp: new Date() });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${(event.slug || event.id).replace(/[^\w.-]/g, '_')}.ics"`,
      'cache-control': 'public, max-age=300',
    },
  });
}) satisfies RequestHandler;

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SITE_NAME } from '@chapterhouse/config';
import { calendarOrder, inWindow, toCalendarEntry, webPage, windowStart, type EntryContext } from '../calendar/calendar-entries';
import { applyFilters, type FeedQuery } from '../calendar/calendar-query';
import { renderCalendar, type CalendarDocument } from '../calendar/ical-calendar';
import { getService } from '../utils';
import type { EventRow } from './published-content';

/** A calendar file and the time its content last changed. */
export interface CalendarFile {
  text: string;
  lastModified: Date;
}

/** Subscribers are asked to refresh hourly. */
const REFRESH_SECONDS = 3600;

/**
 * The iCalendar feeds: one per group, one for the whole community with filters, and one
 * per event (the website's "add to calendar" file). Events are read in the requested
 * locale along the fallback chain; a feed shows the last PAST_DAYS days and everything later.
 */
const calendar = ({ strapi }: { strapi: Core.Strapi }) => {
  const content = () => getService(strapi, 'published-content');

  function context(query: FeedQuery): EntryContext {
    return { webUrl: strapi.config.get('plugin::community.webUrl') as string, pageLocale: query.locale.chain[0]! };
  }

  function page(path: string, query: FeedQuery): string {
    const { webUrl, pageLocale } = context(query);
    return webPage(webUrl, pageLocale, path);
  }

  async function file(document: Omit<CalendarDocument, 'entries'>, events: EventRow[], query: FeedQuery, now: Date | null): Promise<CalendarFile> {
    const shown = now ? events.filter((event) => inWindow(event, now)) : events;
    const entries = calendarOrder(shown).map((event) => toCalendarEntry(event, context(query)));
    return { text: renderCalendar({ ...document, entries }), lastModified: await content().lastChange(now ?? undefined) };
  }

  return {
    /** A group's calendar (working groups included), or null when no published group has the slug. */
    async group(slug: string, query: FeedQuery, now = new Date()): Promise<CalendarFile | null> {
      const group = await content().group(slug, query.locale.chain);
      if (!group) return null;
      const events = await content().events({ group: slug, from: windowStart(now) }, query.locale.chain);
      return file(
        { name: `${group.name} · ${SITE_NAME}`, description: group.summary, url: page(`/groups/${group.slug}`, query), refreshSeconds: REFRESH_SECONDS },
        events,
        query,
        now,
      );
    },

    /** Every published event of the community that passes the filters. */
    async community(query: FeedQuery, now = new Date()): Promise<CalendarFile> {
      const { filters } = query;
      const region = filters.region ? await content().region(filters.region) : null;
      if (filters.region && !region) throw new errors.ValidationError(`"region": no published region has the slug "${filters.region}".`);
      const events = applyFilters(await content().events({ from: windowStart(now) }, query.locale.chain), filters);
      const named = [region?.name, filters.kind, filters.format, filters.language].filter(Boolean).join(', ');
      const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value) as [string, string][]).toString();
      return file(
        {
          name: named ? `${SITE_NAME} events (${named})` : `${SITE_NAME} events`,
          url: page(`/events${search ? `?${search}` : ''}`, query),
          refreshSeconds: REFRESH_SECONDS,
        },
        events,
        query,
        now,
      );
    },

    /** Every event of the given groups, as one calendar: a member's private feed. */
    async groups(slugs: readonly string[], name: string, query: FeedQuery, now = new Date()): Promise<CalendarFile> {
      const events = (await Promise.all(slugs.map((slug) => content().events({ group: slug, from: windowStart(now) }, query.locale.chain)))).flat();
      return file({ name, url: page('/my-groups', query), refreshSeconds: REFRESH_SECONDS }, events, query, now);
    },

    /** One event, however long ago it was, or null when it is not published. */
    async event(documentId: string, query: FeedQuery): Promise<CalendarFile | null> {
      const [event] = await content().events({ documentId }, query.locale.chain);
      if (!event) return null;
      return file({ name: event.title }, [event], query, null);
    },
  };
};

export default calendar;

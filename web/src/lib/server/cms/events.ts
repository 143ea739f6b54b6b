import type { GroupKind } from '@chapterhouse/config';
import { EVENT_FIELDS, toEventCard, type CmsEvent, type EventCard, type EventFormat, type EventState } from './cards';
import { cmsUrl, fields, getList, getSlice, type Fetch, queryInstant } from './client';
import { listNextOccurrences } from './occurrences';

/**
 * A group's events around `now`: upcoming ones (series at their next occurrence, from the
 * CMS's occurrences) soonest first; past ones (ended one-offs, and series with no occurrence
 * ahead) latest first.
 */
export async function listGroupEvents(
  fetch: Fetch,
  options: { locale: string; groupSlug: string; limit: number; now?: Date },
): Promise<{ upcoming: EventCard[]; past: EventCard[] }> {
  const next = await listNextOccurrences(fetch, { locale: options.locale, group: options.groupSlug, now: options.now });
  const ahead = new Set(next.map((event) => event.id));
  // A series that began before `now` may still be running: ask for enough to drop those.
  const ended = await getSlice<CmsEvent>(fetch, '/api/events', [
    ['locale', options.locale],
    ['filters[group][slug][$eq]', options.groupSlug],
    ['filters[endsAt][$lt]', queryInstant(options.now)],
    ['sort[0]', 'startsAt:desc'],
    ['pagination[pageSize]', Math.min(100, options.limit + ahead.size)],
    ...fields(EVENT_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
  ]);
  return {
    upcoming: next.slice(0, options.limit),
    past: ended.data
      .filter((event) => !ahead.has(event.documentId))
      .slice(0, options.limit)
      .map((event) => toEventCard(event, options.locale)),
  };
}

/** An event with what placing its next occurrence needs. */
export interface EventSeries extends EventCard {
  allDay: boolean;
  state: EventState;
  recurrence: string | null;
  exceptionDates: string[];
  language: string | null;
}

export interface EventDetail extends EventSeries {
  description: string | null;
  type: string;
  venue: { name: string | null; address: string | null; latitude: number | null; longitude: number | null } | null;
  onlineUrl: string | null;
  registrationUrl: string | null;
}

/** Filters of the events list the CMS applies; `language` is applied by the caller so it can offer the choices. */
export interface EventQuery {
  region?: string;
  kind?: GroupKind;
  format?: EventFormat;
  q?: string;
}

interface CmsEventSeries extends CmsEvent {
  allDay: boolean | null;
  state: EventState;
  recurrence: string | null;
  exceptionDates: unknown;
  language: string | null;
}

interface CmsEventDetail extends CmsEventSeries {
  description: string | null;
  type: string;
  venue: EventDetail['venue'];
  onlineUrl: string | null;
  registrationUrl: string | null;
}

const SERIES_FIELDS = [...EVENT_FIELDS, 'allDay', 'state', 'recurrence', 'exceptionDates', 'language'];
const DETAIL_FIELDS = [...SERIES_FIELDS, 'description', 'type', 'onlineUrl', 'registrationUrl'];

function toEventSeries(event: CmsEventSeries, requested: string): EventSeries {
  return {
    ...toEventCard(event, requested),
    allDay: event.allDay === true,
    state: event.state,
    recurrence: event.recurrence || null,
    exceptionDates: Array.isArray(event.exceptionDates) ? event.exceptionDates.map(String) : [],
    language: event.language || null,
  };
}

function eventFilters(query: EventQuery): [string, string][] {
  const filters: [string, string][] = [];
  if (query.region) filters.push(['filters[group][region][slug][$eq]', query.region]);
  if (query.kind) filters.push(['filters[group][kind][$eq]', query.kind]);
  if (query.format) filters.push(['filters[format][$eq]', query.format]);
  if (query.q) {
    // Text filters match the English version of each event (the CMS filters on default-locale rows).
    filters.push(['filters[$or][0][title][$containsi]', query.q]);
    filters.push(['filters[$or][1][description][$containsi]', query.q]);
    filters.push(['filters[$or][2][group][name][$containsi]', query.q]);
  }
  return filters;
}

async function getAllPages<T>(fetch: Fetch, query: [string, string | number][]): Promise<T[]> {
  const page = (n: number) => getList<T>(fetch, cmsUrl('/api/events', [...query, ['pagination[page]', n], ['pagination[pageSize]', 100]]));
  const first = await page(1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.meta.pagination.pageCount - 1) }, (_, i) => page(i + 2)),
  );
  return [first, ...rest].flatMap((body) => body.data);
}

/**
 * Every event that may still occur after `now`: one-off events not yet over and every
 * recurring series (whose next date the caller works out). Sorted by the CMS by first start.
 */
export async function listEventSeries(
  fetch: Fetch,
  options: { locale: string; now?: Date; query?: EventQuery },
): Promise<EventSeries[]> {
  const common: [string, string][] = [
    ['locale', options.locale],
    ['sort[0]', 'startsAt:asc'],
    ...eventFilters(options.query ?? {}),
    ...fields(SERIES_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
  ];
  const [oneOff, recurring] = await Promise.all([
    getAllPages<CmsEventSeries>(fetch, [
      ...common,
      ['filters[endsAt][$gte]', queryInstant(options.now)],
      ['filters[recurrence][$null]', 'true'],
    ]),
    getAllPages<CmsEventSeries>(fetch, [...common, ['filters[recurrence][$notNull]', 'true']]),
  ]);
  return [...oneOff, ...recurring].map((event) => toEventSeries(event, options.locale));
}

/** One event by slug or documentId, with its venue and group; null when there is none. */
export async function getEvent(fetch: Fetch, options: { locale: string; id: string }): Promise<EventDetail | null> {
  const url = cmsUrl('/api/events', [
    ['locale', options.locale],
    ['filters[$or][0][slug][$eq]', options.id],
    ['filters[$or][1][documentId][$eq]', options.id],
    ['pagination[pageSize]', 1],
    ...fields(DETAIL_FIELDS),
    ...fields(['name', 'slug'], 'populate[group][fields]'),
    ...fields(['name', 'address', 'latitude', 'longitude'], 'populate[venue][fields]'),
  ]);
  const [event] = (await getList<CmsEventDetail>(fetch, url)).data;
  if (!event) return null;
  return {
    ...toEventSeries(event, options.locale),
    description: event.description ?? null,
    type: event.type,
    venue: event.venue ?? null,
    onlineUrl: event.onlineUrl || null,
    registrationUrl: event.registrationUrl || null,
  };
}

import type { GroupKind, OccurrenceRow } from '@chapterhouse/config';
import type { EventCard, EventFormat, EventState } from './cards';
import { getJson, cmsUrl, queryInstant, unavailable, type Fetch, type Pagination, type Query } from './client';

/** One occurrence as `GET /api/community/occurrences` gives it. */
export type CmsOccurrence = Omit<OccurrenceRow, 'format' | 'state'> & { format: EventFormat | null; state: EventState };

/** An occurrence as the pages show it: the event's card at that occurrence's times. */
export interface OccurrenceCard extends EventCard {
  allDay: boolean;
  state: EventState;
  recurrence: string | null;
  /** Wall-clock start and end in the event's zone, e.g. `2027-01-12T19:00:00`. */
  localStart: string;
  localEnd: string;
  /** This occurrence alone is moved (from `originalStart`) or cancelled. */
  moved: boolean;
  cancelledAlone: boolean;
  originalStart: string | null;
}

/** The filters the events pages pass on to the CMS. */
export interface OccurrenceFilters {
  region?: string;
  language?: string;
  kind?: GroupKind;
  format?: EventFormat;
  q?: string;
}

interface OccurrenceBody {
  data: CmsOccurrence[];
  meta: { pagination: Pagination; languages: string[] };
}

/** A row of the occurrences endpoint as the pages show it. */
export function toOccurrenceCard(row: CmsOccurrence, requested: string): OccurrenceCard {
  const locale = row.locale ?? requested;
  const state: EventState = row.state === 'cancelled' || row.state === 'postponed' ? row.state : row.cancelled ? 'cancelled' : 'scheduled';
  return {
    id: row.documentId,
    title: row.title,
    slug: row.slug ?? row.documentId,
    startsAt: row.start,
    endsAt: row.end,
    localStart: row.localStart,
    localEnd: row.localEnd,
    timezone: row.timezone,
    allDay: row.allDay === true,
    format: row.format ?? 'in-person',
    group: row.group?.slug ? { name: row.group.name ?? row.group.slug, slug: row.group.slug } : null,
    locale,
    isFallback: locale !== requested,
    state,
    recurrence: row.recurrence ?? null,
    moved: row.moved === true,
    cancelledAlone: row.cancelled && row.state !== 'cancelled',
    originalStart: row.originalStart ?? null,
  };
}

function filterQuery(filters: OccurrenceFilters = {}): Query {
  return (['region', 'language', 'kind', 'format', 'q'] as const).flatMap((name) => (filters[name] ? [[name, filters[name]!] as [string, string]] : []));
}

async function getOccurrences(fetch: Fetch, query: Query): Promise<OccurrenceBody> {
  const url = cmsUrl('/api/community/occurrences', query);
  const body = (await getJson(fetch, url)) as Partial<OccurrenceBody> | null;
  if (!Array.isArray(body?.data) || typeof body.meta?.pagination?.total !== 'number') unavailable(url, 'response is not a list of occurrences');
  return body as OccurrenceBody;
}

/**
 * One page of the events still to come, each once at its next occurrence (series included),
 * soonest first, with the languages the page's other filters leave to choose from.
 */
export async function listUpcomingEvents(
  fetch: Fetch,
  options: { locale: string; filters?: OccurrenceFilters; group?: string; page: number; pageSize: number; now?: Date },
): Promise<{ events: OccurrenceCard[]; pagination: Pagination; languages: string[] }> {
  const body = await getOccurrences(fetch, [
    ['from', queryInstant(options.now)],
    ['distinct', 'event'],
    ['locale', options.locale],
    ...(options.group ? ([['group', options.group]] as Query) : []),
    ...filterQuery(options.filters),
    ['pagination[page]', options.page],
    ['pagination[pageSize]', options.pageSize],
  ]);
  return { events: body.data.map((row) => toOccurrenceCard(row, options.locale)), pagination: body.meta.pagination, languages: body.meta.languages };
}

/** The next occurrence of each event not over by `now` (of one group, with `group`), soonest first: one request. */
export async function listNextOccurrences(
  fetch: Fetch,
  options: { locale: string; group?: string; limit: number; now?: Date },
): Promise<OccurrenceCard[]> {
  const body = await getOccurrences(fetch, [
    ['from', queryInstant(options.now)],
    ['distinct', 'event'],
    ['locale', options.locale],
    ...(options.group ? ([['group', options.group]] as Query) : []),
    ['pagination[pageSize]', options.limit],
  ]);
  return body.data.map((row) => toOccurrenceCard(row, options.locale));
}

/** The next occurrences of one event from `now` (a series' coming dates, moved and cancelled ones marked). */
export async function listEventDates(
  fetch: Fetch,
  options: { locale: string; event: string; limit: number; now?: Date },
): Promise<OccurrenceCard[]> {
  const from = queryInstant(options.now);
  const to = new Date(Date.parse(from) + 400 * 86_400_000).toISOString();
  const body = await getOccurrences(fetch, [
    ['from', from],
    ['to', to],
    ['event', options.event],
    ['locale', options.locale],
    ['pagination[pageSize]', options.limit],
  ]);
  return body.data.map((row) => toOccurrenceCard(row, options.locale));
}

/**
 * Every occurrence that overlaps [from, to), in start order (a month of the calendar), read
 * 100 at a time, and the languages the other filters leave to choose from.
 */
export async function listOccurrencesBetween(
  fetch: Fetch,
  options: { locale: string; filters?: OccurrenceFilters; group?: string; from: Date; to: Date },
): Promise<{ occurrences: OccurrenceCard[]; languages: string[] }> {
  const query: Query = [
    ['from', options.from.toISOString()],
    ['to', options.to.toISOString()],
    ['locale', options.locale],
    ...(options.group ? ([['group', options.group]] as Query) : []),
    ...filterQuery(options.filters),
    ['pagination[pageSize]', 100],
  ];
  const page = (n: number) => getOccurrences(fetch, [...query, ['pagination[page]', n]]);
  const first = await page(1);
  const rest = await Promise.all(Array.from({ length: Math.max(0, first.meta.pagination.pageCount - 1) }, (_, i) => page(i + 2)));
  return {
    occurrences: [first, ...rest].flatMap((body) => body.data).map((row) => toOccurrenceCard(row, options.locale)),
    languages: first.meta.languages,
  };
}

import { error } from '@sveltejs/kit';
import {
  getEvent,
  getGroupName,
  listEventDates,
  listOccurrencesBetween,
  listRegionChoices,
  listUpcomingEvents,
  type Fetch,
  type OccurrenceFilters,
} from '$lib/server/cms';
import { parseEventFilters, type EventFilters } from './filters';
import { buildMonthGrid, firstDayOfWeek, monthOf, monthWindow, shiftMonth } from './month-grid';

const PAGE_SIZE = 20;

/** What the CMS filters the events by besides the group. */
function cmsFilters(filters: EventFilters): OccurrenceFilters {
  const { region, language, kind, format, q } = filters;
  return { region, language, kind, format, q };
}

/**
 * The events page: the list of events still to come (each at its next occurrence, one page
 * of them, paged by the CMS), or with `view=month` a month calendar of every occurrence.
 */
export async function loadEventsPage(fetch: Fetch, locale: string, url: URL, now = new Date()) {
  const filters: EventFilters = parseEventFilters(url.searchParams);
  const [choices, groupName] = await Promise.all([
    listRegionChoices(fetch, locale),
    filters.group ? getGroupName(fetch, filters.group, locale) : null,
  ]);
  const regions = choices.sort((a, b) => a.name.localeCompare(b.name, locale));
  // A region that does not exist is ignored like any other invalid value; a group is what the page is about.
  if (filters.region && !regions.some((r) => r.slug === filters.region)) delete filters.region;
  if (filters.group && !groupName) error(404, 'No such group');
  const group = filters.group && groupName ? { slug: filters.group, name: groupName } : null;
  const wanted = cmsFilters(filters);

  if (filters.view === 'month') {
    const month = filters.month ?? monthOf(now);
    const { occurrences, languages } = await listOccurrencesBetween(fetch, { locale, filters: wanted, group: filters.group, ...monthWindow(month) });
    if (filters.language && !languages.includes(filters.language)) languages.push(filters.language);
    return {
      view: 'month' as const,
      group,
      filters: { ...filters, month },
      regions,
      languages,
      month: buildMonthGrid(month, occurrences, firstDayOfWeek(locale)),
      previous: shiftMonth(month, -1),
      next: shiftMonth(month, 1),
    };
  }

  const { events, pagination, languages } = await listUpcomingEvents(fetch, {
    locale,
    filters: wanted,
    group: filters.group,
    page: filters.page,
    pageSize: PAGE_SIZE,
    now,
  });
  if (filters.page > pagination.pageCount) error(404, 'No such page of events');
  if (filters.language && !languages.includes(filters.language)) languages.push(filters.language);
  return { view: 'list' as const, group, events, filters, regions, languages, pagination };
}

/** How many of a series' coming dates its page lists. */
const COMING_DATES = 6;

/** One event, its next occurrence and, for a series, its coming dates (moved and cancelled ones marked). */
export async function loadEvent(fetch: Fetch, locale: string, id: string, now = new Date()) {
  const event = id.length <= 200 ? await getEvent(fetch, { locale, id }) : null;
  if (!event) error(404, 'No such event');
  const dates = event.recurrence ? await listEventDates(fetch, { locale, event: event.id, limit: COMING_DATES, now }) : [];
  const next = event.nextOccurrence ? { startsAt: event.nextOccurrence.start, endsAt: event.nextOccurrence.end } : null;
  return { event, next, dates };
}

import { error } from '@sveltejs/kit';
import { getEvent, listEventSeries, listRegionChoices, type EventSeries, type Fetch } from '$lib/server/cms';
import { parseEventFilters, type EventFilters } from './filters';
import { nextOccurrence } from '@chapterhouse/config';
import { languagesOf, matchesLanguage, placeUpcoming } from './upcoming';

const PAGE_SIZE = 20;

/** The events list: filters from the URL, each event at its next occurrence, one page of them. */
export async function loadEventsPage(fetch: Fetch, locale: string, url: URL, now = new Date()) {
  const filters: EventFilters = parseEventFilters(url.searchParams);
  const regions = (await listRegionChoices(fetch, locale)).sort((a, b) => a.name.localeCompare(b.name, locale));
  // A region that does not exist is ignored like any other invalid value.
  if (filters.region && !regions.some((r) => r.slug === filters.region)) delete filters.region;
  const series = await listEventSeries(fetch, { locale, now, query: filters });
  const languages = languagesOf(series);
  const wanted = filters.language;
  const placed = placeUpcoming(wanted ? series.filter((e) => matchesLanguage(e.language, wanted)) : series, now);
  const pageCount = Math.max(1, Math.ceil(placed.length / PAGE_SIZE));
  if (filters.page > pageCount) error(404, 'No such page of events');
  const events: EventSeries[] = placed
    .slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE)
    .map(({ event, start, end }) => ({ ...event, startsAt: start.toISOString(), endsAt: end.toISOString() }));
  if (wanted && !languages.includes(wanted)) languages.push(wanted);
  return {
    events,
    filters,
    regions,
    languages,
    pagination: { page: filters.page, pageSize: PAGE_SIZE, pageCount, total: placed.length },
  };
}

/** One event and its next occurrence (null once a series is over or a one-off has passed). */
export async function loadEvent(fetch: Fetch, locale: string, id: string, now = new Date()) {
  const event = id.length <= 200 ? await getEvent(fetch, { locale, id }) : null;
  if (!event) error(404, 'No such event');
  const next = nextOccurrence(event, now);
  return {
    event,
    next: next ? { startsAt: next.start.toISOString(), endsAt: next.end.toISOString() } : null,
  };
}

import type { OccurrenceRow } from '@chapterhouse/config';
import type { EventCard, EventFormat } from './cards';
import { getSlice, type Fetch, type Query } from './client';

/** One occurrence as `GET /api/community/occurrences` gives it. */
export type CmsOccurrence = Omit<OccurrenceRow, 'format'> & { format: EventFormat | null };

function toCard(row: CmsOccurrence, requested: string): EventCard {
  const locale = row.locale ?? requested;
  return {
    id: row.documentId,
    title: row.title,
    slug: row.slug ?? row.documentId,
    startsAt: row.start,
    endsAt: row.end,
    timezone: row.timezone,
    allDay: row.allDay === true,
    format: row.format ?? 'in-person',
    group: row.group?.slug ? { name: row.group.name ?? row.group.slug, slug: row.group.slug } : null,
    locale,
    isFallback: locale !== requested,
    state: row.cancelled ? 'cancelled' : 'scheduled',
  };
}

/** The longest window the CMS expands in one request. */
const WINDOW_DAYS = 400;

/**
 * The next occurrence of each event that has not ended by `now` (series included), soonest
 * first, as the CMS expands them over the next 400 days; `group` narrows to one group, and
 * with `limit` only as many pages are read as give that many events.
 */
export async function listNextOccurrences(
  fetch: Fetch,
  options: { locale: string; group?: string; limit?: number; now?: Date },
): Promise<EventCard[]> {
  const from = new Date(Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000);
  const to = new Date(from.getTime() + WINDOW_DAYS * 86_400_000);
  const query: Query = [
    ['from', from.toISOString()],
    ['to', to.toISOString()],
    ['locale', options.locale],
    ...(options.group ? ([['group', options.group]] as Query) : []),
  ];
  const limit = options.limit ?? Infinity;
  const seen = new Set<string>();
  const cards: EventCard[] = [];
  for (let page = 1; cards.length < limit; page += 1) {
    const body = await getSlice<CmsOccurrence>(fetch, '/api/community/occurrences', [...query, ['pagination[page]', page], ['pagination[pageSize]', 100]]);
    for (const row of body.data) {
      if (cards.length >= limit) break;
      if (seen.has(row.documentId) || !row.slug) continue;
      seen.add(row.documentId);
      cards.push(toCard(row, options.locale));
    }
    if (page * 100 >= body.meta.pagination.total) break;
  }
  return cards;
}

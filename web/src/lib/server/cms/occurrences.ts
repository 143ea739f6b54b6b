import type { EventCard, EventFormat } from './cards';
import { everything, type Fetch, type Query } from './client';

/** One occurrence as `GET /api/community/occurrences` gives it. */
export interface CmsOccurrence {
  documentId: string;
  slug: string | null;
  title: string;
  locale: string | null;
  start: string;
  end: string;
  timezone: string;
  cancelled: boolean;
  recurring: boolean;
  format: EventFormat | null;
  group: { slug: string | null; name: string | null } | null;
}

/** The longest window the CMS expands in one request. */
const WINDOW_DAYS = 400;

/**
 * The next occurrence of each event that has not ended by `now` (series included), soonest
 * first, as the CMS expands them over the next 400 days; `group` narrows to one group.
 */
export async function listNextOccurrences(
  fetch: Fetch,
  options: { locale: string; group?: string; now?: Date },
): Promise<EventCard[]> {
  const from = new Date(Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000);
  const to = new Date(from.getTime() + WINDOW_DAYS * 86_400_000);
  const query: Query = [
    ['from', from.toISOString()],
    ['to', to.toISOString()],
    ['locale', options.locale],
    ...(options.group ? ([['group', options.group]] as Query) : []),
  ];
  const rows = await everything<CmsOccurrence>(fetch, '/api/community/occurrences', query);
  const seen = new Set<string>();
  const cards: EventCard[] = [];
  for (const row of rows) {
    if (seen.has(row.documentId) || !row.slug) continue;
    seen.add(row.documentId);
    const locale = row.locale ?? options.locale;
    cards.push({
      id: row.documentId,
      title: row.title,
      slug: row.slug,
      startsAt: row.start,
      endsAt: row.end,
      timezone: row.timezone,
      format: row.format ?? 'in-person',
      group: row.group?.slug ? { name: row.group.name ?? row.group.slug, slug: row.group.slug } : null,
      locale,
      isFallback: locale !== options.locale,
      state: row.cancelled ? 'cancelled' : 'scheduled',
    });
  }
  return cards;
}

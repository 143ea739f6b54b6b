import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, nextOccurrence, type RecurringEvent } from '@chapterhouse/config';

/** An event's next occurrence as the API gives it: ISO instants in UTC. */
export interface NextOccurrence {
  start: string;
  end: string;
}

/**
 * The next occurrence of each published event that has not ended by `now` (null when it is
 * over), read from the event's own timing, whatever fields the request asked for.
 */
export async function nextOccurrencesOf(strapi: Core.Strapi, documentIds: string[], now: Date): Promise<Map<string, NextOccurrence | null>> {
  const found = new Map<string, NextOccurrence | null>();
  if (!documentIds.length) return found;
  const rows = (await strapi.db.query('api::event.event').findMany({
    select: ['documentId', 'startsAt', 'endsAt', 'timezone', 'allDay', 'recurrence', 'exceptionDates'],
    where: { documentId: { $in: documentIds }, locale: DEFAULT_LOCALE, publishedAt: { $notNull: true } },
    populate: { changes: true },
  })) as (RecurringEvent & { documentId: string })[];
  for (const row of rows) {
    const next = nextOccurrence(row, now);
    found.set(row.documentId, next ? { start: next.start.toISOString(), end: next.end.toISOString() } : null);
  }
  return found;
}

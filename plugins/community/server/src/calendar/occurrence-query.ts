import { isSlug } from '@chapterhouse/config';
import { readFeedQuery, type FeedQuery } from './calendar-query';

/** The widest window one request may ask for, when it lists every occurrence. */
export const MAX_WINDOW_DAYS = 400;
export const MAX_OCCURRENCE_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;
const MAX_TEXT = 100;
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const OWN = ['from', 'to', 'pagination[page]', 'pagination[pageSize]', 'group', 'event', 'distinct', 'sort', 'q'];
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

export interface OccurrenceQuery extends FeedQuery {
  /** Start of the window; null only with `distinct` (no lower bound). */
  from: Date | null;
  /** End of the window (exclusive); null only with `distinct` (no upper bound). */
  to: Date | null;
  page: number;
  pageSize: number;
  /** Slug of the one group whose events are wanted. */
  group?: string;
  /** documentId of the one event whose occurrences are wanted. */
  event?: string;
  /** One row per event (its first occurrence in the window, or its last when descending) instead of one per occurrence. */
  distinct: boolean;
  descending: boolean;
  /** Words the title, description or group name must hold. */
  q?: string;
}

/**
 * Reads `from`, `to` (ISO 8601 instants or dates, UTC), `pagination[page]`,
 * `pagination[pageSize]`, `group` (a group slug), `event` (a documentId), `distinct=event`, `sort` (`start`,
 * `start:asc` or `start:desc`), `q` and the community calendar's `locale` and filters.
 * Returns a message saying what is wrong instead, for a 400.
 */
export function readOccurrenceQuery(query: Record<string, unknown>): OccurrenceQuery | string {
  const { from, to, pagination, group, event, distinct, sort, q, ...rest } = query;
  // Unknown parameters first: whatever else is wrong, a misspelt name is what to fix.
  const feed = readFeedQuery(rest, { filters: true });
  if (typeof feed === 'string') return feed.replace('Allowed: ', `Allowed: ${OWN.join(', ')}, `);
  if (distinct !== undefined && distinct !== 'event') return '"distinct" takes one value, "event": one row per event instead of one per occurrence.';
  const perEvent = distinct === 'event';
  const instant = (name: string, value: unknown): Date | null | string => {
    if (value === undefined && perEvent) return null;
    if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
      return `"${name}" must be an ISO 8601 instant such as 2027-01-01T00:00:00Z (or a date, read as UTC midnight).`;
    }
    return new Date(/T/.test(value) ? value : `${value}T00:00:00Z`);
  };
  const start = instant('from', from);
  if (typeof start === 'string') return start;
  const end = instant('to', to);
  if (typeof end === 'string') return end;
  if (!start && !end) return 'With distinct=event, give "from", "to" or both: the window to look for each event\'s occurrence in.';
  if (start && end && end <= start) return '"to" must be after "from".';
  if (!perEvent && end!.getTime() - start!.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    return `The window from "from" to "to" may span at most ${MAX_WINDOW_DAYS} days (with distinct=event it may be open).`;
  }
  const paging = pagination ?? {};
  if (typeof paging !== 'object' || Array.isArray(paging)) return '"pagination" takes pagination[page] and pagination[pageSize].';
  const { page, pageSize, ...other } = paging as Record<string, unknown>;
  if (Object.keys(other).length) return `Unknown pagination parameter(s): ${Object.keys(other).join(', ')}. Allowed: page, pageSize.`;
  const number = (name: string, value: unknown, fallback: number, max: number): number | string => {
    if (value === undefined) return fallback;
    const n = Number(value);
    return typeof value === 'string' && Number.isInteger(n) && n >= 1 && n <= max ? n : `"pagination[${name}]" must be a whole number from 1 to ${max}.`;
  };
  const pageNumber = number('page', page, 1, 10_000);
  if (typeof pageNumber === 'string') return pageNumber;
  const size = number('pageSize', pageSize, DEFAULT_PAGE_SIZE, MAX_OCCURRENCE_PAGE_SIZE);
  if (typeof size === 'string') return size;
  if (group !== undefined && !isSlug(group)) {
    return '"group" must be given once, as a group slug (lower-case letters, digits and hyphens).';
  }
  if (event !== undefined && (typeof event !== 'string' || !DOCUMENT_ID.test(event))) {
    return '"event" must be given once, as an event\'s documentId (lower-case letters and digits).';
  }
  if (sort !== undefined && !['start', 'start:asc', 'start:desc'].includes(sort as string)) {
    return '"sort" must be start, start:asc or start:desc.';
  }
  if (q !== undefined && (typeof q !== 'string' || q.length > MAX_TEXT)) return `"q" must be given once, as text of at most ${MAX_TEXT} characters.`;
  const words = typeof q === 'string' ? q.trim().replace(/\s+/g, ' ') : '';
  return {
    ...feed,
    from: start,
    to: end,
    page: pageNumber,
    pageSize: size,
    distinct: perEvent,
    descending: sort === 'start:desc',
    ...(group === undefined ? {} : { group }),
    ...(event === undefined ? {} : { event }),
    ...(words ? { q: words } : {}),
  };
}

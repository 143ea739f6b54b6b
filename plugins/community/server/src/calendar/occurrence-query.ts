import { readFeedQuery, type FeedQuery } from './calendar-query';

/** The widest window one request may ask for. */
export const MAX_WINDOW_DAYS = 400;
export const MAX_OCCURRENCE_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export interface OccurrenceQuery extends FeedQuery {
  from: Date;
  to: Date;
  page: number;
  pageSize: number;
  /** Slug of the one group whose events are wanted. */
  group?: string;
}

/**
 * Reads `from`, `to` (ISO 8601 instants or dates, UTC), `pagination[page]`,
 * `pagination[pageSize]`, `group` (a group slug) and the community calendar's `locale` and filters. Returns a
 * message saying what is wrong instead, for a 400.
 */
export function readOccurrenceQuery(query: Record<string, unknown>): OccurrenceQuery | string {
  const { from, to, pagination, group, ...rest } = query;
  const instant = (name: string, value: unknown): Date | string => {
    if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
      return `"${name}" must be an ISO 8601 instant such as 2027-01-01T00:00:00Z (or a date, read as UTC midnight).`;
    }
    return new Date(/T/.test(value) ? value : `${value}T00:00:00Z`);
  };
  const start = instant('from', from);
  if (typeof start === 'string') return start;
  const end = instant('to', to);
  if (typeof end === 'string') return end;
  if (end <= start) return '"to" must be after "from".';
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * 86_400_000) return `The window from "from" to "to" may span at most ${MAX_WINDOW_DAYS} days.`;
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
  if (group !== undefined && (typeof group !== 'string' || !SLUG.test(group))) {
    return '"group" must be given once, as a group slug (lower-case letters, digits and hyphens).';
  }
  const feed = readFeedQuery(rest, { filters: true });
  if (typeof feed === 'string') return feed.replace('Allowed: ', 'Allowed: from, to, pagination[page], pagination[pageSize], group, ');
  return { ...feed, from: start, to: end, page: pageNumber, pageSize: size, ...(group === undefined ? {} : { group }) };
}

import { calendarRule, cancelledStarts, changedOccurrences, isTimeZone, lastEnd as lastOccurrenceEnd, plainText } from '@chapterhouse/config';
import type { CalendarEntry } from './ical-calendar';

/** How far back calendars reach: about six months of past events, and every future one. */
export const PAST_DAYS = 183;

const DAY = 86_400_000;

/** A published event as the calendars read it: its default-locale row with the texts of the best locale laid over. */
export interface CalendarEventRow {
  documentId: string;
  slug?: string | null;
  title: string;
  description?: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  timezone?: string | null;
  allDay?: boolean | null;
  recurrence?: string | null;
  exceptionDates?: unknown;
  /** Occurrences moved or cancelled one by one (the event.occurrence-change component). */
  changes?: unknown;
  type?: string | null;
  state?: string | null;
  format?: string | null;
  language?: string | null;
  onlineUrl?: string | null;
  venue?: { name?: string | null; address?: string | null; latitude?: number | null; longitude?: number | null } | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  /** When the row the texts came from was last written (the translation's, or the row's own). */
  textUpdatedAt?: Date | string | null;
  group?: { slug?: string | null; name?: string | null; kind?: string | null; region?: { slug?: string | null } | null } | null;
}

/** Where the entries point: the website's address and the locale of its pages. */
export interface EntryContext {
  /** The public website, e.g. `https://groups.example.org`. */
  webUrl: string;
  /** The locale of the website pages the entries link to. */
  pageLocale: string;
}

export const toDate = (value: Date | string | number | null | undefined): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const latest = (...dates: (Date | null)[]) => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/** The host part of every UID: the website's, so UIDs stay the same whichever CMS instance answers. */
export function uidHost(webUrl: string): string {
  let host = hosts.get(webUrl);
  if (host === undefined) {
    host = new URL(webUrl).hostname;
    hosts.set(webUrl, host);
  }
  return host;
}

const hosts = new Map<string, string>();

/** The first instant a calendar built at `now` still shows: the start of the UTC day, PAST_DAYS back. */
export function windowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY - PAST_DAYS * DAY);
}

/**
 * When the event's last occurrence ends, as the recurrence engine expands it; null for a
 * series without end.
 */
export function lastEnd(event: Pick<CalendarEventRow, 'startsAt' | 'endsAt' | 'recurrence' | 'timezone' | 'allDay' | 'changes'>): Date | null {
  const start = toDate(event.startsAt);
  const end = toDate(event.endsAt) ?? start;
  if (!start || !end) return end;
  return lastOccurrenceEnd({ ...event, startsAt: start, endsAt: end });
}

/**
 * When an event that ended at `end` dropped out of the calendars: the first UTC midnight whose
 * window starts after it; null while it is still shown.
 */
export function leftWindowAt(end: Date, now: Date): Date | null {
  if (end.getTime() >= windowStart(now).getTime()) return null;
  return new Date(Math.floor((end.getTime() + PAST_DAYS * DAY) / DAY) * DAY + DAY);
}

/** Whether a calendar built at `now` shows the event: it ends in the window or takes place later. */
export function inWindow(event: Pick<CalendarEventRow, 'startsAt' | 'endsAt' | 'recurrence' | 'timezone' | 'allDay' | 'changes'>, now: Date): boolean {
  const end = lastEnd(event);
  return end === null || end.getTime() >= windowStart(now).getTime();
}

/**
 * SEQUENCE (RFC 5545 §3.8.7.4): whole seconds from the event's creation to the last write of
 * the rows it is read from. Every edit moves `updatedAt` on, so the number only grows, and it
 * needs no counter of its own; DTSTAMP is that last write, so the output never depends on the clock.
 */
export function revision(event: Pick<CalendarEventRow, 'createdAt' | 'updatedAt' | 'textUpdatedAt'>): { sequence: number; stamp: Date } {
  const created = toDate(event.createdAt) ?? new Date(0);
  const stamp = latest(toDate(event.updatedAt), toDate(event.textUpdatedAt ?? null), created);
  return { sequence: Math.max(0, Math.floor(stamp.getTime() / 1000) - Math.floor(created.getTime() / 1000)), stamp };
}

/** A page of the website in a locale: `webPage(url, 'fr', '/groups/x')`; the site may live under a path. */
export function webPage(webUrl: string, locale: string, path: string): string {
  return `${webUrl.replace(/\/+$/, '')}/${locale}${path}`;
}

/** The event's page on the website. */
export function eventPageUrl(event: Pick<CalendarEventRow, 'documentId' | 'slug'>, context: EntryContext): string {
  return webPage(context.webUrl, context.pageLocale, `/events/${encodeURIComponent(event.slug || event.documentId)}`);
}

function location(event: CalendarEventRow): { location: string | null; geo: CalendarEntry['geo'] } {
  const venue = event.venue;
  const text = [venue?.name, venue?.address].map((part) => part?.trim()).filter(Boolean).join(', ');
  const { latitude, longitude } = venue ?? {};
  const geo = typeof latitude === 'number' && typeof longitude === 'number' ? { lat: latitude, lon: longitude } : null;
  return { location: text || event.onlineUrl?.trim() || null, geo: text ? geo : null };
}

const STATES = new Set(['scheduled', 'cancelled', 'postponed']);

/** One event as a VEVENT. */
export function toCalendarEntry(event: CalendarEventRow, context: EntryContext): CalendarEntry {
  const start = toDate(event.startsAt) ?? new Date(0);
  const end = toDate(event.endsAt) ?? start;
  const { sequence, stamp } = revision(event);
  const zone = isTimeZone(event.timezone) && event.timezone !== 'UTC' && event.timezone !== 'Etc/UTC' ? event.timezone : null;
  const description = [plainText(event.description ?? ''), event.onlineUrl && event.venue?.name ? event.onlineUrl : '']
    .filter(Boolean)
    .join('\n\n');
  const series = { ...event, startsAt: start, endsAt: end };
  const recurrence = calendarRule(series);
  return {
    uid: `${event.documentId}@${uidHost(context.webUrl)}`,
    sequence,
    stamp,
    created: toDate(event.createdAt) ?? stamp,
    start,
    end: end.getTime() < start.getTime() ? start : end,
    allDay: event.allDay === true,
    timeZone: zone,
    recurrence,
    exceptions: recurrence ? cancelledStarts(series) : [],
    overrides: recurrence
      ? changedOccurrences(series).map((o) => ({ originalStart: o.originalStart, start: o.start, end: o.end, cancelled: o.cancelled }))
      : [],
    summary: event.title,
    description: description || null,
    ...location(event),
    url: eventPageUrl(event, context),
    state: STATES.has(event.state ?? '') ? (event.state as CalendarEntry['state']) : 'scheduled',
    categories: event.type ? [event.type] : [],
  };
}

/** Events in calendar order: by start, then by id, so that the same events always give the same file. */
export function calendarOrder<T extends Pick<CalendarEventRow, 'startsAt' | 'documentId'>>(events: T[]): T[] {
  return [...events].sort(
    (a, b) => (toDate(a.startsAt)?.getTime() ?? 0) - (toDate(b.startsAt)?.getTime() ?? 0) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0),
  );
}

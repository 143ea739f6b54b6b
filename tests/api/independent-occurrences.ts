import { expect } from 'vitest';
import { expandIndependently } from '../../plugins/community/server/src/calendar/testing/independent-expander';
import { api } from './client';

/** An event as the content API serves it, with what expanding it needs. */
export interface ApiEvent {
  documentId: string;
  slug: string;
  title: string;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  allDay: boolean | null;
  recurrence: string | null;
  exceptionDates: unknown;
  changes: { originalStart: string; startsAt: string | null; endsAt: string | null; cancelled: boolean | null }[];
  format: string;
  language: string | null;
  state: string;
  nextOccurrence: { start: string; end: string } | null;
  group?: { slug: string; name?: string } | null;
}

/** Every published event matching `filters` (a CMS query string), with its changed occurrences. */
export async function apiEvents(filters = ''): Promise<ApiEvent[]> {
  const all: ApiEvent[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.get(`/api/events?pagination[pageSize]=100&pagination[page]=${page}&populate[changes]=true${filters}`);
    expect(response.status, response.text).toBe(200);
    all.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return all;
  }
}

/**
 * An event's occurrence starts by an expander that shares no code with the CMS's (ical.js and
 * Intl), with its changed occurrences laid over: a moved one at its new start, a cancelled one
 * kept unless `takingPlace`. A series' starts stop before `until`; a one-off's start is kept.
 */
export function independentStarts(event: ApiEvent, until: Date, takingPlace = false): number[] {
  const exceptionDates = Array.isArray(event.exceptionDates) ? (event.exceptionDates as string[]) : [];
  const own = expandIndependently({ ...event, exceptionDates }, until).filter((start) => start < until.getTime() || !event.recurrence);
  if (!event.recurrence || !event.changes?.length) return own;
  const changed = new Map(event.changes.map((change) => [Date.parse(change.originalStart), change]));
  return own
    .flatMap((start) => {
      const change = changed.get(start);
      if (!change) return [start];
      if (change.cancelled) return takingPlace ? [] : [start];
      return change.startsAt ? [Date.parse(change.startsAt)] : [start];
    })
    .sort((a, b) => a - b);
}

const duration = (event: ApiEvent) => Date.parse(event.endsAt) - Date.parse(event.startsAt);

/** The start of the event's first occurrence that takes place and has not ended at `now`, or null. */
export function nextStart(event: ApiEvent, now = new Date()): number | null {
  const horizon = new Date(now.getTime() + 5 * 366 * 86_400_000);
  return independentStarts(event, horizon, true).find((start) => start + duration(event) > now.getTime() || start >= now.getTime()) ?? null;
}

/** The start of the event's last occurrence that takes place and starts before `now`, or null. */
export function lastStart(event: ApiEvent, now = new Date()): number | null {
  return independentStarts(event, now, true).filter((start) => start < now.getTime()).at(-1) ?? null;
}

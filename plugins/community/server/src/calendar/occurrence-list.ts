import {
  lastOccurrenceBefore,
  nextOccurrence,
  occurrencesBetween,
  seriesZone,
  wallTime,
  type Occurrence,
  type OccurrenceRow,
} from '@chapterhouse/config';
import { toDate, type CalendarEventRow } from './calendar-entries';

export type { OccurrenceRow };

type Listed = CalendarEventRow & { locale?: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function local(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The event as the recurrence engine reads it, or null when it has no start. */
function asSeries(event: Listed) {
  const start = toDate(event.startsAt);
  return start ? { ...event, startsAt: start, endsAt: toDate(event.endsAt) ?? start } : null;
}

function row(event: Listed, occurrence: Occurrence, zone: string): OccurrenceRow {
  const recurrence = event.recurrence?.trim() || null;
  return {
    documentId: event.documentId,
    slug: event.slug ?? null,
    title: event.title,
    locale: event.locale ?? null,
    start: occurrence.start.toISOString(),
    end: occurrence.end.toISOString(),
    localStart: local(occurrence.start, zone),
    localEnd: local(occurrence.end, zone),
    timezone: zone,
    allDay: event.allDay === true,
    state: event.state ?? 'scheduled',
    cancelled: event.state === 'cancelled' || occurrence.cancelled === true,
    moved: Boolean(occurrence.originalStart && occurrence.originalStart.getTime() !== occurrence.start.getTime()),
    originalStart: occurrence.originalStart?.toISOString() ?? null,
    recurring: recurrence !== null,
    recurrence,
    format: event.format ?? null,
    type: event.type ?? null,
    language: event.language ?? null,
    group: event.group ? { slug: event.group.slug ?? null, name: event.group.name ?? null, kind: event.group.kind ?? null } : null,
  };
}

const byStart = (a: OccurrenceRow, b: OccurrenceRow) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0;

/** Every occurrence of `events` that overlaps [from, to), sorted by start, then event id. */
export function listOccurrences(events: Listed[], from: Date, to: Date): OccurrenceRow[] {
  const rows: OccurrenceRow[] = [];
  for (const event of events) {
    const series = asSeries(event);
    if (!series) continue;
    const zone = seriesZone(series);
    for (const occurrence of occurrencesBetween(series, from, to)) rows.push(row(event, occurrence, zone));
  }
  return rows.sort(byStart);
}

/**
 * One row per event: its first occurrence in the window that takes place (not yet ended at
 * `from`), or with `descending` its last one that starts before `to`; sorted by that start.
 */
export function listEventOccurrences(events: Listed[], window: { from: Date | null; to: Date | null; descending: boolean }): OccurrenceRow[] {
  const rows: OccurrenceRow[] = [];
  for (const event of events) {
    const series = asSeries(event);
    if (!series) continue;
    const found = window.descending
      ? lastOccurrenceBefore(series, window.to ?? new Date(8.64e15))
      : nextOccurrence(series, window.from ?? new Date(-8.64e15));
    if (!found) continue;
    if (window.descending ? window.from && found.end <= window.from : window.to && found.start >= window.to) continue;
    rows.push(row(event, found, seriesZone(series)));
  }
  rows.sort(byStart);
  return window.descending ? rows.reverse() : rows;
}

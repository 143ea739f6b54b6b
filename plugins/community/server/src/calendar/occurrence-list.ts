import { occurrencesBetween, seriesZone, wallTime } from '@chapterhouse/config';
import { toDate, type CalendarEventRow } from './calendar-entries';

/** One occurrence of an event, in UTC and as wall time in the event's own zone. */
export interface OccurrenceRow {
  documentId: string;
  slug: string | null;
  title: string;
  /** The locale `title` is in, when the rows came in one. */
  locale: string | null;
  start: string;
  end: string;
  /** Wall-clock start and end in `timezone`, e.g. `2027-01-12T19:00:00`. */
  localStart: string;
  localEnd: string;
  timezone: string;
  allDay: boolean;
  cancelled: boolean;
  recurring: boolean;
  format: string | null;
  type: string | null;
  language: string | null;
  group: { slug: string | null; name: string | null; kind: string | null } | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function local(instant: Date, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Every occurrence of `events` that overlaps [from, to), sorted by start, then event id. */
export function listOccurrences(events: (CalendarEventRow & { locale?: string })[], from: Date, to: Date): OccurrenceRow[] {
  const rows: OccurrenceRow[] = [];
  for (const event of events) {
    const start = toDate(event.startsAt);
    if (!start) continue;
    const series = { ...event, startsAt: start, endsAt: toDate(event.endsAt) ?? start };
    const zone = seriesZone(series);
    for (const occurrence of occurrencesBetween(series, from, to)) {
      rows.push({
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
        cancelled: event.state === 'cancelled',
        recurring: Boolean(event.recurrence?.trim()),
        format: event.format ?? null,
        type: event.type ?? null,
        language: event.language ?? null,
        group: event.group ? { slug: event.group.slug ?? null, name: event.group.name ?? null, kind: event.group.kind ?? null } : null,
      });
    }
  }
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
}

import { occurrencesBetween, seriesZone, wallTime, type OccurrenceRow } from '@chapterhouse/config';
import { toDate, type CalendarEventRow } from './calendar-entries';

export type { OccurrenceRow };

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

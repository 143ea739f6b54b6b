import { dateTimeFormat } from '$lib/intl';
/**
 * An event's start as the visitor reads it: date and time in the event's own time zone,
 * with that zone's name, in the visitor's language. An unknown zone falls back to UTC.
 */
export function formatEventTime(startsAt: string | Date, timezone: string | null | undefined, locale: string): string {
  const date = startsAt instanceof Date ? startsAt : new Date(startsAt);
  if (Number.isNaN(date.getTime())) return String(startsAt);
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return dateTimeFormat(locale, { ...options, timeZone: timezone || 'UTC' }).format(date);
  } catch {
    return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { ...DATE_OPTIONS, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };

function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    dateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** An IANA zone as people read it: `America/New_York` → "America/New York". */
export function zoneLabel(timeZone: string | null | undefined): string {
  return knownZone(timeZone).replace(/_/g, ' ');
}

/**
 * When an event happens, read in `timeZone`: a start–end range ("Tue, 3 Mar 2026, 18:30 – 20:00 CET"),
 * or for an all-day event its dates, which are stored as UTC calendar days with an exclusive end.
 */
export function formatEventRange(
  event: { start: Date; end: Date; allDay?: boolean | null },
  timeZone: string | null | undefined,
  locale: string,
): string {
  const { start, end } = event;
  if (Number.isNaN(start.getTime())) return '';
  const validEnd = !Number.isNaN(end.getTime()) && end > start;
  if (event.allDay) {
    const format = dateTimeFormat(locale, { ...DATE_OPTIONS, timeZone: 'UTC' });
    const lastDay = validEnd ? new Date(end.getTime() - 1) : start;
    return lastDay.toISOString().slice(0, 10) === start.toISOString().slice(0, 10)
      ? format.format(start)
      : format.formatRange(start, lastDay);
  }
  const format = dateTimeFormat(locale, { ...TIME_OPTIONS, timeZone: knownZone(timeZone) });
  return validEnd ? format.formatRange(start, end) : format.format(start);
}

/** The visitor's own time zone as the browser reports it, or null where it cannot tell. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * Whether a viewer in `viewerZone` reads the event's times differently from the event's own
 * zone; a viewer in Berlin needs no second line for an event in Paris.
 */
export function needsViewerTime(start: Date, eventZone: string | null | undefined, viewerZone: string | null | undefined): boolean {
  if (!viewerZone) return false;
  const zone = knownZone(eventZone);
  if (knownZone(viewerZone) !== viewerZone) return false;
  const read = (timeZone: string) =>
    dateTimeFormat('en', { ...DATE_OPTIONS, hour: 'numeric', minute: '2-digit', timeZone }).format(start);
  return read(zone) !== read(viewerZone);
}

/** The time of day of `start` in `timeZone` with the zone's short name, e.g. "19:00 CET" (for a calendar cell). */
export function formatClock(start: Date, timeZone: string | null | undefined, locale: string): string {
  if (Number.isNaN(start.getTime())) return '';
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: knownZone(timeZone) }).format(start);
}

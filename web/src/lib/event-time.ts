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
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

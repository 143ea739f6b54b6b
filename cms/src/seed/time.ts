import { zonedInstant } from '@chapterhouse/config';

/** The instant at which a wall-clock time (`YYYY-MM-DD`, `HH:mm`) occurs in an IANA time zone. */
export function wallTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return zonedInstant({ year, month, day }, { hour, minute }, timeZone);
}

/** The calendar date `days` after `from` (UTC), as YYYY-MM-DD. */
export function addDays(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

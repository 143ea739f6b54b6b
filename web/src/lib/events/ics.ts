import { allDayEnd, dateStamp, recurrenceRule, utcStamp, type CalendarEvent } from './calendar-links';
import { parseRecurrence } from './recurrence';
import { offsetAt, safeTimeZone, wallTime, type WallTime } from '@chapterhouse/config';

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  // The first line holds 75 octets; each continuation starts with a space and holds 74 more.
  let limit = 75;
  for (const char of line) {
    const length = octets(char);
    if (size + length > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const localStamp = (w: WallTime) => `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;

function utcOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The instant within (from, to] at which the zone's offset changes, to the second. */
function transitionBetween(from: number, to: number, timeZone: string): number {
  const before = offsetAt(from, timeZone);
  let low = from;
  let high = to;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * A VTIMEZONE for `timeZone` as it is in `year`: each offset change of that year as a yearly
 * rule ("last Sunday of March"), which is how the zones in use change. A zone without
 * changes gets one STANDARD observance.
 */
export function vtimezone(timeZone: string, year: number): string[] {
  const DAY = 86_400_000;
  const transitions: { at: number; from: number; to: number }[] = [];
  let cursor = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  while (cursor < end) {
    const next = cursor + DAY;
    if (offsetAt(cursor, timeZone) !== offsetAt(next, timeZone)) {
      const at = transitionBetween(cursor, next, timeZone);
      transitions.push({ at, from: offsetAt(cursor, timeZone), to: offsetAt(next, timeZone) });
    }
    cursor = next;
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (!transitions.length) {
    const offset = utcOffset(offsetAt(Date.UTC(year, 0, 1), timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const { at, from, to } of transitions) {
    // The observance starts at the local time of the change, read with the offset before it.
    const local = wallTime(new Date(at - 1000), timeZone);
    const startLocal = { ...local, second: local.second + 1 };
    const normalized = new Date(Date.UTC(startLocal.year, startLocal.month - 1, startLocal.day, startLocal.hour, startLocal.minute, startLocal.second));
    const w: WallTime = {
      year: normalized.getUTCFullYear(),
      month: normalized.getUTCMonth() + 1,
      day: normalized.getUTCDate(),
      hour: normalized.getUTCHours(),
      minute: normalized.getUTCMinutes(),
      second: normalized.getUTCSeconds(),
      weekday: normalized.getUTCDay(),
    };
    const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
    const nth = w.day + 7 > daysInMonth ? -1 : Math.ceil(w.day / 7);
    const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(w)}`,
      `RRULE:FREQ=YEARLY;BYMONTH=${w.month};BYDAY=${nth}${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][w.weekday]}`,
      `TZOFFSETFROM:${utcOffset(from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The rule with UNTIL written the way the start is: a date for all-day events, UTC otherwise. */
function ruleFor(event: CalendarEvent, rule: string): string {
  const until = parseRecurrence(rule)?.until;
  if (!until) return rule;
  const value = event.allDay ? dateStamp(until) : utcStamp(until);
  return rule.replace(/UNTIL=[^;]*/i, `UNTIL=${value}`);
}

const STATUS: Record<string, string> = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' };

/**
 * A one-event iCalendar file (RFC 5545): CRLF line ends, folded lines, UTC times for a single
 * event, and for a series its start in the event's zone with a VTIMEZONE, so that every
 * occurrence keeps its wall-clock time.
 */
export function buildIcs(event: CalendarEvent & { state?: string }, options: { stamp: Date }): string {
  const rule = recurrenceRule(event.recurrence);
  const timeZone = safeTimeZone(event.timezone);
  const zoned = Boolean(rule) && !event.allDay && timeZone !== 'UTC';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Chapterhouse//Events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (zoned) lines.push(...vtimezone(timeZone, wallTime(event.start, timeZone).year));
  lines.push('BEGIN:VEVENT', `UID:${event.id}@chapterhouse`, `DTSTAMP:${utcStamp(options.stamp)}`);

  const localOf = (date: Date) => localStamp(wallTime(date, timeZone));
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateStamp(event.start)}`, `DTEND;VALUE=DATE:${dateStamp(allDayEnd(event.start, event.end))}`);
  } else if (zoned) {
    lines.push(`DTSTART;TZID=${timeZone}:${localOf(event.start)}`, `DTEND;TZID=${timeZone}:${localOf(event.end)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(event.start)}`, `DTEND:${utcStamp(event.end)}`);
  }
  if (rule) {
    lines.push(`RRULE:${ruleFor(event, rule)}`);
    for (const value of event.exceptionDates ?? []) {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) continue;
      if (event.allDay) lines.push(`EXDATE;VALUE=DATE:${dateStamp(date)}`);
      else if (zoned) {
        // Calendars match exceptions to occurrences exactly: use the series' time on that day.
        const day = wallTime(date, timeZone);
        const start = wallTime(event.start, timeZone);
        lines.push(`EXDATE;TZID=${timeZone}:${localStamp({ ...start, year: day.year, month: day.month, day: day.day })}`);
      } else lines.push(`EXDATE:${utcStamp(date)}`);
    }
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(`URL:${event.url}`);
  if (event.state && STATUS[event.state]) lines.push(`STATUS:${STATUS[event.state]}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

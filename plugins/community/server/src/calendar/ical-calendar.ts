import { lastEnd, tabledWallTime as wallTime, vtimezone } from '@chapterhouse/config';
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalDateTimeValue,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';

/** The product identifier every calendar we write carries (RFC 5545 §3.7.3). */
export const PRODUCT_ID = '//Chapterhouse//Community calendar//EN';

/** One VEVENT, with every value already decided (see calendar-entries.ts). */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  /** DTSTAMP: when this version of the event was written, not when the file was. */
  stamp: Date;
  created: Date;
  start: Date;
  end: Date;
  allDay: boolean;
  /** The zone the event's wall-clock times are in; null writes UTC times. */
  timeZone: string | null;
  /** An RRULE value (without `RRULE:`) as RFC 5545 wants it beside DTSTART (see `calendarRule`). */
  recurrence: string | null;
  /** Start instants of the series' occurrences that do not take place. */
  exceptions: Date[];
  /** Occurrences of the series moved or cancelled on their own, written as RECURRENCE-ID components. */
  overrides: { originalStart: Date; start: Date; end: Date; cancelled: boolean }[];
  summary: string;
  description: string | null;
  location: string | null;
  geo: { lat: number; lon: number } | null;
  url: string;
  state: 'scheduled' | 'cancelled' | 'postponed';
  categories: string[];
}

export interface CalendarDocument {
  name: string;
  description?: string | null;
  /** The web page the calendar stands for. */
  url?: string | null;
  /** How often subscribers should refresh (REFRESH-INTERVAL). */
  refreshSeconds?: number | null;
  entries: CalendarEntry[];
}

const STATUS = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
} as const;

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Escapes a TEXT value (RFC 5545 §3.3.11) for the calendar properties ical-generator writes verbatim. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n');
}

const octets = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

function foldLine(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  if (Buffer.byteLength(line) === line.length) {
    // One octet per character: cut at fixed places.
    parts.push(line.slice(0, 75));
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  // The first line holds 75 octets; each continuation starts with a space and holds 74 more.
  let start = 0;
  let size = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const length = octets(code);
    if (size + length > limit) {
      parts.push(line.slice(start, i));
      start = i;
      size = 0;
      limit = 74;
    }
    size += length;
    i += width;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/**
 * Folds content lines at 75 octets, never inside a character (RFC 5545 §3.1). Done here
 * rather than by ical-generator, whose folding encodes every character on its own and
 * costs hundreds of milliseconds for a calendar of a thousand events.
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

const isoText = (w: { year: number; month: number; day: number; hour: number; minute: number; second: number }) =>
  `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

/** A wall-clock reading without a zone, in the Temporal shape (a PlainDateTime). */
class WallClock implements ICalTemporalPlainDateTimeStub {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    private readonly zoned: ZonedWallClock,
  ) {}

  toZonedDateTime() {
    return this.zoned;
  }
  toPlainDate(): ICalTemporalPlainDateStub {
    const text = isoText(this).slice(0, 10);
    return { year: this.year, month: this.month, day: this.day, toJSON: () => text, toString: () => text };
  }
  toJSON() {
    return isoText(this);
  }
  toString() {
    return isoText(this);
  }
}

/**
 * An instant's wall-clock time in a zone, in the Temporal shape (a ZonedDateTime) that
 * ical-generator formats field by field. A native Date would be written with the server's
 * own zone (its local getters), so the output would change with the server's TZ.
 */
class ZonedWallClock implements ICalTemporalZonedDateTimeStub {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  private readonly plain: WallClock;

  constructor(
    private readonly instant: Date,
    readonly timeZoneId: string,
  ) {
    const w = wallTime(instant, timeZoneId);
    this.year = w.year;
    this.month = w.month;
    this.day = w.day;
    this.hour = w.hour;
    this.minute = w.minute;
    this.second = w.second;
    this.plain = new WallClock(w.year, w.month, w.day, w.hour, w.minute, w.second, this);
  }

  toPlainDateTime() {
    return this.plain;
  }
  withTimeZone() {
    return this;
  }
  toInstant(): ICalTemporalInstantStub {
    const text = this.instant.toISOString();
    return { epochMilliseconds: this.instant.getTime(), toJSON: () => text, toString: () => text, toZonedDateTimeISO: () => this };
  }
  toJSON() {
    return `${isoText(this)}[${this.timeZoneId}]`;
  }
  toString() {
    return this.toJSON();
  }
}

const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateStamp = (date: Date) => utcStamp(date).slice(0, 8);
const localStamp = (date: Date, timeZone: string) => {
  const w = wallTime(date, timeZone);
  return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
};

/** All-day events end on the day after their last day, as calendars count them. */
function allDayEnd(start: Date, end: Date): Date {
  const days = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / DAY));
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + days));
}

/** EXDATE values in the form of DTSTART: a date for an all-day series, else a time in its zone. */
function exceptionLine(entry: CalendarEntry): string | null {
  if (!entry.exceptions.length) return null;
  if (entry.allDay) return `EXDATE;VALUE=DATE:${entry.exceptions.map(dateStamp).join(',')}`;
  if (!entry.timeZone) return `EXDATE:${entry.exceptions.map(utcStamp).join(',')}`;
  return `EXDATE;TZID=${entry.timeZone}:${entry.exceptions.map((date) => localStamp(date, entry.timeZone!)).join(',')}`;
}

function startValue(entry: CalendarEntry, date: Date): ICalDateTimeValue {
  if (entry.allDay) return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return entry.timeZone ? new ZonedWallClock(date, entry.timeZone) : date;
}

/** How many years past its last edit a series without end has its zone's changes written out. */
export const OPEN_SERIES_YEARS = 10;

/**
 * The years each zone's events take place in, for VTIMEZONE components that cover them:
 * a series to its last occurrence, or OPEN_SERIES_YEARS past its last edit when it has no end.
 */
function zoneYears(entries: CalendarEntry[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const entry of entries) {
    if (entry.allDay || !entry.timeZone) continue;
    const from = Math.min(...[entry.start, ...entry.overrides.map((o) => o.start)].map((date) => wallTime(date, entry.timeZone!).year));
    const end = entry.recurrence
      ? lastEnd({ startsAt: entry.start, endsAt: entry.end, timezone: entry.timeZone, recurrence: entry.recurrence })
      : entry.end;
    const moved = entry.overrides.flatMap((o) => [o.start, o.end]).map((date) => wallTime(date, entry.timeZone!).year);
    const to = Math.max(from, end ? wallTime(end, entry.timeZone).year : entry.stamp.getUTCFullYear() + OPEN_SERIES_YEARS, ...moved);
    const known = years.get(entry.timeZone);
    years.set(entry.timeZone, known ? { from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to });
  }
  return years;
}

/** Folded VEVENTs by entry, most recently used last. */
const written = new Map<string, string>();
const MAX_WRITTEN = 20_000;

function writeEvent(calendar: ReturnType<typeof ical>, entry: CalendarEntry): string {
  const rule = entry.recurrence;
  const exceptions = rule ? exceptionLine(entry) : null;
  const shared = {
    id: entry.uid,
    sequence: entry.sequence,
    stamp: entry.stamp,
    created: entry.created,
    lastModified: entry.stamp,
    allDay: entry.allDay,
    timezone: entry.allDay ? null : entry.timeZone,
    summary: entry.summary,
    description: entry.description,
    location: entry.location ? { title: entry.location, ...(entry.geo ? { geo: entry.geo } : {}) } : null,
    url: entry.url,
    categories: entry.categories.map((name) => ({ name })),
  };
  // RFC 5545 §3.8.4.4: each changed occurrence is a VEVENT of the same UID naming the one it replaces.
  const overrides = rule
    ? entry.overrides.map((override) =>
        calendar
          .createEvent({
            ...shared,
            recurrenceId: startValue(entry, override.originalStart),
            start: startValue(entry, override.start),
            end: entry.allDay ? allDayEnd(override.start, override.end) : startValue(entry, override.end),
            status: override.cancelled ? ICalEventStatus.CANCELLED : STATUS[entry.state],
          })
          .toString(),
      )
    : [];
  const master = calendar
    .createEvent({
      ...shared,
      start: startValue(entry, entry.start),
      end: entry.allDay ? allDayEnd(entry.start, entry.end) : startValue(entry, entry.end),
      // A rule given as text is written line by line, which carries the EXDATE with it.
      repeating: rule ? [`RRULE:${rule}`, exceptions].filter(Boolean).join('\n') : null,
      status: STATUS[entry.state],
    })
    .toString();
  return master + overrides.join('');
}

/**
 * Writes an iCalendar object (RFC 5545) with ical-generator: CRLF line ends, lines folded
 * at 75 octets, text escaped, a VTIMEZONE for every zone used, and nothing that depends on
 * the clock or the server's time zone — the same document always gives the same bytes.
 */
export function renderCalendar(document: CalendarDocument): string {
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    name: escapeText(document.name),
    ...(document.description ? { description: escapeText(document.description) } : {}),
    ...(document.url ? { url: document.url } : {}),
    ...(document.refreshSeconds ? { ttl: document.refreshSeconds } : {}),
  });
  // Written without its events, so that the events can be folded here, quickly.
  const header = calendar.toString().replace(/END:VCALENDAR$/, '');

  const timezones = [...zoneYears(document.entries)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([zone, years]) => vtimezone(zone, years).join('\r\n') + '\r\n');

  const events = document.entries.map((entry) => {
    // An entry gives the same VEVENT whichever calendar it is in: most of a calendar rebuilt
    // after one event changed is taken from earlier builds.
    const key = JSON.stringify(entry);
    const known = written.get(key);
    if (known !== undefined) {
      written.delete(key);
      written.set(key, known);
      return known;
    }
    const text = foldLines(writeEvent(calendar, entry));
    written.set(key, text);
    if (written.size > MAX_WRITTEN) written.delete(written.keys().next().value as string);
    return text;
  });

  // Every component ends with CRLF, so the folded parts do too.
  return `${header}${foldLines(timezones.join(''))}${events.join('')}END:VCALENDAR\r\n`;
}

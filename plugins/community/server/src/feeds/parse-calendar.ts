import ICAL from 'ical.js';
import { changeProblems, offsetAt, seriesProblem, zonedInstant } from '@chapterhouse/config';
import { PAST_DAYS } from '../calendar/calendar-entries';
import { zoneForTzid, ianaZone } from './calendar-zones';
import { decodeText } from './decode';
import { FeedError } from './feed-error';
import { contentHash, sha256, webUrl } from './item-key';
import { htmlToText } from './sanitize';

export interface CalendarItem {
  /** Stable per item: the event's UID, with `#<original start>` for an occurrence or an override. */
  uid: string;
  title: string;
  /** plain text */
  description: string | null;
  startsAt: string;
  /** ISO UTC */
  endsAt: string;
  /** IANA */
  timezone: string;
  allDay: boolean;
  /** RRULE body, no 'RRULE:' */
  recurrence: string | null;
  /** ISO instants of the series' occurrences that do not take place as planned */
  exceptionDates: string[];
  /** Occurrences of a stored series moved in time or cancelled on their own (RECURRENCE-ID with the same content). */
  changes: { originalStart: string; startsAt: string | null; endsAt: string | null; cancelled: boolean }[];
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  url: string | null;
  cancelled: boolean;
  contentHash: string;
}

export interface ParseCalendarOptions {
  url: string;
  /** Events that ended more than PAST_DAYS (183) days before this are left out; expansion windows start here. */
  now: Date;
  contentType?: string | null;
}

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

const DAY = 86_400_000;
// Listed occurrences of rules the portal cannot store reach this far ahead.
export const FUTURE_DAYS = 365;
export { PAST_DAYS };
const MAX_OCCURRENCES = 200;
// Stops a rule that produces nothing in the window (or a hostile one) from looping for long.
const MAX_STEPS = 50_000;
// The event model needs an end after the start; an hour is what calendar apps assume.
const DEFAULT_DURATION = 3_600_000;

interface Moment {
  instant: Date;
  kind: 'date' | 'utc' | 'zoned' | 'floating';
  /** The IANA zone the wall time is in, when known. */
  zone: string | null;
}

interface Context {
  root: Component;
  calendarZone: string | null;
  /** Events, overrides and series left out because they ended before the window. */
  outsideWindow: number;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function wall(time: Time) {
  return { date: { year: time.year, month: time.month, day: time.day }, time: { hour: time.hour, minute: time.minute, second: time.second } };
}

/** The instant a DATE or DATE-TIME value stands for, honouring its TZID (named or defined in the file). */
function momentOf(time: Time, tzid: string | null, context: Context): Moment {
  if (time.isDate) return { instant: new Date(Date.UTC(time.year, time.month - 1, time.day)), kind: 'date', zone: null };
  const { date, time: clock } = wall(time);
  if (time.zone === ICAL.Timezone.utcTimezone) {
    return { instant: new Date(Date.UTC(date.year, date.month - 1, date.day, clock.hour, clock.minute, clock.second)), kind: 'utc', zone: 'UTC' };
  }
  if (tzid) {
    const named = zoneForTzid(tzid);
    const defined = context.root.getTimeZoneByID(tzid);
    if (defined) {
      // The file's own definition decides the instant; the IANA name is kept only if it agrees.
      const offset = defined.utcOffset(time) * 1000;
      const instant = new Date(Date.UTC(date.year, date.month - 1, date.day, clock.hour, clock.minute, clock.second) - offset);
      const zone = named && offsetAt(instant.getTime(), named) === offset ? named : null;
      return { instant, kind: 'zoned', zone };
    }
    if (named) return { instant: zonedInstant(date, clock, named), kind: 'zoned', zone: named };
  }
  const zone = context.calendarZone ?? 'UTC';
  return { instant: zonedInstant(date, clock, zone), kind: 'floating', zone };
}

function tzidOf(property: Property | null): string | null {
  const value = property?.getParameter('tzid');
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function timeOf(property: Property | null): Time | null {
  const value = property?.getFirstValue();
  return value instanceof ICAL.Time ? value : null;
}

function textOf(component: Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') return null;
  const plain = /<\/?[a-z][^>]*>/i.test(value) ? htmlToText(value) : value.replace(/\r\n?/g, '\n');
  return plain.trim() || null;
}

const BYDAY = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/;

/**
 * The RRULE in the form the portal stores and expands (FREQ daily to yearly, INTERVAL,
 * COUNT or UNTIL, BYDAY, BYMONTHDAY, BYMONTH), or null when the rule needs more than
 * that and its occurrences must be listed instead.
 */
export function storableRule(rule: string, until: (value: string) => string | null): string | null {
  const parts = new Map<string, string>();
  for (const part of rule.trim().replace(/^RRULE:/i, '').split(';')) {
    if (!part) continue;
    const [name, value, ...rest] = part.split('=');
    if (!name || value === undefined || rest.length || parts.has(name.toUpperCase())) return null;
    parts.set(name.toUpperCase(), value.toUpperCase());
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);
  if ([...parts.keys()].some((name) => !allowed.has(name))) return null;
  const freq = parts.get('FREQ');
  if (!freq || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) return null;
  const interval = parts.get('INTERVAL') ?? '1';
  if (!/^\d{1,3}$/.test(interval) || Number(interval) < 1) return null;
  const count = parts.get('COUNT');
  if (count !== undefined && (!/^\d{1,4}$/.test(count) || Number(count) < 1)) return null;
  if (count !== undefined && parts.has('UNTIL')) return null;
  const byDay = parts.get('BYDAY')?.split(',');
  const byMonthDay = parts.get('BYMONTHDAY')?.split(',');
  const byMonth = parts.get('BYMONTH')?.split(',');
  const numbered = byDay?.some((day) => BYDAY.exec(day)?.[1]);
  if (byDay && !byDay.every((day) => BYDAY.test(day))) return null;
  if (numbered && !(freq === 'MONTHLY' || (freq === 'YEARLY' && byMonth))) return null;
  if (byMonthDay && !byMonthDay.every((day) => /^[+-]?\d{1,2}$/.test(day) && Number(day) !== 0 && Math.abs(Number(day)) <= 31)) return null;
  if (byMonth && !byMonth.every((month) => /^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12)) return null;
  if (freq === 'YEARLY' && (byDay || byMonthDay) && !byMonth) return null;
  if (freq === 'WEEKLY' && (byMonth || byMonthDay)) return null;
  // Weeks start on Monday in the portal; another start only matters for multi-day rules every few weeks.
  const wkst = parts.get('WKST');
  if (wkst && wkst !== 'MO' && freq === 'WEEKLY' && Number(interval) > 1 && (byDay?.length ?? 0) > 1) return null;
  let untilValue: string | null = null;
  if (parts.has('UNTIL')) {
    untilValue = until(parts.get('UNTIL')!);
    if (!untilValue) return null;
  }
  return [
    `FREQ=${freq}`,
    Number(interval) > 1 ? `INTERVAL=${Number(interval)}` : null,
    count !== undefined ? `COUNT=${Number(count)}` : null,
    untilValue ? `UNTIL=${untilValue}` : null,
    byDay ? `BYDAY=${byDay.join(',')}` : null,
    byMonthDay ? `BYMONTHDAY=${byMonthDay.map(Number).join(',')}` : null,
    byMonth ? `BYMONTH=${byMonth.map(Number).join(',')}` : null,
  ]
    .filter(Boolean)
    .join(';');
}

interface Series {
  uid: string;
  master: Component | null;
  overrides: Component[];
}

interface Timing {
  start: Moment;
  end: Date;
  allDay: boolean;
  tzid: string | null;
}

function timing(event: Component, context: Context): Timing | null {
  const startProperty = event.getFirstProperty('dtstart');
  const startTime = timeOf(startProperty);
  if (!startTime) return null;
  const tzid = tzidOf(startProperty);
  const start = momentOf(startTime, tzid, context);
  const allDay = startTime.isDate;
  let end: Date | null = null;
  const endProperty = event.getFirstProperty('dtend');
  const endTime = timeOf(endProperty);
  if (endTime) {
    end = endTime.isDate && !allDay ? null : momentOf(endTime, tzidOf(endProperty) ?? tzid, context).instant;
  } else {
    const duration = event.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) end = new Date(start.instant.getTime() + duration.toSeconds() * 1000);
  }
  if (!end || end.getTime() <= start.instant.getTime()) end = new Date(start.instant.getTime() + (allDay ? DAY : DEFAULT_DURATION));
  return { start, end, allDay, tzid };
}

function eventZone(start: Moment, keepsRule: boolean, context: Context): string {
  if (start.kind === 'utc') return keepsRule ? 'UTC' : (context.calendarZone ?? 'UTC');
  if (start.kind === 'zoned' && start.zone) return start.zone;
  return context.calendarZone ?? 'UTC';
}

function item(
  event: Component,
  fields: {
    uid: string;
    start: Date;
    end: Date;
    allDay: boolean;
    timezone: string;
    recurrence: string | null;
    exceptionDates: string[];
    changes?: CalendarItem['changes'];
  },
  options: ParseCalendarOptions,
): CalendarItem {
  const geo = event.getFirstPropertyValue('geo');
  const [latitude, longitude] = Array.isArray(geo) ? geo.map(Number) : [NaN, NaN];
  const hasGeo = Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude!) <= 90 && Math.abs(longitude!) <= 180;
  const url = event.getFirstPropertyValue('url');
  const status = event.getFirstPropertyValue('status');
  const values = {
    uid: fields.uid,
    title: (textOf(event, 'summary') ?? '').replace(/\s+/g, ' '),
    description: textOf(event, 'description'),
    startsAt: fields.start.toISOString(),
    endsAt: fields.end.toISOString(),
    timezone: fields.timezone,
    allDay: fields.allDay,
    recurrence: fields.recurrence,
    exceptionDates: [...new Set(fields.exceptionDates)].sort(),
    changes: fields.changes ?? [],
    location: textOf(event, 'location')?.replace(/\n+/g, ', ') ?? null,
    latitude: hasGeo ? latitude! : null,
    longitude: hasGeo ? longitude! : null,
    url: typeof url === 'string' ? webUrl(url, options.url) : null,
    cancelled: typeof status === 'string' && status.trim().toUpperCase() === 'CANCELLED',
  };
  return { ...values, contentHash: contentHash(values) };
}

/**
 * Walks a series' occurrences (wall times as ical.js gives them) while `visit` says go on.
 * Says whether the series ran out, `visit` stopped, or the step limit was reached.
 */
function walk(master: Component, visit: (occurrence: Time) => boolean): 'ended' | 'stopped' | 'limit' {
  const iterator = new ICAL.Event(master).iterator();
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const next = iterator.next();
    if (!next) return 'ended';
    if (!visit(next)) return 'stopped';
  }
  return 'limit';
}

/** What a subscriber reads of an event besides its time: a moved occurrence that changes none of it is the same event. */
const CONTENT = ['summary', 'description', 'location', 'url', 'geo'];

function sameContent(override: Component, master: Component): boolean {
  return CONTENT.every((name) => !override.hasProperty(name) || JSON.stringify(override.getFirstPropertyValue(name)) === JSON.stringify(master.getFirstPropertyValue(name)));
}

function seriesItems(series: Series, context: Context, options: ParseCalendarOptions): CalendarItem[] {
  const windowStart = options.now.getTime() - PAST_DAYS * DAY;
  const windowEnd = options.now.getTime() + FUTURE_DAYS * DAY;
  const items: CalendarItem[] = [];
  const overridden = new Map<string, { override: Component; original: Date }>();
  for (const override of series.overrides) {
    const property = override.getFirstProperty('recurrence-id');
    const time = timeOf(property);
    if (!time) continue;
    const original = momentOf(time, tzidOf(property), context).instant;
    overridden.set(stamp(original), { override, original });
  }

  /** An override as an event of its own, taking the place of the occurrence it names. */
  const ownItem = (originalStamp: string, override: Component) => {
    const own = timing(override, context);
    if (!own) return;
    if (own.end.getTime() < windowStart) {
      context.outsideWindow += 1;
      return;
    }
    items.push(
      item(override, {
        uid: `${series.uid}#${originalStamp}`,
        start: own.start.instant,
        end: own.end,
        allDay: own.allDay,
        timezone: eventZone(own.start, false, context),
        recurrence: null,
        exceptionDates: [],
      }, options),
    );
  };

  const ownItems = () => {
    for (const [originalStamp, { override }] of overridden) ownItem(originalStamp, override);
    return items;
  };
  const master = series.master;
  const main = master ? timing(master, context) : null;
  if (!master || !main) return ownItems();
  const duration = main.end.getTime() - main.start.instant.getTime();
  const rules = master.getAllProperties('rrule');
  const recurs = rules.length > 0 || master.getAllProperties('rdate').length > 0;

  if (!recurs) {
    ownItems();
    if (main.end.getTime() >= windowStart) {
      items.push(
        item(master, {
          uid: series.uid,
          start: main.start.instant,
          end: main.end,
          allDay: main.allDay,
          timezone: eventZone(main.start, false, context),
          recurrence: null,
          exceptionDates: [],
        }, options),
      );
    } else context.outsideWindow += 1;
    return items;
  }

  const occurrenceInstant = (time: Time) => momentOf(time, main.tzid, context).instant;
  const zoneKnown = main.start.kind !== 'zoned' || main.start.zone !== null;
  const simple = rules.length === 1 && !master.getAllProperties('rdate').length && !master.getAllProperties('exrule').length && zoneKnown;
  const timezone = eventZone(main.start, true, context);
  const untilValue = (value: string): string | null => {
    const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
    if (!match) return null;
    const [, y, m, d, hh, mm, ss, z] = match;
    if (main.allDay) return `${y}${m}${d}`;
    const date = { year: +y!, month: +m!, day: +d! };
    if (z) return value;
    // A local or date-only UNTIL is read in the event's zone, then stored in UTC as RFC 5545 asks.
    const clock = hh ? { hour: +hh, minute: +mm!, second: +ss! } : { hour: 23, minute: 59, second: 59 };
    return stamp(zonedInstant(date, clock, timezone));
  };
  const readable = simple ? storableRule(String(rules[0]!.getFirstValue()), untilValue) : null;
  // The CMS stores a series only when the engine expands its rule from this start; any other is listed by occurrence.
  const candidate = { startsAt: main.start.instant, endsAt: main.end, timezone, allDay: main.allDay, recurrence: readable };
  const rule = readable && !seriesProblem(candidate) ? readable : null;

  if (rule) {
    // A rule too dense to walk to the window within the step limit is taken as still running.
    const reached = walk(master, (time) => occurrenceInstant(time).getTime() + duration < windowStart);
    if (reached === 'ended') {
      context.outsideWindow += 1;
      return ownItems();
    }
    const exceptions = master
      .getAllProperties('exdate')
      .flatMap((property) =>
        property.getValues().filter((value): value is Time => value instanceof ICAL.Time).map((value) => {
          if (value.isDate && !main.allDay) {
            const clock = wall(timeOf(master.getFirstProperty('dtstart'))!).time;
            return zonedInstant({ year: value.year, month: value.month, day: value.day }, clock, timezone);
          }
          return momentOf(value, tzidOf(property) ?? main.tzid, context).instant;
        }),
      )
      .map((date) => date.toISOString());
    // A moved or cancelled occurrence that keeps the series' content is a change of the series;
    // one that says something else (another place, another title) is an event of its own.
    const changes: CalendarItem['changes'] = [];
    const replaced: string[] = [];
    for (const [originalStamp, { override, original }] of overridden) {
      const own = timing(override, context);
      const status = override.getFirstPropertyValue('status');
      const cancelled = typeof status === 'string' && status.trim().toUpperCase() === 'CANCELLED';
      if (own && sameContent(override, master)) {
        changes.push({ originalStart: original.toISOString(), startsAt: own.start.instant.toISOString(), endsAt: own.end.toISOString(), cancelled });
      } else {
        ownItem(originalStamp, override);
        replaced.push(original.toISOString());
      }
    }
    // Only changes the CMS takes are kept: one naming no occurrence of the rule would refuse the whole series.
    const exceptionDates = [...exceptions, ...replaced];
    const problems = new Set(changeProblems({ ...candidate, exceptionDates, changes }).map((problem) => problem.index));
    items.push(
      item(master, {
        uid: series.uid,
        start: main.start.instant,
        end: main.end,
        allDay: main.allDay,
        timezone,
        recurrence: rule,
        exceptionDates,
        changes: changes.filter((_, index) => !problems.has(index)).sort((a, b) => a.originalStart.localeCompare(b.originalStart)),
      }, options),
    );
    return items;
  }

  // A rule the portal cannot store is listed as its occurrences in the window, overrides in their place.
  ownItems();
  let listed = 0;
  let before = 0;
  walk(master, (time) => {
    const start = occurrenceInstant(time);
    if (start.getTime() > windowEnd || listed >= MAX_OCCURRENCES) return false;
    const key = stamp(start);
    if (start.getTime() + duration < windowStart) before += 1;
    if (start.getTime() + duration < windowStart || overridden.has(key)) return true;
    items.push(
      item(master, {
        uid: `${series.uid}#${key}`,
        start,
        end: new Date(start.getTime() + duration),
        allDay: main.allDay,
        timezone: eventZone(main.start, false, context),
        recurrence: null,
        exceptionDates: [],
      }, options),
    );
    listed += 1;
    return true;
  });
  if (!listed && before) context.outsideWindow += 1;
  return items;
}

function parseError(cause: unknown): FeedError {
  const reason = cause instanceof Error ? cause.message.split('\n')[0]!.slice(0, 200) : String(cause);
  return new FeedError('malformed', `The calendar file is broken and could not be read (${reason}).`, { cause });
}

/**
 * Reads an iCalendar file into events ready to store: times in UTC with their IANA zone,
 * storable recurrence rules kept (others listed as occurrences within a window), moved
 * occurrences as their own events, cancelled ones marked. Events over for more than
 * PAST_DAYS days are left out (and counted); private ones too. Every failure is a FeedError.
 */
export function readCalendar(body: Buffer, options: ParseCalendarOptions): { items: CalendarItem[]; outsideWindow: number } {
  if (!body.length || !body.toString('latin1', 0, 4096).trim()) throw new FeedError('empty', 'The calendar address returned nothing.');
  const source = decodeText(body, { contentType: options.contentType ?? null });
  const start = source.trimStart();
  if (/^<(?:!DOCTYPE\s+html|html)/i.test(start)) {
    throw new FeedError('not-a-feed', 'The address returns a web page, not a calendar; use the address of its iCal (.ics) file.');
  }
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(start)) throw new FeedError('not-a-feed', 'The address does not return an iCalendar (.ics) file.');

  let root: Component;
  try {
    const parsed = ICAL.parse(start) as unknown[];
    root = new ICAL.Component((Array.isArray(parsed[0]) ? parsed[0] : parsed) as any);
  } catch (cause) {
    throw parseError(cause);
  }
  const calendarZone = ianaZone(typeof root.getFirstPropertyValue('x-wr-timezone') === 'string' ? (root.getFirstPropertyValue('x-wr-timezone') as string) : null);
  const context: Context = { root, calendarZone, outsideWindow: 0 };

  const events = root.getAllSubcomponents('vevent');
  const byUid = new Map<string, Series>();
  for (const event of events) {
    const rawUid = event.getFirstPropertyValue('uid');
    const uid = typeof rawUid === 'string' && rawUid.trim() ? rawUid.trim() : null;
    const key = uid ?? `sha256:${sha256(`${event.getFirstProperty('dtstart')?.toICALString() ?? ''}\n${String(event.getFirstPropertyValue('summary') ?? '')}`)}`;
    const series = byUid.get(key) ?? { uid: key, master: null, overrides: [] };
    if (event.hasProperty('recurrence-id')) series.overrides.push(event);
    else series.master ??= event;
    byUid.set(key, series);
  }

  const items: CalendarItem[] = [];
  let unreadable = 0;
  let firstProblem: unknown;
  for (const series of byUid.values()) {
    const klass = series.master?.getFirstPropertyValue('class');
    if (typeof klass === 'string' && /^(PRIVATE|CONFIDENTIAL)$/i.test(klass.trim())) continue;
    try {
      items.push(...seriesItems(series, context, options));
    } catch (cause) {
      unreadable += 1;
      firstProblem ??= cause;
    }
  }
  // One broken event is skipped; a file where none can be read is an error, not an empty calendar.
  if (unreadable && unreadable === byUid.size) throw parseError(firstProblem);
  return { items: items.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid)), outsideWindow: context.outsideWindow };
}

/** The calendar's events, as `readCalendar` gives them. */
export function parseCalendar(body: Buffer, options: ParseCalendarOptions): CalendarItem[] {
  return readCalendar(body, options).items;
}

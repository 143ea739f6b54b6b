import { RRuleTemporal } from 'rrule-temporal';
import { safeTimeZone, wallTime, zonedInstant } from './zoned-time';

/**
 * The one recurrence engine of the portal: the CMS checks rules with it, the iCal writer
 * writes what it reads, the occurrences API and the website show what it expands. It reads
 * the subset of RFC 5545 RRULE listed in PARTS and expands it with rrule-temporal.
 *
 * UNTIL is read one way everywhere: a UTC date-time (`…Z`) as that instant; a date-time
 * without `Z` as wall time in the event's zone; a date alone as the end of that day in the
 * event's zone. RFC 5545 wants UTC beside a zoned DTSTART, so calendarRule() writes it so.
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A BYDAY entry: `weekday` 0 = Sunday … 6 = Saturday; `nth` 2 for "2TU", -1 for "-1FR", null for "TU". */
export interface WeekdayRule {
  weekday: number;
  nth: number | null;
}

/** An RRULE value the engine can expand, part by part. */
export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count: number | null;
  /** UNTIL as written: `20270630`, `20270630T190000` or `20270630T170000Z`. */
  until: string | null;
  byDay: WeekdayRule[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  wkst: string | null;
}

/**
 * One occurrence of a series changed on its own (an RFC 5545 RECURRENCE-ID override): moved
 * to another time, or cancelled while the series goes on.
 */
export interface OccurrenceChange {
  /** The occurrence's start as the rule gives it (the day it falls on is what matches). */
  originalStart: string | Date;
  /** Where it moved to; absent or null when only cancelled or only its end moved. */
  startsAt?: string | Date | null;
  endsAt?: string | Date | null;
  cancelled?: boolean | null;
}

/** What expanding an event needs; all-day events keep their dates as UTC calendar dates. */
export interface RecurringEvent {
  startsAt: string | Date;
  endsAt: string | Date;
  timezone?: string | null;
  allDay?: boolean | null;
  recurrence?: string | null;
  exceptionDates?: unknown;
  /** Occurrences changed one by one ({@link OccurrenceChange}); ignored on an event that does not recur. */
  changes?: unknown;
}

export interface Occurrence {
  start: Date;
  end: Date;
  /** Set on a changed occurrence: where the rule put it. */
  originalStart?: Date;
  /** True when this occurrence alone is cancelled. */
  cancelled?: boolean;
}

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** Parts RFC 5545 defines that the portal does not take: a rule with one is refused, not half-read. */
const UNSUPPORTED = new Set(['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYYEARDAY', 'BYWEEKNO', 'RSCALE', 'SKIP']);
const PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST']);

type Read = { rule: RecurrenceRule; problem?: undefined } | { rule?: undefined; problem: string };

function numbers(name: string, value: string, ok: (n: number) => boolean, what: string): number[] | string {
  const items = value.split(',');
  const out: number[] = [];
  for (const item of items) {
    const n = Number(item);
    if (!/^[+-]?\d{1,3}$/.test(item) || !ok(n)) return `${name}=${value} is not valid: each value must be ${what}`;
    out.push(n);
  }
  return out;
}

function untilDate(value: string): { year: number; month: number; day: number; time?: { hour: number; minute: number; second: number }; utc: boolean } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss, z] = match;
  const date = { year: +y!, month: +m!, day: +d! };
  const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (probe.getUTCMonth() !== date.month - 1 || probe.getUTCDate() !== date.day) return null;
  if (hh === undefined) return { ...date, utc: false };
  if (+hh! > 23 || +mm! > 59 || +ss! > 60) return null;
  return { ...date, time: { hour: +hh!, minute: +mm!, second: Math.min(59, +ss!) }, utc: z === 'Z' };
}

/**
 * Reads an RRULE value (with or without `RRULE:`): the rule, or a problem naming the part
 * that is wrong, e.g. `BYHOUR is not supported` or `BYDAY=9XX is not valid: …`.
 */
export function readRule(text: string | null | undefined): Read {
  const body = (text ?? '').trim().replace(/^RRULE:/i, '');
  if (!body) return { problem: 'is empty' };
  const rule: RecurrenceRule = {
    freq: 'DAILY', interval: 1, count: null, until: null, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], wkst: null,
  };
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const [rawName, value, ...rest] = part.split('=');
    if (!rawName || value === undefined || value === '' || rest.length) return { problem: `has a malformed part "${part}"` };
    const name = rawName.toUpperCase();
    const upper = value.toUpperCase();
    if (UNSUPPORTED.has(name)) return { problem: `${name} is not supported (the parts taken are ${[...PARTS].join(', ')})` };
    if (!PARTS.has(name)) return { problem: `has an unknown part "${rawName}"` };
    if (seen.has(name)) return { problem: `repeats ${name}` };
    seen.add(name);
    let read: number[] | string;
    switch (name) {
      case 'FREQ':
        if (!FREQUENCIES.includes(upper)) {
          return { problem: `FREQ=${value} is not supported: events repeat DAILY, WEEKLY, MONTHLY or YEARLY` };
        }
        rule.freq = upper as Frequency;
        break;
      case 'INTERVAL':
        read = numbers(name, value, (n) => n >= 1 && n <= 999, 'a whole number from 1 to 999');
        if (typeof read === 'string' || read.length !== 1) return { problem: typeof read === 'string' ? read : `INTERVAL takes one value` };
        rule.interval = read[0]!;
        break;
      case 'COUNT':
        if (!/^\d{1,4}$/.test(value) || +value < 1) return { problem: `COUNT=${value} is not valid: it must be a whole number from 1 to 9999` };
        rule.count = +value;
        break;
      case 'UNTIL':
        if (!untilDate(upper)) return { problem: `UNTIL=${value} is not valid: write a date (20271231) or a date-time (20271231T190000, or 20271231T180000Z in UTC)` };
        rule.until = upper;
        break;
      case 'BYDAY':
        for (const item of upper.split(',')) {
          const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item);
          const nth = match?.[1] ? Number(match[1]) : null;
          if (!match || nth === 0 || (nth !== null && Math.abs(nth) > 53)) {
            return { problem: `BYDAY=${value} is not valid: each value is a weekday (MO…SU), optionally after an ordinal such as 2 or -1` };
          }
          rule.byDay.push({ weekday: WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]), nth });
        }
        break;
      case 'BYMONTHDAY':
        read = numbers(name, value, (n) => n !== 0 && Math.abs(n) <= 31, 'a day from 1 to 31 or -31 to -1');
        if (typeof read === 'string') return { problem: read };
        rule.byMonthDay = read;
        break;
      case 'BYMONTH':
        read = /^\d{1,2}(,\d{1,2})*$/.test(value) ? numbers(name, value, (n) => n >= 1 && n <= 12, 'a month from 1 to 12') : `BYMONTH=${value} is not valid: each value must be a month from 1 to 12`;
        if (typeof read === 'string') return { problem: read };
        rule.byMonth = read;
        break;
      case 'BYSETPOS':
        read = numbers(name, value, (n) => n !== 0 && Math.abs(n) <= 366, 'a position from 1 to 366 or -366 to -1');
        if (typeof read === 'string') return { problem: read };
        rule.bySetPos = read;
        break;
      case 'WKST':
        if (!(WEEKDAY_CODES as readonly string[]).includes(upper)) return { problem: `WKST=${value} is not valid: it must be a weekday (MO…SU)` };
        rule.wkst = upper;
        break;
    }
  }
  if (!seen.has('FREQ')) return { problem: 'needs a FREQ (e.g. FREQ=WEEKLY)' };
  if (seen.has('UNTIL') && seen.has('COUNT')) return { problem: 'cannot have both UNTIL and COUNT' };
  // RFC 5545 §3.3.10 constraints between parts.
  if (rule.byDay.some((d) => d.nth !== null)) {
    if (rule.freq === 'DAILY' || rule.freq === 'WEEKLY') return { problem: `BYDAY with an ordinal (such as 2TU) needs FREQ=MONTHLY or FREQ=YEARLY` };
    if (rule.freq === 'MONTHLY' && rule.byDay.some((d) => Math.abs(d.nth ?? 0) > 5)) return { problem: 'BYDAY ordinals of a monthly rule run from -5 to 5' };
  }
  if (rule.byMonthDay.length && rule.freq === 'WEEKLY') return { problem: 'BYMONTHDAY cannot be used with FREQ=WEEKLY' };
  if (rule.bySetPos.length && !rule.byDay.length && !rule.byMonthDay.length && !rule.byMonth.length) {
    return { problem: 'BYSETPOS needs another BY part (BYDAY, BYMONTHDAY or BYMONTH) to pick from' };
  }
  return { rule };
}

/** The rule when the engine can expand it, else null. */
export function parseRecurrence(text: string | null | undefined): RecurrenceRule | null {
  if (!text || !text.trim()) return null;
  return readRule(text).rule ?? null;
}

const toInstant = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

/** The zone a series is expanded in: its own, or UTC for all-day events (their dates are UTC dates). */
export function seriesZone(event: Pick<RecurringEvent, 'timezone' | 'allDay'>): string {
  return event.allDay ? 'UTC' : safeTimeZone(event.timezone);
}

/** The last instant UNTIL allows, read as the module comment says. */
export function untilInstant(until: string, event: Pick<RecurringEvent, 'timezone' | 'allDay'>): Date | null {
  const read = untilDate(until.toUpperCase());
  if (!read) return null;
  const zone = seriesZone(event);
  if (read.utc) return new Date(Date.UTC(read.year, read.month - 1, read.day, read.time!.hour, read.time!.minute, read.time!.second));
  if (read.time) return zonedInstant(read, read.time, zone);
  const next = new Date(Date.UTC(read.year, read.month - 1, read.day + 1));
  const nextDay = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return new Date(zonedInstant(nextDay, { hour: 0, minute: 0 }, zone).getTime() - 1000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const localStamp = (date: Date, zone: string) => {
  const w = wallTime(date, zone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
};

function writeRule(rule: RecurrenceRule, until: string | null): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (until) parts.push(`UNTIL=${until}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${WEEKDAY_CODES[d.weekday]}`).join(',')}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.bySetPos.length) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.wkst) parts.push(`WKST=${rule.wkst}`);
  return parts.join(';');
}

/**
 * The rule as RFC 5545 wants it beside the event's DTSTART (§3.3.10), without `RRULE:`:
 * UNTIL as a date for an all-day event, in UTC otherwise. Null when the event does not recur.
 */
export function calendarRule(event: RecurringEvent): string | null {
  const text = event.recurrence?.trim().replace(/^RRULE:/i, '').toUpperCase();
  const rule = parseRecurrence(text);
  if (!text || !rule) return null;
  if (!rule.until) return text;
  const until = untilInstant(rule.until, event)!;
  return text.replace(/UNTIL=[^;]*/, `UNTIL=${event.allDay ? utcStamp(until).slice(0, 8) : utcStamp(until)}`);
}

/**
 * rrule-temporal expands the rule in wall-clock time (as if in UTC, where no clock ever
 * changes), and the tz database through `Intl` turns each wall time into an instant: the
 * Temporal polyfill it bundles misses some irregular changes (Casablanca's around Ramadan).
 */
type WallClock = Date;

interface Compiled {
  rule: RRuleTemporal;
  /** For a COUNT rule, every occurrence (a COUNT never counts a time the zone skips). */
  all: Date[] | null;
}

interface Series {
  compiled: Compiled;
  zone: string;
  start: Date;
  duration: number;
  /** Wall-clock days (YYYYMMDD in the series' zone) whose occurrence is cancelled. */
  skipped: Set<string>;
  /** Changed occurrences by the wall-clock day the rule puts them on. */
  changed: Map<string, Required<Occurrence>>;
}

const compiledRules = new Map<string, Compiled>();
const MAX_COMPILED = 10_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function toWall(instant: Date, zone: string): WallClock {
  const w = wallTime(instant, zone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The instant a wall time is read as in `zone`; null when the zone skips that time (RFC 5545 §3.3.10: ignored). */
function fromWall(wall: WallClock, zone: string): Date | null {
  const date = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  const time = { hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() };
  const instant = zonedInstant(date, time, zone);
  return toWall(instant, zone).getTime() === wall.getTime() ? instant : null;
}

const epoch = (zoned: { epochMilliseconds: number }): WallClock => new Date(zoned.epochMilliseconds);

function compile(start: Date, zone: string, rule: RecurrenceRule, event: RecurringEvent): Compiled {
  const until = rule.until ? `${utcStamp(toWall(untilInstant(rule.until, event)!, zone))}` : null;
  const text = `DTSTART;TZID=UTC:${utcStamp(toWall(start, zone)).slice(0, 15)}\nRRULE:${writeRule({ ...rule, count: null }, until)}`;
  const key = `${zone} ${rule.count ?? ''} ${text}`;
  let compiled = compiledRules.get(key);
  if (!compiled) {
    const engine = new RRuleTemporal({ rruleString: text, strict: true });
    let all: Date[] | null = null;
    if (rule.count !== null) {
      all = [];
      let cursor: WallClock | null = toWall(start, zone);
      while (all.length < rule.count && cursor) {
        const next = engine.next(cursor, true);
        if (!next) break;
        const instant = fromWall(epoch(next), zone);
        if (instant) all.push(instant);
        cursor = new Date(next.epochMilliseconds + 1000);
      }
    }
    compiled = { rule: engine, all };
    if (compiledRules.size >= MAX_COMPILED) compiledRules.delete(compiledRules.keys().next().value as string);
    compiledRules.set(key, compiled);
  }
  return compiled;
}

const dayKey = (date: Date, zone: string) => localStamp(date, zone).slice(0, 8);

function series(event: RecurringEvent): Series | null {
  const rule = parseRecurrence(event.recurrence);
  const start = toInstant(event.startsAt);
  if (!rule || Number.isNaN(start.getTime())) return null;
  const end = toInstant(event.endsAt);
  const zone = seriesZone(event);
  const skipped = new Set<string>();
  for (const value of Array.isArray(event.exceptionDates) ? event.exceptionDates : []) {
    const instant = new Date(String(value));
    // An exception names the day it cancels; matching on the day tolerates a time typed slightly off.
    if (!Number.isNaN(instant.getTime())) skipped.add(dayKey(instant, zone));
  }
  const s: Series = {
    compiled: compile(start, zone, rule, event),
    zone,
    start,
    duration: Number.isNaN(end.getTime()) ? 0 : Math.max(0, end.getTime() - start.getTime()),
    skipped,
    changed: new Map(),
  };
  for (const change of readChanges(event.changes)) {
    const day = dayKey(change.originalStart, zone);
    // A change applies to an occurrence the rule gives and the exceptions leave; any other is ignored.
    const original = ruleStartOn(s, day);
    if (!original || skipped.has(day) || s.changed.has(day)) continue;
    const moved = change.startsAt ?? original;
    const ends = change.endsAt ?? new Date(moved.getTime() + s.duration);
    s.changed.set(day, { start: moved, end: ends > moved ? ends : moved, originalStart: original, cancelled: change.cancelled });
  }
  return s;
}

interface ReadChange {
  originalStart: Date;
  startsAt: Date | null;
  endsAt: Date | null;
  cancelled: boolean;
}

const instantOrNull = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The well-formed entries of a `changes` list; malformed ones are left out (the CMS refuses them on write). */
function readChanges(changes: unknown): ReadChange[] {
  if (!Array.isArray(changes)) return [];
  const out: ReadChange[] = [];
  for (const change of changes as Record<string, unknown>[]) {
    const originalStart = instantOrNull(change?.originalStart);
    if (!originalStart) continue;
    out.push({ originalStart, startsAt: instantOrNull(change.startsAt), endsAt: instantOrNull(change.endsAt), cancelled: change.cancelled === true });
  }
  return out;
}

/** The rule's start on a wall-clock day of the series' zone, if it gives one (at most one a day: no BYHOUR). */
function ruleStartOn(s: Series, day: string): Date | null {
  const date = { year: +day.slice(0, 4), month: +day.slice(4, 6), day: +day.slice(6, 8) };
  const noon = zonedInstant(date, { hour: 12, minute: 0 }, s.zone);
  return startsBetween(s, new Date(noon.getTime() - 15 * HOUR), new Date(noon.getTime() + 15 * HOUR)).find((start) => dayKey(start, s.zone) === day) ?? null;
}

/** Every start of the series' rule in [from, to], cancelled days included. */
function startsBetween(s: Series, from: Date, to: Date): Date[] {
  if (s.compiled.all) return s.compiled.all.filter((d) => d >= from && d <= to);
  // A day either side covers every offset a zone can have.
  const wallFrom = new Date(toWall(from, s.zone).getTime() - DAY);
  const wallTo = new Date(toWall(to, s.zone).getTime() + DAY);
  return s.compiled.rule
    .between(wallFrom, wallTo, true)
    .map((zoned) => fromWall(epoch(zoned), s.zone))
    .filter((d): d is Date => d !== null && d >= from && d <= to);
}

/** The first start of the series' rule at or after `from`, cancelled days included. */
function firstStartFrom(s: Series, from: Date): Date | null {
  if (s.compiled.all) return s.compiled.all.find((d) => d >= from) ?? null;
  let cursor = new Date(toWall(from, s.zone).getTime() - DAY);
  for (let tries = 0; tries < 1000; tries += 1) {
    const next = s.compiled.rule.next(cursor, true);
    if (!next) return null;
    const instant = fromWall(epoch(next), s.zone);
    if (instant && instant >= from) return instant;
    cursor = new Date(next.epochMilliseconds + 1000);
  }
  return null;
}

/**
 * Every occurrence that overlaps [from, to), in order: the event itself when it does not
 * recur, else its series in its own zone (the wall-clock time stays put across daylight
 * saving) without the cancelled days.
 */
export function occurrencesBetween(event: RecurringEvent, from: Date, to: Date): Occurrence[] {
  const s = series(event);
  if (!s) {
    const start = toInstant(event.startsAt);
    const end = toInstant(event.endsAt);
    if (Number.isNaN(start.getTime())) return [];
    const last = Number.isNaN(end.getTime()) || end < start ? start : end;
    const overlaps = start < to && (last > from || start.getTime() >= from.getTime());
    return overlaps ? [{ start, end: last }] : [];
  }
  const regular: Occurrence[] = startsBetween(s, new Date(from.getTime() - s.duration), to)
    .filter((start) => start.getTime() + s.duration > from.getTime() || start.getTime() >= from.getTime())
    .filter((start) => start < to && !s.skipped.has(dayKey(start, s.zone)) && !s.changed.has(dayKey(start, s.zone)))
    .map((start) => ({ start, end: new Date(start.getTime() + s.duration) }));
  const changed = [...s.changed.values()].filter(({ start, end }) => start < to && (end > from || start >= from));
  if (!changed.length) return regular;
  return [...regular, ...changed].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The occurrences changed one by one, in the order the rule gives them, each with where the rule put it. */
export function changedOccurrences(event: RecurringEvent): Required<Occurrence>[] {
  const s = series(event);
  if (!s) return [];
  return [...s.changed.values()].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
}

const notOver = (o: Occurrence, now: Date) => o.end > now || o.start >= now;

/**
 * The first occurrence that has not ended by `now` and takes place (one cancelled on its own
 * is passed over), or null when the series is over.
 */
export function nextOccurrence(event: RecurringEvent, now: Date): Occurrence | null {
  const s = series(event);
  if (!s) {
    const [only] = occurrencesBetween(event, now, new Date(8.64e15));
    return only ?? null;
  }
  let regular: Occurrence | null = null;
  let from = new Date(Math.max(s.start.getTime(), now.getTime() - s.duration));
  for (let tries = 0; tries < 10_000 && !regular; tries += 1) {
    const start = firstStartFrom(s, from);
    if (!start) break;
    const candidate = { start, end: new Date(start.getTime() + s.duration) };
    const day = dayKey(start, s.zone);
    if (notOver(candidate, now) && !s.skipped.has(day) && !s.changed.has(day)) regular = candidate;
    from = new Date(start.getTime() + 1000);
  }
  const changed = [...s.changed.values()].filter((o) => !o.cancelled && notOver(o, now));
  return [...(regular ? [regular] : []), ...changed].sort((a, b) => a.start.getTime() - b.start.getTime())[0] ?? null;
}

/**
 * The last occurrence that starts before `to` and takes place (one cancelled on its own is
 * passed over), or null when there is none.
 */
export function lastOccurrenceBefore(event: RecurringEvent, to: Date): Occurrence | null {
  const s = series(event);
  if (!s) {
    const start = toInstant(event.startsAt);
    if (Number.isNaN(start.getTime()) || start >= to) return null;
    const end = toInstant(event.endsAt);
    return { start, end: Number.isNaN(end.getTime()) || end < start ? start : end };
  }
  const earliest = Math.min(s.start.getTime(), ...[...s.changed.values()].map((o) => o.start.getTime()));
  // Back from `to` a window at a time: a running series is found in the first one.
  for (let windowEnd = to.getTime(); windowEnd > earliest; windowEnd -= 400 * DAY) {
    const windowStart = new Date(windowEnd - 400 * DAY);
    const found = occurrencesBetween(event, windowStart, new Date(windowEnd)).filter(
      (o) => !o.cancelled && o.start >= windowStart && o.start.getTime() < windowEnd,
    );
    if (found.length) return found.at(-1)!;
  }
  return null;
}

/** When the last occurrence ends; null for a series without end. Cancelled days still count. */
export function lastEnd(event: RecurringEvent): Date | null {
  const s = series(event);
  if (!s) {
    const end = toInstant(event.endsAt);
    return Number.isNaN(end.getTime()) ? toInstant(event.startsAt) : end;
  }
  if (s.compiled.all) {
    const last = s.compiled.all.at(-1);
    const ruleEnd = last ? new Date(last.getTime() + s.duration) : toInstant(event.endsAt);
    return new Date(Math.max(ruleEnd.getTime(), ...[...s.changed.values()].map((o) => o.end.getTime())));
  }
  const rule = parseRecurrence(event.recurrence)!;
  if (rule.until === null) return null;
  const until = untilInstant(rule.until, event)!;
  const [last] = startsBetween(s, new Date(until.getTime() - 400 * DAY), until).slice(-1);
  const ruleEnd = last ? new Date(last.getTime() + s.duration) : toInstant(event.endsAt);
  return new Date(Math.max(ruleEnd.getTime(), ...[...s.changed.values()].map((o) => o.end.getTime())));
}

/** The starts of the occurrences the event's exception dates cancel, for EXDATE. */
export function cancelledStarts(event: RecurringEvent): Date[] {
  const s = series(event);
  if (!s || !s.skipped.size) return [];
  const out: Date[] = [];
  for (const day of [...s.skipped].sort()) {
    const date = { year: +day.slice(0, 4), month: +day.slice(4, 6), day: +day.slice(6, 8) };
    const noon = zonedInstant(date, { hour: 12, minute: 0 }, s.zone);
    for (const start of startsBetween(s, new Date(noon.getTime() - 15 * HOUR), new Date(noon.getTime() + 15 * HOUR))) {
      if (dayKey(start, s.zone) === day) out.push(start);
    }
  }
  return out;
}

/**
 * What is wrong with a series as stored, or undefined: its rule must be one the engine
 * expands, and its start one of the rule's occurrences (RFC 5545 leaves any other undefined).
 */
export function seriesProblem(event: RecurringEvent): string | undefined {
  const read = readRule(event.recurrence);
  if (read.problem) return read.problem;
  const s = series(event);
  if (!s) return undefined;
  const first = firstStartFrom(s, s.start);
  if (first && first.getTime() === s.start.getTime()) return undefined;
  const coming: Date[] = [];
  for (let next = first; next && coming.length < 3; next = firstStartFrom(s, new Date(next.getTime() + 1000))) coming.push(next);
  const show = (date: Date) => localStamp(date, s.zone).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2}).*/, '$1-$2-$3 $4:$5');
  const weekday = (date: Date) => WEEKDAY_CODES[wallTime(date, s.zone).weekday];
  const would = coming.length
    ? `the first occurrences of the rule would be ${coming.map((d) => `${weekday(d)} ${show(d)}`).join(', ')} (${s.zone})`
    : 'the rule has no occurrence from that day on';
  return `does not match startsAt (${weekday(s.start)} ${show(s.start)} ${s.zone}), which must be its first occurrence: ${would}`;
}

/**
 * What is wrong with each of a series' changed occurrences, by position in the list: each
 * must name a day the rule gives and the exceptions leave, once, and end after it starts.
 */
export function changeProblems(event: RecurringEvent): { index: number; field: keyof OccurrenceChange; message: string }[] {
  const changes = Array.isArray(event.changes) ? (event.changes as Record<string, unknown>[]) : [];
  if (!changes.length) return [];
  const s = series(event);
  if (!s) return [{ index: 0, field: 'originalStart', message: 'apply to recurring events only: a one-off event is moved by changing its own start' }];
  const problems: { index: number; field: keyof OccurrenceChange; message: string }[] = [];
  const days = new Map<string, number>();
  changes.forEach((change, index) => {
    const originalStart = instantOrNull(change?.originalStart);
    if (!originalStart) {
      problems.push({ index, field: 'originalStart', message: 'must be the start of one of the series\' occurrences, as an ISO 8601 instant' });
      return;
    }
    const day = dayKey(originalStart, s.zone);
    const original = ruleStartOn(s, day);
    if (!original) {
      const show = localStamp(originalStart, s.zone).replace(/^(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3');
      problems.push({ index, field: 'originalStart', message: `names ${show} (${s.zone}), a day on which the series has no occurrence` });
    } else if (s.skipped.has(day)) {
      problems.push({ index, field: 'originalStart', message: 'names an occurrence the exception dates already cancel' });
    }
    if (days.has(day)) problems.push({ index, field: 'originalStart', message: `names the same occurrence as change ${days.get(day)! + 1}` });
    else days.set(day, index);
    const startsAt = change.startsAt === undefined || change.startsAt === null || change.startsAt === '' ? null : instantOrNull(change.startsAt);
    const endsAt = change.endsAt === undefined || change.endsAt === null || change.endsAt === '' ? null : instantOrNull(change.endsAt);
    if (startsAt === null && change.startsAt !== undefined && change.startsAt !== null && change.startsAt !== '') {
      problems.push({ index, field: 'startsAt', message: 'must be an ISO 8601 instant' });
    }
    if (endsAt === null && change.endsAt !== undefined && change.endsAt !== null && change.endsAt !== '') {
      problems.push({ index, field: 'endsAt', message: 'must be an ISO 8601 instant' });
    }
    const start = startsAt ?? original;
    if (start && endsAt && endsAt <= start) problems.push({ index, field: 'endsAt', message: 'must be after the occurrence\'s start' });
  });
  return problems;
}

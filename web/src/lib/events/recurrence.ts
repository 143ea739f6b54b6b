import { safeTimeZone, wallTime, zonedInstant } from '@chapterhouse/config';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A BYDAY entry: `weekday` 0 = Sunday … 6 = Saturday; `nth` 2 for "2TU", -1 for "-1FR", null for "TU". */
export interface WeekdayRule {
  weekday: number;
  nth: number | null;
}

/** The part of RFC 5545 RRULE the portal understands. */
export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: Date | null;
  byDay: WeekdayRule[];
  byMonthDay: number[];
  byMonth: number[];
}

/** What expanding an event needs; all-day events keep their dates as UTC calendar dates. */
export interface RecurringEvent {
  startsAt: string;
  endsAt: string;
  timezone: string | null;
  allDay?: boolean | null;
  recurrence?: string | null;
  exceptionDates?: unknown;
}

export interface Occurrence {
  start: Date;
  end: Date;
}

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAY = 86_400_000;
// Enough periods for a daily rule over decades; stops rules that can never match.
const MAX_PERIODS = 20_000;

function parseUntil(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!match) return null;
  const [, y, m, d, hh = '23', mm = '59', ss = '59'] = match;
  return new Date(Date.UTC(+y!, +m! - 1, +d!, +hh, +mm, +ss));
}

/** Reads an RRULE value (with or without the `RRULE:` prefix); null when it is not one we can expand. */
export function parseRecurrence(text: string | null | undefined): RecurrenceRule | null {
  if (!text) return null;
  const rule: RecurrenceRule = { freq: 'DAILY', interval: 1, count: null, until: null, byDay: [], byMonthDay: [], byMonth: [] };
  let hasFreq = false;
  for (const part of text.trim().replace(/^RRULE:/i, '').split(';')) {
    if (!part) continue;
    const [rawName, value = ''] = part.split('=');
    const name = rawName!.toUpperCase();
    const upper = value.toUpperCase();
    if (name === 'FREQ') {
      if (!FREQUENCIES.includes(upper)) return null;
      rule.freq = upper as Frequency;
      hasFreq = true;
    } else if (name === 'INTERVAL') {
      if (!/^\d{1,3}$/.test(value) || +value < 1) return null;
      rule.interval = +value;
    } else if (name === 'COUNT') {
      if (!/^\d{1,4}$/.test(value) || +value < 1) return null;
      rule.count = +value;
    } else if (name === 'UNTIL') {
      rule.until = parseUntil(upper);
      if (!rule.until) return null;
    } else if (name === 'BYDAY') {
      for (const item of upper.split(',')) {
        const match = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item);
        if (!match) return null;
        rule.byDay.push({ weekday: WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]), nth: match[1] ? +match[1] : null });
      }
    } else if (name === 'BYMONTHDAY') {
      for (const item of value.split(',')) {
        const day = Number(item);
        if (!/^[+-]?\d{1,2}$/.test(item) || day === 0 || Math.abs(day) > 31) return null;
        rule.byMonthDay.push(day);
      }
    } else if (name === 'BYMONTH') {
      for (const item of value.split(',')) {
        if (!/^\d{1,2}$/.test(item) || +item < 1 || +item > 12) return null;
        rule.byMonth.push(+item);
      }
    } else if (name !== 'WKST') {
      // BYSETPOS, BYHOUR and the like would change which dates occur: better no expansion than a wrong one.
      return null;
    }
  }
  return hasFreq ? rule : null;
}

/** A calendar date as days since 1970-01-01; arithmetic on it never meets a time zone. */
type DayNumber = number;
const dayNumber = (year: number, month: number, day: number): DayNumber => Date.UTC(year, month - 1, day) / DAY;
const toDate = (n: DayNumber) => {
  const d = new Date(n * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
};
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function weekdaysOfMonth(year: number, month: number, rule: WeekdayRule): DayNumber[] {
  const first = dayNumber(year, month, 1);
  const length = daysInMonth(year, month);
  const offset = (rule.weekday - toDate(first).weekday + 7) % 7;
  const all: DayNumber[] = [];
  for (let day = offset; day < length; day += 7) all.push(first + day);
  if (rule.nth === null) return all;
  const picked = rule.nth > 0 ? all[rule.nth - 1] : all[all.length + rule.nth];
  return picked === undefined ? [] : [picked];
}

function monthDays(year: number, month: number, days: number[]): DayNumber[] {
  const length = daysInMonth(year, month);
  return days
    .map((day) => (day > 0 ? day : length + day + 1))
    .filter((day) => day >= 1 && day <= length)
    .map((day) => dayNumber(year, month, day));
}

/** The dates of one month the rule picks, given the start date for defaults. */
function datesInMonth(rule: RecurrenceRule, year: number, month: number, startDay: number): DayNumber[] {
  const byDay = rule.byDay.flatMap((r) => weekdaysOfMonth(year, month, r));
  if (rule.byMonthDay.length) {
    const byMonthDay = monthDays(year, month, rule.byMonthDay);
    return rule.byDay.length ? byMonthDay.filter((d) => byDay.includes(d)) : byMonthDay;
  }
  if (rule.byDay.length) return byDay;
  return startDay <= daysInMonth(year, month) ? [dayNumber(year, month, startDay)] : [];
}

/** Candidate dates of the `index`-th period after the start's, in no particular order. */
function periodDates(rule: RecurrenceRule, start: DayNumber, index: number): DayNumber[] {
  const s = toDate(start);
  const step = index * rule.interval;
  switch (rule.freq) {
    case 'DAILY': {
      const day = start + step;
      const d = toDate(day);
      if (rule.byDay.length && !rule.byDay.some((r) => r.weekday === d.weekday)) return [];
      if (rule.byMonth.length && !rule.byMonth.includes(d.month)) return [];
      if (rule.byMonthDay.length && !monthDays(d.year, d.month, rule.byMonthDay).includes(day)) return [];
      return [day];
    }
    case 'WEEKLY': {
      // Weeks start on Monday (WKST=MO, the RFC default).
      const monday = start - ((s.weekday + 6) % 7) + step * 7;
      const weekdays = rule.byDay.length ? rule.byDay.map((r) => r.weekday) : [s.weekday];
      return weekdays.map((weekday) => monday + ((weekday + 6) % 7));
    }
    case 'MONTHLY': {
      const total = s.year * 12 + (s.month - 1) + step;
      const year = Math.floor(total / 12);
      const month = (total % 12) + 1;
      if (rule.byMonth.length && !rule.byMonth.includes(month)) return [];
      return datesInMonth(rule, year, month, s.day);
    }
    case 'YEARLY': {
      const year = s.year + step;
      const months = rule.byMonth.length ? rule.byMonth : [s.month];
      return months.flatMap((month) => datesInMonth(rule, year, month, s.day));
    }
  }
}

function exceptionDays(event: RecurringEvent, timeZone: string): Set<DayNumber> {
  const days = new Set<DayNumber>();
  if (!Array.isArray(event.exceptionDates)) return days;
  for (const value of event.exceptionDates) {
    const instant = new Date(String(value));
    if (Number.isNaN(instant.getTime())) continue;
    // An exception names the day it cancels; matching on the day tolerates a time typed slightly off.
    const w = event.allDay ? wallTime(instant, 'UTC') : wallTime(instant, timeZone);
    days.add(dayNumber(w.year, w.month, w.day));
  }
  return days;
}

/**
 * Every occurrence of an event in order: the event itself when it does not recur, else its
 * series, expanded in the event's own time zone so that the wall-clock time stays the same
 * across daylight-saving changes. Exception dates are left out (they still count for COUNT).
 */
export function* occurrences(event: RecurringEvent): Generator<Occurrence> {
  const first = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  if (Number.isNaN(first.getTime())) return;
  const duration = Number.isNaN(end.getTime()) ? 0 : Math.max(0, end.getTime() - first.getTime());
  const rule = parseRecurrence(event.recurrence);
  if (!rule) {
    yield { start: first, end: new Date(first.getTime() + duration) };
    return;
  }
  const timeZone = event.allDay ? 'UTC' : safeTimeZone(event.timezone);
  const local = wallTime(first, timeZone);
  const startDay = dayNumber(local.year, local.month, local.day);
  const skipped = exceptionDays(event, timeZone);
  let produced = 0;
  for (let index = 0; index < MAX_PERIODS; index += 1) {
    const dates = [...new Set(periodDates(rule, startDay, index))].sort((a, b) => a - b);
    for (const day of dates) {
      if (day < startDay) continue;
      const start = zonedInstant(toDate(day), local, timeZone);
      if (rule.until && start > rule.until) return;
      produced += 1;
      if (rule.count !== null && produced > rule.count) return;
      if (!skipped.has(day)) yield { start, end: new Date(start.getTime() + duration) };
    }
  }
}

/** The first occurrence that has not ended by `now`, or null when the series is over. */
export function nextOccurrence(event: RecurringEvent, now: Date): Occurrence | null {
  for (const occurrence of occurrences(event)) {
    if (occurrence.end.getTime() > now.getTime() || occurrence.start.getTime() >= now.getTime()) return occurrence;
  }
  return null;
}

/** A month of the events calendar: weeks of days, each day with the occurrences on its date. */

export interface MonthDay<T> {
  /** `2027-01-12` */
  date: string;
  /** False for the days of the previous and next months that fill the first and last weeks. */
  inMonth: boolean;
  items: T[];
}

export interface MonthGrid<T> {
  /** `2027-01` */
  month: string;
  weeks: MonthDay<T>[][];
  /** Weekday numbers in column order, 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
}

/** What placing an occurrence on days needs: its wall-clock times where it takes place. */
export interface Placed {
  localStart: string;
  localEnd: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The month `now` falls in (UTC), e.g. `2026-12`. */
export function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** The month `delta` months from `month`: `shiftMonth('2027-01', -1)` is `2026-12`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + delta, 1)).toISOString().slice(0, 7);
}

/**
 * The instants to ask for so that every occurrence dated in `month` where it takes place is
 * found: the month in UTC widened by the largest offsets a zone has (−12 h and +14 h).
 */
export function monthWindow(month: string): { from: Date; to: Date } {
  const start = msOf(`${month}-01`);
  const end = msOf(`${shiftMonth(month, 1)}-01`);
  return { from: new Date(start - 14 * HOUR), to: new Date(end + 12 * HOUR) };
}

/** The first day of the week where `locale` is spoken (0 = Sunday … 6 = Saturday), from the Unicode CLDR data Intl holds. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } };
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    return firstDay ? firstDay % 7 : 1;
  } catch {
    return 1;
  }
}

/** The local dates an occurrence covers: from its start's date to its end's (an end at midnight belongs to the day before). */
function datesOf(item: Placed): string[] {
  const first = item.localStart.slice(0, 10);
  const endsAtMidnight = item.localEnd.slice(11, 19) === '00:00:00' && item.localEnd > item.localStart;
  let last = item.localEnd.slice(0, 10);
  if (endsAtMidnight) last = dayOf(msOf(last) - DAY);
  if (last < first) last = first;
  const dates: string[] = [];
  // A long conference spans a few weeks at most; more than that is shown on its first 62 days.
  for (let ms = msOf(first); ms <= msOf(last) && dates.length < 62; ms += DAY) dates.push(dayOf(ms));
  return dates;
}

/**
 * The weeks that show `month`, starting on `firstDay`, each occurrence on every local date it
 * covers (in the order given), days outside the month empty.
 */
export function buildMonthGrid<T extends Placed>(month: string, items: T[], firstDay: number): MonthGrid<T> {
  const start = msOf(`${month}-01`);
  const end = msOf(`${shiftMonth(month, 1)}-01`);
  const lead = (new Date(start).getUTCDay() - firstDay + 7) % 7;
  const gridStart = start - lead * DAY;
  const weeksNeeded = Math.ceil((lead + (end - start) / DAY) / 7);
  const days: MonthDay<T>[] = [];
  const byDate = new Map<string, MonthDay<T>>();
  for (let i = 0; i < weeksNeeded * 7; i += 1) {
    const ms = gridStart + i * DAY;
    const day: MonthDay<T> = { date: dayOf(ms), inMonth: ms >= start && ms < end, items: [] };
    days.push(day);
    byDate.set(day.date, day);
  }
  for (const item of items) {
    for (const date of datesOf(item)) {
      const day = byDate.get(date);
      if (day?.inMonth) day.items.push(item);
    }
  }
  const weeks: MonthDay<T>[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return { month, weeks, weekdays: Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7) };
}

import ICAL from 'ical.js';

/**
 * An expander for tests that shares no code with the recurrence engine: ical.js expands the
 * rule in wall-clock time, and `Intl`'s tz database turns wall time into instants.
 */

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `zone` is ahead of UTC at `instant`, read from Intl's "GMT+05:45" names. */
export function intlOffsetMinutes(instant: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT(?:([+-])(\d{2}):?(\d{2})?)?/.exec(name)!;
  if (!match[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** The wall time of `instant` in `zone`. */
export function intlWall(instant: number, zone: string): Wall {
  const d = new Date(instant + intlOffsetMinutes(instant, zone) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The instants at which `wall` is read in `zone`: none in a gap, two in a repeated hour. */
export function intlInstants(wall: Wall, zone: string): number[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const found = new Set<number>();
  // Every offset in use within a day either side; keep those that read back as this wall time.
  for (const probe of [-36, -12, 0, 12, 36]) {
    const offset = intlOffsetMinutes(asUtc + probe * 3_600_000, zone);
    const candidate = asUtc - offset * 60_000;
    if (intlOffsetMinutes(candidate, zone) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

export interface SeriesInput {
  startsAt: string | Date;
  endsAt: string | Date;
  timezone: string;
  allDay?: boolean | null;
  recurrence?: string | null;
  exceptionDates?: string[];
}

const stamp = (w: Wall) =>
  `${String(w.year).padStart(4, '0')}${String(w.month).padStart(2, '0')}${String(w.day).padStart(2, '0')}T${String(w.hour).padStart(2, '0')}${String(w.minute).padStart(2, '0')}${String(w.second).padStart(2, '0')}`;

/** The rule with UNTIL as floating wall time in the series' zone, the form ical.js compares with a floating start. */
function floatingRule(rule: string, zone: string): string {
  return rule.replace(/UNTIL=([0-9TZ]+)/i, (_, value: string) => {
    const v = value.toUpperCase();
    if (/^\d{8}$/.test(v)) return `UNTIL=${v}T235959`;
    if (v.endsWith('Z')) {
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v)!;
      return `UNTIL=${stamp(intlWall(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!), zone))}`;
    }
    return `UNTIL=${v}`;
  });
}

/**
 * The series' occurrence starts (epoch ms) that begin before `until`, by ical.js, with the
 * days named by exception dates left out. All-day series are expanded in UTC.
 */
export function expandIndependently(event: SeriesInput, until: Date): number[] {
  const zone = event.allDay ? 'UTC' : event.timezone;
  const start = new Date(event.startsAt).getTime();
  const rule = event.recurrence?.trim().replace(/^RRULE:/i, '');
  if (!rule) return [start];
  const first = intlWall(start, zone);
  const dtstart = ICAL.Time.fromData({ ...first, isDate: false });
  // COUNT is applied here, as the first n instances: ical.js also counts months a BYMONTH filters out.
  const count = Number(/(?:^|;)COUNT=(\d+)/i.exec(rule)?.[1] ?? Infinity);
  const uncounted = rule.replace(/(^|;)COUNT=\d+/i, '').replace(/^;/, '');
  const iterator = ICAL.Recur.fromString(floatingRule(uncounted, zone)).iterator(dtstart);
  // ical.js yields the dates of one period out of order for some BYDAY lists: collect a
  // year past `until` (more than any period), then sort.
  const horizon = stamp(intlWall(until.getTime() + 400 * 86_400_000, zone));
  const walls = new Map<string, Wall>();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const wall: Wall = { year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute, second: next.second };
    if (stamp(wall) > horizon) break;
    if (walls.size > 20_000) throw new Error(`ical.js does not reach ${horizon} on ${rule}`);
    walls.set(stamp(wall), wall);
  }
  const skipped = new Set((event.exceptionDates ?? []).map((d) => stamp(intlWall(new Date(d).getTime(), zone)).slice(0, 8)));
  const out: number[] = [];
  let produced = 0;
  for (const key of [...walls.keys()].sort()) {
    // RFC 5545 §3.3.10: an occurrence at a local time that does not exist is ignored and not counted.
    const [instant] = intlInstants(walls.get(key)!, zone);
    if (instant === undefined) continue;
    if (instant >= until.getTime() || produced >= count) break;
    produced += 1;
    if (!skipped.has(key.slice(0, 8))) out.push(instant);
  }
  return out;
}

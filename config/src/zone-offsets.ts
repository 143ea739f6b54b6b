import { offsetAt, type WallTime } from './zoned-time';

const DAY = 86_400_000;

/** A change of a zone's offset from UTC. */
export interface ZoneTransition {
  at: number;
  from: number;
  to: number;
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

const years = new Map<string, { start: number; transitions: ZoneTransition[] }>();

function yearTable(timeZone: string, year: number) {
  const key = `${timeZone} ${year}`;
  let table = years.get(key);
  if (!table) {
    const transitions: ZoneTransition[] = [];
    let cursor = Date.UTC(year, 0, 1);
    let offset = offsetAt(cursor, timeZone);
    const start = offset;
    const end = Date.UTC(year + 1, 0, 1);
    // Zones change their offset at most once a day, so a daily reading finds every change.
    while (cursor < end) {
      const next = Math.min(cursor + DAY, end);
      const nextOffset = offsetAt(next, timeZone);
      if (nextOffset !== offset) transitions.push({ at: transitionBetween(cursor, next, timeZone), from: offset, to: nextOffset });
      cursor = next;
      offset = nextOffset;
    }
    table = { start, transitions };
    years.set(key, table);
  }
  return table;
}

/** Every change of `timeZone`'s offset in the UTC year `year`, in order; remembered once read. */
export function zoneTransitions(timeZone: string, year: number): readonly ZoneTransition[] {
  return yearTable(timeZone, year).transitions;
}

/**
 * What `offsetAt` gives, read from the zone's remembered changes of that year: for code
 * that converts thousands of instants, where asking Intl for each one is the slow part.
 */
export function tabledOffsetAt(instant: number, timeZone: string): number {
  const table = yearTable(timeZone, new Date(instant).getUTCFullYear());
  let offset = table.start;
  for (const transition of table.transitions) {
    if (transition.at > instant) break;
    offset = transition.to;
  }
  return offset;
}

/** `wallTime` through `tabledOffsetAt`. */
export function tabledWallTime(instant: Date, timeZone: string): WallTime {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + tabledOffsetAt(instant.getTime(), timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

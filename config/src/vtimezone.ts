import { zoneTransitions } from './zone-offsets';
import { offsetAt } from './zoned-time';

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `+0130` for 90 minutes ahead of UTC. */
function utcOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** `20260329T020000` from a Date whose UTC fields hold a wall-clock time. */
function stamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

interface Transition {
  /** The instant of the change. */
  at: number;
  from: number;
  to: number;
  kind: 'DAYLIGHT' | 'STANDARD';
  /** The local time of the change, read with the offset before it (how RFC 5545 states DTSTART). */
  local: Date;
  /** The yearly rule that finds this change's day: `BYMONTH=3;BYDAY=-1SU`. */
  rule: string;
}

function transitionsIn(year: number, timeZone: string): Transition[] {
  return zoneTransitions(timeZone, year).map(({ at, from, to }) => {
    const local = new Date(at + from);
    const day = local.getUTCDate();
    const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    const nth = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
    return {
      at,
      from,
      to,
      kind: to > from ? 'DAYLIGHT' : 'STANDARD',
      local,
      rule: `BYMONTH=${local.getUTCMonth() + 1};BYDAY=${nth}${WEEKDAYS[local.getUTCDay()]}`,
    };
  });
}

/** What must match for two years to share one set of yearly rules. */
function signature(year: number, transitions: Transition[], timeZone: string): string {
  if (!transitions.length) return `fixed ${offsetAt(Date.UTC(year, 0, 1), timeZone)}`;
  return transitions.map((t) => `${t.kind} ${t.rule} ${stamp(t.local).slice(9)} ${t.from} ${t.to}`).join('|');
}

const cache = new Map<string, string[]>();

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, as content lines, exact for
 * the years `from`–`to` and carried on by yearly rules after them. Years that change their
 * offsets the same way share one rule per change ("last Sunday of March"); when a zone's
 * rules change, the older rules end with UNTIL. Built from the runtime's zone data alone,
 * so the same input gives the same lines on any server.
 */
export function vtimezone(timeZone: string, years: { from: number; to: number }): string[] {
  const key = `${timeZone} ${years.from} ${years.to}`;
  const known = cache.get(key);
  if (known) return known;

  // From the year before the first one used, so that its first months have an observance in force.
  const first = years.from - 1;
  const spans: { from: number; to: number; transitions: Transition[]; last: Transition[] }[] = [];
  let previous = '';
  for (let year = first; year <= Math.max(years.to, years.from); year++) {
    const transitions = transitionsIn(year, timeZone);
    const current = signature(year, transitions, timeZone);
    const span = spans[spans.length - 1];
    if (span && current === previous) {
      span.to = year;
      span.last = transitions;
    } else {
      spans.push({ from: year, to: year, transitions, last: transitions });
    }
    previous = current;
  }

  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  spans.forEach((span, index) => {
    const final = index === spans.length - 1;
    if (!span.transitions.length) {
      const offset = offsetAt(Date.UTC(span.from, 0, 1), timeZone);
      const before = index === 0 ? offset : offsetAt(Date.UTC(span.from, 0, 1) - DAY, timeZone);
      const start = index === 0 ? '19700101T000000' : `${span.from}0101T000000`;
      lines.push('BEGIN:STANDARD', `DTSTART:${start}`, `TZOFFSETFROM:${utcOffset(before)}`, `TZOFFSETTO:${utcOffset(offset)}`, 'END:STANDARD');
      return;
    }
    span.transitions.forEach((transition, i) => {
      lines.push(`BEGIN:${transition.kind}`, `DTSTART:${stamp(transition.local)}`);
      if (final) lines.push(`RRULE:FREQ=YEARLY;${transition.rule}`);
      else if (span.to > span.from) {
        const until = span.last[i]?.at ?? transition.at;
        lines.push(`RRULE:FREQ=YEARLY;${transition.rule};UNTIL=${stamp(new Date(until))}Z`);
      }
      lines.push(`TZOFFSETFROM:${utcOffset(transition.from)}`, `TZOFFSETTO:${utcOffset(transition.to)}`, `END:${transition.kind}`);
    });
  });
  lines.push('END:VTIMEZONE');
  cache.set(key, lines);
  return lines;
}

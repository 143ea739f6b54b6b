import { zoneTransitions } from './zone-offsets';
import { offsetAt } from './zoned-time';


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

const cache = new Map<string, string[]>();

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, as content lines: every change
 * of its offset in the years `from`–`to` (and the year before, so the first months have an
 * observance in force), read from the tz database through `Intl` and written as onsets
 * with RDATE, one observance per kind of change. No yearly rule is guessed: zones whose
 * changes follow no rule (Casablanca's around Ramadan) are as exact as the others. After
 * `to`, readers keep the last offset. The same input gives the same lines on any server.
 */
export function vtimezone(timeZone: string, years: { from: number; to: number }): string[] {
  const key = `${timeZone} ${years.from} ${years.to}`;
  const known = cache.get(key);
  if (known) return known;

  const first = years.from - 1;
  const last = Math.max(years.to, years.from);
  const initial = offsetAt(Date.UTC(first, 0, 1), timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  // The offset in force when the component starts; it is also all a zone without changes needs.
  lines.push('BEGIN:STANDARD', `DTSTART:${first === 1970 ? '19700101T000000' : `${first}0101T000000`}`, `TZOFFSETFROM:${utcOffset(initial)}`, `TZOFFSETTO:${utcOffset(initial)}`, 'END:STANDARD');

  const observances = new Map<string, { kind: 'DAYLIGHT' | 'STANDARD'; from: number; to: number; onsets: string[] }>();
  for (let year = first; year <= last; year++) {
    for (const { at, from, to } of zoneTransitions(timeZone, year)) {
      const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
      const group = `${kind} ${from} ${to}`;
      let observance = observances.get(group);
      if (!observance) {
        observance = { kind, from, to, onsets: [] };
        observances.set(group, observance);
      }
      // Onsets are local times read with the offset before the change (§3.6.5).
      observance.onsets.push(stamp(new Date(at + from)));
    }
  }
  for (const { kind, from, to, onsets } of observances.values()) {
    const [start, ...more] = onsets;
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`);
    // One RDATE per onset: readers such as ical.js take only the first value of a list.
    for (const onset of more) lines.push(`RDATE:${onset}`);
    lines.push(`TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  cache.set(key, lines);
  return lines;
}

import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCalendarEntry } from './calendar-entries';
import { SAMPLE_CONTEXT, SAMPLE_EVENTS } from './golden/sample';
import { renderCalendar } from './ical-calendar';
import { intlInstants } from './testing/independent-expander';

const NAMED = ['Asia/Jerusalem', 'Africa/Casablanca', 'America/Santiago', 'Australia/Lord_Howe', 'Europe/Dublin', 'Pacific/Chatham'];
/** Past midnight (Santiago changes at 24:00), the small hours most zones change in, and noon. */
const TIMES = [
  { hour: 0, minute: 30 },
  { hour: 2, minute: 30 },
  { hour: 12, minute: 0 },
];
const YEAR = new Date().getUTCFullYear();
const YEARS = 5;

async function demoZones(): Promise<string[]> {
  // Read at run time: the seed belongs to the CMS, outside this package's sources.
  const seed = (await import(path.resolve(__dirname, '../../../../../cms/src/seed/data/index.ts'))) as { events: { timezone: string }[] };
  return [...new Set(seed.events.map((e) => e.timezone))];
}

/** A daily series at `time` over the next five years in `zone`, as our calendar writes it, read back by ical.js. */
function startsThroughIcs(zone: string, time: { hour: number; minute: number }): Map<string, number> {
  const [first] = intlInstants({ year: YEAR, month: 1, day: 2, ...time, second: 0 }, zone);
  const until = `${YEAR + YEARS}1231`;
  const row = { ...SAMPLE_EVENTS[0]!, startsAt: new Date(first!).toISOString(), endsAt: new Date(first! + 3_600_000).toISOString(), timezone: zone, recurrence: `FREQ=DAILY;UNTIL=${until}`, exceptionDates: [] };
  const ics = renderCalendar({ name: zone, entries: [toCalendarEntry(row, SAMPLE_CONTEXT)] });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const starts = new Map<string, number>();
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    starts.set(`${next.year}-${next.month}-${next.day}`, next.toUnixTime() * 1000);
  }
  ICAL.TimezoneService.reset();
  return starts;
}

describe('VTIMEZONE components', () => {
  it('give every demo zone and the irregular ones the tz database’s instants for five years, as ical.js reads them', async () => {
    const zones = [...new Set([...(await demoZones()), ...NAMED])].filter((zone) => zone !== 'UTC');
    expect(zones.length).toBeGreaterThan(40);
    let compared = 0;
    for (const zone of zones) {
      for (const time of TIMES) {
        const read = startsThroughIcs(zone, time);
        for (let day = new Date(Date.UTC(YEAR, 0, 2)); day.getUTCFullYear() < YEAR + YEARS; day = new Date(day.getTime() + 86_400_000)) {
          const wall = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), ...time, second: 0 };
          const instants = intlInstants(wall, zone);
          // A time the zone skips or repeats that day has no single instant to compare.
          if (instants.length !== 1) continue;
          expect(read.get(`${wall.year}-${wall.month}-${wall.day}`), `${zone} ${JSON.stringify(wall)}`).toBe(instants[0]);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(zones.length * TIMES.length * 1800);
  }, 600_000);
});

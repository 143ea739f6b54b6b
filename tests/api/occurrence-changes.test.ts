import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, api, editor } from './client';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A weekly evening in Tokyo (UTC+9 all year, so every date here is worked out by adding
 * hours): Mondays at 19:00, that is 10:00 UTC, six times from a Monday two weeks ahead.
 */
const today = Math.floor(Date.now() / DAY) * DAY;
const firstMonday = (() => {
  let day = today + 14 * DAY;
  while (new Date(day).getUTCDay() !== 1) day += DAY;
  return day + 10 * HOUR;
})();
const week = (n: number) => firstMonday + n * 7 * DAY;
// The second evening moves to the Wednesday at 19:30; the third is called off.
const moved = week(1) + 2 * DAY + 30 * 60_000;

const series = {
  title: 'Tokyo evening with changes',
  slug: 'tokyo-evening-with-changes',
  startsAt: iso(week(0)),
  endsAt: iso(week(0) + 2 * HOUR),
  timezone: 'Asia/Tokyo',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
  format: 'in-person',
  type: 'meetup',
  state: 'scheduled',
  changes: [
    { originalStart: iso(week(1)), startsAt: iso(moved), endsAt: iso(moved + 2 * HOUR) },
    { originalStart: iso(week(2)), cancelled: true },
  ],
};

let documentId = '';

interface Row {
  documentId: string;
  start: string;
  end: string;
  localStart: string;
  cancelled: boolean;
  moved: boolean;
  originalStart: string | null;
  recurrence: string | null;
}

const rows = async (query: string): Promise<Row[]> => {
  const response = await api.get(`/api/community/occurrences?${query}&pagination[pageSize]=100`);
  expect(response.status, response.text).toBe(200);
  return (response.body.data as Row[]).filter((row) => row.documentId === documentId);
};

beforeAll(async () => {
  const created = await editor.create('api::event.event', series);
  expect(created.status, created.text).toBe(201);
  documentId = created.body.data.documentId;
  expect((await editor.publish('api::event.event', documentId)).status).toBe(200);
});

// The other suites count the demo's events.
afterAll(async () => {
  if (documentId) expect((await admin.send('DELETE', `/content-manager/collection-types/api::event.event/${documentId}?locale=en`)).status).toBe(200);
});

describe('a series with one occurrence moved and one cancelled', () => {
  it('lists the moved one at its new time, marked, and the cancelled one in its place, marked', async () => {
    const listed = await rows(`from=${iso(week(0) - DAY)}&to=${iso(week(6))}`);
    expect(listed.map((row) => [row.start, row.end, row.moved, row.cancelled, row.originalStart])).toEqual([
      [iso(week(0)), iso(week(0) + 2 * HOUR), false, false, null],
      [iso(moved), iso(moved + 2 * HOUR), true, false, iso(week(1))],
      [iso(week(2)), iso(week(2) + 2 * HOUR), false, true, iso(week(2))],
      [iso(week(3)), iso(week(3) + 2 * HOUR), false, false, null],
      [iso(week(4)), iso(week(4) + 2 * HOUR), false, false, null],
      [iso(week(5)), iso(week(5) + 2 * HOUR), false, false, null],
    ]);
    expect(listed[1]!.localStart).toBe(new Date(moved + 9 * HOUR).toISOString().slice(0, 19));
    expect(listed[0]!.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=6');
  });

  it('passes over the cancelled evening when it gives the next one, in the occurrences and in the content API', async () => {
    // Just after the moved evening ended, the next evening that takes place is the fourth.
    const [next] = await rows(`from=${iso(moved + 3 * HOUR)}&distinct=event`);
    expect(next).toMatchObject({ start: iso(week(3)), cancelled: false });
    const event = await api.get(`/api/events?filters[slug][$eq]=${series.slug}`);
    expect(event.body.data[0].nextOccurrence).toEqual({ start: iso(week(0)), end: iso(week(0) + 2 * HOUR) });
  });

  it('writes the changes into its iCalendar file as RECURRENCE-ID components, which ical.js reads back', async () => {
    const response = await api.get(`/api/community/events/${documentId}/calendar.ics`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const [master, ...overrides] = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(overrides).toHaveLength(2);
    for (const override of overrides) master!.relateException(override);
    const starts: [string, string][] = [];
    const iterator = master!.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master!.getOccurrenceDetails(next);
      starts.push([iso(details.startDate.toUnixTime() * 1000), String(details.item.component.getFirstPropertyValue('status'))]);
    }
    ICAL.TimezoneService.reset();
    expect(starts).toEqual([
      [iso(week(0)), 'CONFIRMED'],
      [iso(moved), 'CONFIRMED'],
      [iso(week(2)), 'CANCELLED'],
      [iso(week(3)), 'CONFIRMED'],
      [iso(week(4)), 'CONFIRMED'],
      [iso(week(5)), 'CONFIRMED'],
    ]);
  });

  it('refuses a change that names no occurrence of the rule, and keeps what was stored', async () => {
    const response = await editor.update('api::event.event', documentId, {
      changes: [...series.changes, { originalStart: iso(week(3) + DAY), cancelled: true }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('changes[2].originalStart');
    expect(response.body.error.message).toContain('a day on which the series has no occurrence');
    const listed = await rows(`from=${iso(week(0) - DAY)}&to=${iso(week(6))}`);
    expect(listed.filter((row) => row.cancelled).map((row) => row.start)).toEqual([iso(week(2))]);
  });
});

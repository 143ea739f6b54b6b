import { describe, expect, it } from 'vitest';
import { expandIndependently, intlWall } from '../../plugins/community/server/src/calendar/testing/independent-expander';
import { api } from './client';

interface ApiEvent {
  documentId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  allDay: boolean | null;
  recurrence: string | null;
  exceptionDates: unknown;
  format: string;
}

interface Row {
  documentId: string;
  start: string;
  end: string;
  localStart: string;
  timezone: string;
  cancelled: boolean;
}

const DAY = 86_400_000;
const FROM = new Date(Math.floor(Date.now() / DAY) * DAY);
const TO = new Date(FROM.getTime() + 120 * DAY);
const WINDOW = `from=${FROM.toISOString()}&to=${TO.toISOString()}`;

async function apiEvents(filters = ''): Promise<ApiEvent[]> {
  const all: ApiEvent[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.get(`/api/events?pagination[pageSize]=100&pagination[page]=${page}${filters}`);
    expect(response.status, response.text).toBe(200);
    all.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return all;
  }
}

/** The occurrences of the API's events in the window, by an expander that shares no code with the CMS's. */
function expected(events: ApiEvent[]): string[] {
  return events.flatMap((event) => {
    const duration = Date.parse(event.endsAt) - Date.parse(event.startsAt);
    const exceptionDates = Array.isArray(event.exceptionDates) ? (event.exceptionDates as string[]) : [];
    return expandIndependently({ ...event, exceptionDates }, TO)
      .filter((start) => start + duration > FROM.getTime() || start >= FROM.getTime())
      .map((start) => `${event.documentId} ${new Date(start).toISOString()}`);
  });
}

async function allRows(query: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.get(`/api/community/occurrences?${query}&pagination[pageSize]=100&pagination[page]=${page}`);
    expect(response.status, response.text).toBe(200);
    rows.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return rows;
  }
}

describe('GET /api/community/occurrences', () => {
  it('gives every occurrence in the window, series expanded, sorted, as an independent expander does', async () => {
    const rows = await allRows(WINDOW);
    expect(rows.map((r) => `${r.documentId} ${r.start}`).sort()).toEqual(expected(await apiEvents()).sort());
    const starts = rows.map((r) => r.start);
    expect(starts).toEqual([...starts].sort());
    // Series still running count: more occurrences than events.
    expect(new Set(rows.map((r) => r.documentId)).size).toBeLessThan(rows.length);
    for (const row of rows.slice(0, 50)) {
      const wall = intlWall(Date.parse(row.start), row.timezone);
      const stamp = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}T${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
      expect(row.localStart.slice(0, 16), row.documentId).toBe(stamp);
    }
    expect(rows.some((r) => r.cancelled)).toBe(true);
  });

  it('gives each title in the locale the content API serves it in', async () => {
    const rows = (await api.get(`/api/community/occurrences?${WINDOW}&locale=fr&pagination[pageSize]=10`)).body.data as (Row & { title: string; locale: string })[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const served = (await api.get(`/api/events?locale=fr&filters[documentId][$eq]=${row.documentId}`)).body.data[0];
      expect({ title: row.title, locale: row.locale }).toEqual({ title: served.title, locale: served.locale });
    }
  });

  it('takes the community calendar’s filters', async () => {
    const rows = await allRows(`${WINDOW}&format=online`);
    expect(rows.map((r) => `${r.documentId} ${r.start}`).sort()).toEqual(expected(await apiEvents('&filters[format][$eq]=online')).sort());
    expect((await api.get(`/api/community/occurrences?${WINDOW}&region=atlantis`)).status).toBe(400);
  });

  it('narrows to one group by its slug, and names an unknown group', async () => {
    const events = await apiEvents('&populate[group][fields][0]=slug');
    const series = events.find((event) => event.recurrence && (event as ApiEvent & { group?: { slug: string } }).group);
    expect(series).toBeTruthy();
    const slug = (series as ApiEvent & { group: { slug: string } }).group.slug;
    const rows = await allRows(`${WINDOW}&group=${slug}`);
    const own = events.filter((event) => (event as ApiEvent & { group?: { slug: string } | null }).group?.slug === slug);
    expect(rows.map((r) => `${r.documentId} ${r.start}`).sort()).toEqual(expected(own).sort());
    const unknown = await api.get(`/api/community/occurrences?${WINDOW}&group=no-such-group`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"group"');
  });

  it('pages in the CMS, with a capped page size', async () => {
    const first = await api.get(`/api/community/occurrences?${WINDOW}&pagination[pageSize]=5`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(5);
    expect(first.body.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });
    const second = await api.get(`/api/community/occurrences?${WINDOW}&pagination[pageSize]=5&pagination[page]=2`);
    expect(second.body.data[0].start >= first.body.data[4].start).toBe(true);
    const tooBig = await api.get(`/api/community/occurrences?${WINDOW}&pagination[pageSize]=101`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toContain('pagination[pageSize]');
  });

  it.each([
    ['', '"from"'],
    [`from=${FROM.toISOString()}&to=tomorrow`, '"to"'],
    [`from=${TO.toISOString()}&to=${FROM.toISOString()}`, '"to" must be after "from"'],
    [`from=2027-01-01&to=2029-01-01`, 'at most 400 days'],
    [`${WINDOW}&colour=red`, 'colour'],
  ])('says what is wrong with %s', async (query, message) => {
    const response = await api.get(`/api/community/occurrences?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('answers a client whose copy is current with 304', async () => {
    const first = await api.get(`/api/community/occurrences?${WINDOW}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.get(`/api/community/occurrences?${WINDOW}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

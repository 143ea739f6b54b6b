import { describe, expect, it } from 'vitest';
import { intlWall } from '../../plugins/community/server/src/calendar/testing/independent-expander';
import { api } from './client';
import { apiEvents, independentStarts as starts, lastStart, nextStart, type ApiEvent } from './independent-occurrences';

interface Row {
  documentId: string;
  title: string;
  language: string | null;
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

/** The occurrences of the API's events in the window, by the independent expander. */
function expected(events: ApiEvent[]): string[] {
  return events.flatMap((event) => {
    const duration = Date.parse(event.endsAt) - Date.parse(event.startsAt);
    return starts(event, TO)
      .filter((start) => (start + duration > FROM.getTime() || start >= FROM.getTime()) && start < TO.getTime())
      .map((start) => `${event.documentId} ${new Date(start).toISOString()}`);
  });
}

/** Each event's next occurrence not ended at `now` by the independent expander, as `start` ISO strings. */
function expectedNext(events: ApiEvent[], now: Date): Map<string, string> {
  const next = new Map<string, string>();
  for (const event of events) {
    const start = nextStart(event, now);
    if (start !== null) next.set(event.documentId, new Date(start).toISOString());
  }
  return next;
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
    ['distinct=event', 'give "from", "to" or both'],
    [`${WINDOW}&distinct=events`, '"distinct"'],
    [`${WINDOW}&sort=title:asc`, '"sort"'],
    [`${WINDOW}&q=${'x'.repeat(101)}`, '"q"'],
  ])('says what is wrong with %s', async (query, message) => {
    const response = await api.get(`/api/community/occurrences?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('gives each event once, at its next occurrence, with distinct=event and no end to the window', async () => {
    const events = await apiEvents();
    const rows = await allRows(`from=${FROM.toISOString()}&distinct=event`);
    expect(new Map(rows.map((r) => [r.documentId, r.start]))).toEqual(expectedNext(events, FROM));
    expect(rows.map((r) => r.start)).toEqual(rows.map((r) => r.start).sort());
    // A series whose next date is more than 400 days off is there too: nothing is cut at a window.
    expect(rows.length).toBe(new Set(rows.map((r) => r.documentId)).size);
  });

  it('gives each event once, at its last occurrence before `to`, latest first, with distinct=event and sort=start:desc', async () => {
    const events = await apiEvents();
    const last = new Map<string, string>();
    for (const event of events) {
      const start = lastStart(event, FROM);
      if (start !== null) last.set(event.documentId, new Date(start).toISOString());
    }
    const rows = await allRows(`to=${FROM.toISOString()}&distinct=event&sort=start:desc`);
    expect(new Map(rows.map((r) => [r.documentId, r.start]))).toEqual(last);
    expect(rows.map((r) => r.start)).toEqual(rows.map((r) => r.start).sort().reverse());
  });

  it('gives each event its nextOccurrence in the content API, as the independent expander does', async () => {
    const before = new Date();
    const events = await apiEvents();
    const after = new Date();
    const [early, late] = [expectedNext(events, before), expectedNext(events, after)];
    for (const event of events) {
      // The CMS worked at some instant between the two readings of the clock.
      const candidates = [early.get(event.documentId) ?? null, late.get(event.documentId) ?? null];
      expect(candidates, event.documentId).toContain(event.nextOccurrence?.start ?? null);
    }
    expect(events.some((event) => event.recurrence && event.nextOccurrence && event.nextOccurrence.start > event.startsAt)).toBe(true);
    // Asked for with a narrow field list, too.
    const one = await api.get(`/api/events?fields[0]=title&pagination[pageSize]=1&filters[documentId][$eq]=${events[0]!.documentId}`);
    expect(one.body.data[0].nextOccurrence).toEqual(events[0]!.nextOccurrence);
  });

  it('finds events by words of their title, description or group, and offers the languages the rows have', async () => {
    const events = (await apiEvents('&populate[group][fields][0]=name')) as (ApiEvent & { description: string | null; language: string | null; group: { name: string } | null })[];
    const word = 'meetup';
    const matching = events.filter((event) => [event.title, event.description, event.group?.name].some((text) => text?.toLowerCase().includes(word)));
    const next = expectedNext(matching, FROM);
    expect(next.size).toBeGreaterThan(0);
    const response = await api.get(`/api/community/occurrences?from=${FROM.toISOString()}&distinct=event&q=MeetUp&pagination[pageSize]=100`);
    expect(new Map((response.body.data as Row[]).map((r) => [r.documentId, r.start]))).toEqual(next);
    const all = await allRows(`from=${FROM.toISOString()}&distinct=event`);
    const languages = [...new Set(all.flatMap((r) => (r.language ? [r.language] : [])))].sort();
    const withLanguage = await api.get(`/api/community/occurrences?from=${FROM.toISOString()}&distinct=event&language=${languages[0]}`);
    // The language filter narrows the rows, never the choices offered.
    expect(withLanguage.body.meta.languages).toEqual(languages);
    expect((withLanguage.body.data as Row[]).every((r) => r.language === languages[0] || r.language?.startsWith(`${languages[0]}-`))).toBe(true);
  });

  it('gives a group its events at their next and last occurrences when asked (populate=upcomingEvents,pastEvents), as the independent expander places them', async () => {
    const slug = 'paris-user-group';
    const now = new Date();
    const response = await api.get(`/api/groups?filters[slug][$eq]=${slug}&populate=upcomingEvents,pastEvents,region&locale=fr`);
    expect(response.status, response.text).toBe(200);
    const [group] = response.body.data as { upcomingEvents: Row[]; pastEvents: Row[]; region: unknown }[];
    const events = await apiEvents(`&filters[group][slug][$eq]=${slug}`);
    const byId = (a: ApiEvent, b: ApiEvent) => (a.documentId < b.documentId ? -1 : 1);
    const next = events.filter((e) => nextStart(e, now) !== null).sort((a, b) => nextStart(a, now)! - nextStart(b, now)! || byId(a, b));
    const last = events.filter((e) => lastStart(e, now) !== null).sort((a, b) => lastStart(b, now)! - lastStart(a, now)! || byId(b, a));
    expect(group!.upcomingEvents.map((r) => `${r.documentId} ${r.start}`)).toEqual(next.slice(0, 10).map((e) => `${e.documentId} ${new Date(nextStart(e, now)!).toISOString()}`));
    expect(group!.pastEvents.map((r) => `${r.documentId} ${r.start}`)).toEqual(last.slice(0, 10).map((e) => `${e.documentId} ${new Date(lastStart(e, now)!).toISOString()}`));
    expect(group!.region).toBeTruthy();
    // Their cost grows with the group's events: `populate=*` does not include them, and they take no options.
    const star = await api.get(`/api/groups?filters[slug][$eq]=${slug}&populate=*`);
    expect(star.body.data[0]).not.toHaveProperty('upcomingEvents');
    expect((await api.get('/api/groups?populate[upcomingEvents][fields][0]=title')).status).toBe(400);
  });

  it('answers a client whose copy is current with 304', async () => {
    const first = await api.get(`/api/community/occurrences?${WINDOW}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.get(`/api/community/occurrences?${WINDOW}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

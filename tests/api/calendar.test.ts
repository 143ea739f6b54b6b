import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, api, editor } from './client';

const EVENT = 'api::event.event';
const GROUP = 'api::group.group';
const DAY = 86_400_000;
const WG = 'documentation-working-group';

interface CalendarEvent {
  uid: string;
  start: number;
  summary: string;
  sequence: number;
  stamp: string;
  url: string;
}

async function calendar(path: string, headers: Record<string, string> = {}) {
  const response = await api.get(path, { headers });
  expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBe(200);
  return response;
}

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

/**
 * What RFC 5545 asks of the text itself: CRLF line ends only, no line over 75 octets,
 * a UTC DTSTAMP and one UID per event, a VTIMEZONE for every zone named.
 */
function checkStructure(ics: string) {
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  const text = unfold(ics);
  const events = text.split('\r\nBEGIN:VEVENT').slice(1);
  for (const event of events) {
    expect(event.match(/\r\nUID:/g), event).toHaveLength(1);
    expect(event).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  }
  const named = new Set([...text.matchAll(/;TZID=([^:;\r]+)/g)].map((m) => m[1]));
  const defined = new Set([...text.matchAll(/\r\nTZID:([^\r]+)/g)].map((m) => m[1]));
  for (const zone of named) expect(defined.has(zone), `VTIMEZONE for ${zone}`).toBe(true);
}

/**
 * The events as two independent parsers read them; both must read the same events at the
 * same instants, and the same occurrences changed one by one (RECURRENCE-ID components, which
 * node-ical files under their series).
 */
function parseBoth(ics: string): CalendarEvent[] {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = component.getAllSubcomponents('vevent');
  const overrides = vevents.filter((vevent) => vevent.hasProperty('recurrence-id'));
  const byIcalJs = vevents.filter((vevent) => !vevent.hasProperty('recurrence-id')).map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.isDate ? Date.UTC(event.startDate.year, event.startDate.month - 1, event.startDate.day) : event.startDate.toJSDate().getTime(),
      summary: event.summary,
      sequence: event.sequence,
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
  const byNodeIcal = Object.values(nodeIcal.sync.parseICS(ics)).filter((item): item is nodeIcal.VEvent => item?.type === 'VEVENT');
  expect(byNodeIcal.map((e) => e.uid).sort()).toEqual(byIcalJs.map((e) => e.uid).sort());
  const starts = new Map(byIcalJs.map((e) => [e.uid, e.start]));
  for (const event of byNodeIcal) {
    const start = event.datetype === 'date' ? Date.UTC(event.start.getFullYear(), event.start.getMonth(), event.start.getDate()) : event.start.getTime();
    expect(start, event.uid).toBe(starts.get(event.uid));
    expect(typeof event.summary === 'string' ? event.summary : event.summary.val).toBe(byIcalJs.find((e) => e.uid === event.uid)!.summary);
  }
  const changedByNodeIcal = byNodeIcal.flatMap((event) => Object.values(event.recurrences ?? {}).map((change) => `${event.uid} ${(change as nodeIcal.VEvent).start.getTime()}`));
  const changedByIcalJs = overrides.map((vevent) => {
    const event = new ICAL.Event(vevent);
    return `${event.uid} ${event.startDate.toJSDate().getTime()}`;
  });
  // node-ical files each change under two keys (its date and its date-time).
  expect([...new Set(changedByNodeIcal)].sort()).toEqual(changedByIcalJs.sort());
  return byIcalJs;
}

interface ApiEvent {
  documentId: string;
  title: string;
  slug: string;
  endsAt: string;
  recurrence: string | null;
  format: string;
  language: string | null;
  locale: string;
  group: { slug: string; kind: string; region: { slug: string } | null } | null;
}

async function apiEvents(query = '', locale = 'en'): Promise<ApiEvent[]> {
  const all: ApiEvent[] = [];
  for (let page = 1; ; page++) {
    const response = await api.get(
      `/api/events?locale=${locale}&fields[0]=title&fields[1]=slug&fields[2]=endsAt&fields[3]=recurrence&fields[4]=format&fields[5]=language` +
        `&populate[group][fields][0]=slug&populate[group][fields][1]=kind&populate[group][populate][region][fields][0]=slug` +
        `&pagination[page]=${page}&pagination[pageSize]=100${query}`,
    );
    expect(response.status, response.text).toBe(200);
    all.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return all;
  }
}

/** The calendars show every series that has not ended and every event that ended less than about six months ago. */
function shown(event: ApiEvent, now = Date.now()): boolean {
  const windowStart = Math.floor(now / DAY) * DAY - 183 * DAY;
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(event.recurrence ?? '');
  if (event.recurrence) return !until || Date.UTC(+until[1]!, +until[2]! - 1, +until[3]! + 1) >= windowStart;
  return Date.parse(event.endsAt) >= windowStart;
}

let host = '';
const uidOf = (documentId: string) => `${documentId}@${host}`;

beforeAll(async () => {
  const ics = (await calendar('/api/community/calendar.ics')).text;
  host = /\r\nUID:[^@\r]+@([^\r]+)/.exec(ics)![1]!;
});

describe('the community calendar', () => {
  it('holds every published event of the window, readable by two parsers, well formed', async () => {
    const response = await calendar('/api/community/calendar.ics');
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    checkStructure(response.text);
    const events = parseBoth(response.text);
    const expected = (await apiEvents()).filter((event) => shown(event));
    expect(expected.length).toBeGreaterThan(20);
    expect(events.map((e) => e.uid).sort()).toEqual(expected.map((e) => uidOf(e.documentId)).sort());
    // An event that ended long ago is left out; UIDs are `<documentId>@<host>`, one per event.
    expect((await apiEvents()).some((event) => !shown(event))).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const text = unfold(response.text);
    expect(text).toContain('\r\nX-WR-CALNAME:Chapterhouse events\r\n');
    expect(text).toContain('\r\nPRODID:-//Chapterhouse//Community calendar//EN\r\n');
    expect(text).toMatch(/\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270630T000000Z\r\n/);
    for (const event of events) expect(event.url).toMatch(new RegExp(`^https?://${host.replace(/\./g, '\\.')}(:\\d+)?/en/events/[\\w-]+$`));
  });

  it('narrows to the filters: region, language, kind of group and format', async () => {
    const all = (await apiEvents()).filter((event) => shown(event));
    const cases: [string, (event: ApiEvent) => boolean][] = [
      ['kind=working-group', (e) => e.group?.kind === 'working-group'],
      ['format=online', (e) => e.format === 'online'],
      ['region=europe', (e) => e.group?.region?.slug === 'europe'],
      ['language=pt', (e) => /^pt(-|$)/i.test(e.language ?? '')],
      ['region=europe&format=in-person&kind=user-group', (e) => e.group?.region?.slug === 'europe' && e.format === 'in-person' && e.group?.kind === 'user-group'],
    ];
    for (const [query, keep] of cases) {
      const response = await calendar(`/api/community/calendar.ics?${query}`);
      checkStructure(response.text);
      const expected = all.filter(keep).map((e) => uidOf(e.documentId)).sort();
      expect(expected.length, query).toBeGreaterThan(0);
      expect(parseBoth(response.text).map((e) => e.uid).sort(), query).toEqual(expected);
    }
  });

  it('refuses unknown filter values and parameters with a message', async () => {
    const cases: [string, RegExp][] = [
      ['kind=club', /"kind" must be one of user-group, working-group, special-interest-group/],
      ['format=phone', /"format" must be one of in-person, online, hybrid/],
      ['region=atlantis', /no published region has the slug "atlantis"/],
      ['language=not%20a%20language', /"language" must be a language tag/],
      ['locale=x%20y', /locale must be a single language tag/],
      ['sort=title', /Unknown query parameter\(s\): sort/],
    ];
    for (const [query, message] of cases) {
      const response = await api.get(`/api/community/calendar.ics?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(message);
    }
  });

  it('is the same bytes whatever the server’s time zone', async () => {
    // Each URL is computed afresh (the cache is keyed on the URL), in the CMS running in this process.
    const before = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = (await calendar('/api/community/calendar.ics?locale=en')).text;
      process.env.TZ = 'Pacific/Auckland';
      const auckland = (await calendar('/api/community/calendar.ics?locale=en-NZ')).text;
      process.env.TZ = 'America/Los_Angeles';
      const losAngeles = (await calendar('/api/community/calendar.ics?locale=EN')).text;
      expect(auckland).toBe(utc);
      expect(losAngeles).toBe(utc);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('a group’s calendar', () => {
  it('holds the group’s events, working groups included, named after the group', async () => {
    const response = await calendar(`/api/community/groups/${WG}/calendar.ics`);
    checkStructure(response.text);
    const expected = (await apiEvents(`&filters[group][slug][$eq]=${WG}`)).filter((event) => shown(event));
    expect(expected.length).toBeGreaterThan(1);
    expect(parseBoth(response.text).map((e) => e.uid).sort()).toEqual(expected.map((e) => uidOf(e.documentId)).sort());
    expect(unfold(response.text)).toContain('\r\nX-WR-CALNAME:Documentation Working Group · Chapterhouse\r\n');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${WG}.ics"`);
  });

  it('gives the texts in the requested locale along the fallback chain', async () => {
    for (const locale of ['fr', 'ja', 'pt-BR', 'fr-CA']) {
      const response = await calendar(`/api/community/groups/${WG}/calendar.ics?locale=${locale}`);
      checkStructure(response.text);
      const served = await apiEvents(`&filters[group][slug][$eq]=${WG}`, locale);
      const events = parseBoth(response.text);
      const pageLocale = locale === 'fr-CA' ? 'fr' : locale;
      for (const event of events) {
        const source = served.find((e) => uidOf(e.documentId) === event.uid)!;
        expect(event.summary, `${locale} ${source.slug}`).toBe(source.title);
        expect(event.url).toMatch(new RegExp(`/${pageLocale}/events/${source.slug}$`));
      }
      // In French some events are translated and some fall back to English, so the chain is really walked.
      if (pageLocale === 'fr') {
        expect(served.some((e) => e.locale === 'fr')).toBe(true);
        expect(served.some((e) => e.locale === 'en')).toBe(true);
      }
    }
  });

  it('answers an unknown group with 404 and a message', async () => {
    const response = await api.get('/api/community/groups/no-such-group/calendar.ics');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No published group has the slug "no-such-group".');
    expect((await api.get(`/api/community/groups/${WG}/calendar.ics?region=europe`)).status).toBe(400);
  });
});

describe('one event’s calendar', () => {
  it('holds that event alone, past or future', async () => {
    const [event] = await apiEvents('&filters[slug][$eq]=documentation-wg-summit-docs-sprint', 'de');
    const response = await calendar(`/api/community/events/${event!.documentId}/calendar.ics?locale=de`);
    checkStructure(response.text);
    const [parsed, ...rest] = parseBoth(response.text);
    expect(rest).toEqual([]);
    expect(parsed).toMatchObject({ uid: uidOf(event!.documentId), summary: event!.title });
    const old = (await apiEvents()).find((e) => !shown(e))!;
    expect(parseBoth((await calendar(`/api/community/events/${old.documentId}/calendar.ics`)).text)).toHaveLength(1);
  });

  it('answers an unknown or unpublished event with 404 and a message', async () => {
    const response = await api.get('/api/community/events/nosuchdocument/calendar.ics');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No published event has the id "nosuchdocument".');
  });
});

describe('caching and changes', () => {
  const created: { uid: string; documentId: string }[] = [];
  let groupId = '';
  let eventId = '';
  const groupPath = '/api/community/groups/calendar-test-wg/calendar.ics';

  beforeAll(async () => {
    const group = await editor.create(GROUP, {
      name: 'Calendar Test WG',
      slug: 'calendar-test-wg',
      kind: 'working-group',
      state: 'active',
      summary: 'A working group for the calendar tests',
      languages: ['en'],
      timezone: 'Europe/Madrid',
      contactEmail: 'calendar-test@example.org',
    });
    expect(group.status, group.text).toBe(201);
    groupId = group.body.data.documentId;
    created.push({ uid: GROUP, documentId: groupId });
    expect((await editor.publish(GROUP, groupId)).status).toBe(200);
    const event = await editor.create(EVENT, {
      title: 'Calendar test call',
      slug: 'calendar-test-call',
      description: 'First **agenda**.',
      startsAt: '2027-03-02T17:00:00.000Z',
      endsAt: '2027-03-02T18:00:00.000Z',
      timezone: 'Europe/Madrid',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10',
      exceptionDates: ['2027-03-16T17:00:00.000Z'],
      format: 'online',
      onlineUrl: 'https://meet.example.net/calendar-test',
      type: 'call',
      state: 'scheduled',
      group: { connect: [{ documentId: groupId, locale: 'en' }] },
    });
    expect(event.status, event.text).toBe(201);
    eventId = event.body.data.documentId;
    created.push({ uid: EVENT, documentId: eventId });
    expect((await editor.publish(EVENT, eventId)).status).toBe(200);
  });

  afterAll(async () => {
    for (const { uid, documentId } of created.reverse()) {
      for (const locale of uid === EVENT ? ['fr', 'en'] : ['en']) {
        await admin.send('DELETE', `/content-manager/collection-types/${uid}/${documentId}?locale=${locale}`);
      }
    }
  });

  const entryOf = (ics: string) => parseBoth(ics).find((e) => e.uid === uidOf(eventId))!;

  it('sends an ETag and Last-Modified, and answers 304 to a client whose copy is current', async () => {
    const first = await calendar(groupPath);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const again = await api.get(groupPath, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await api.get(groupPath, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await api.get(groupPath, { headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() } })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await api.get(groupPath, { headers: { 'if-none-match': '"stale"', 'if-modified-since': lastModified } })).status).toBe(200);
    const gzipped = await api.get(groupPath, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.text).toBe(first.text);
  });

  it('writes the series with its zone, rule and exception', async () => {
    const text = unfold((await calendar(groupPath)).text);
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Madrid:20270302T180000\r\n');
    expect(text).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10\r\nEXDATE;TZID=Europe/Madrid:20270316T180000\r\n');
    expect(text).toContain('\r\nLOCATION:https://meet.example.net/calendar-test\r\n');
    expect(text).toContain('\r\nDESCRIPTION:First agenda.\r\n');
  });

  it('changes its ETag and raises SEQUENCE when an editor changes the event', async () => {
    const before = await calendar(groupPath);
    const entry = entryOf(before.text);
    // SEQUENCE counts whole seconds of edits: let one pass so the edit lands in a later second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await editor.update(EVENT, eventId, { title: 'Calendar test call (moved)', startsAt: '2027-03-02T18:00:00.000Z', endsAt: '2027-03-02T19:00:00.000Z' })).status).toBe(200);
    // A draft changes nothing that is served.
    const draft = await calendar(groupPath);
    expect(draft.text).toBe(before.text);
    expect((await editor.publish(EVENT, eventId)).status).toBe(200);
    const after = await calendar(groupPath, { 'if-none-match': before.headers.get('etag')! });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const changed = entryOf(after.text);
    expect(changed.summary).toBe('Calendar test call (moved)');
    expect(changed.sequence).toBeGreaterThan(entry.sequence);
    expect(changed.stamp).not.toBe(entry.stamp);
    expect(unfold(after.text)).toContain('\r\nDTSTART;TZID=Europe/Madrid:20270302T190000\r\n');
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThanOrEqual(Date.parse(before.headers.get('last-modified')!));
  });

  it('follows a translation in its locale, and the group’s own texts', async () => {
    const frPath = `${groupPath}?locale=fr`;
    const before = await calendar(frPath);
    expect(entryOf(before.text).summary).toBe('Calendar test call (moved)');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await editor.update(EVENT, eventId, { title: 'Appel de test du calendrier', slug: 'calendar-test-call' }, 'fr')).status).toBe(200);
    expect((await editor.publish(EVENT, eventId, 'fr')).status).toBe(200);
    const after = await calendar(frPath);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const translated = entryOf(after.text);
    expect(translated.summary).toBe('Appel de test du calendrier');
    expect(translated.sequence).toBeGreaterThan(entryOf(before.text).sequence);
    expect(entryOf((await calendar(groupPath)).text).summary).toBe('Calendar test call (moved)');

    expect((await editor.update(GROUP, groupId, { summary: 'Now with a new summary; and commas, too' })).status).toBe(200);
    expect((await editor.publish(GROUP, groupId)).status).toBe(200);
    expect(unfold((await calendar(groupPath)).text)).toContain('\r\nX-WR-CALDESC:Now with a new summary\\; and commas\\, too\r\n');
  });

  it('drops an unpublished event and moves Last-Modified on', async () => {
    const before = await calendar(groupPath);
    // HTTP dates have whole seconds: a change in the same second as the last one could not be told apart by date.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const unpublished = await admin.send('POST', `/content-manager/collection-types/${EVENT}/${eventId}/actions/unpublish?locale=en`, {});
    expect(unpublished.status, unpublished.text).toBe(200);
    const after = await calendar(groupPath);
    expect(parseBoth(after.text)).toEqual([]);
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before.headers.get('last-modified')!));
    // A client that saved the calendar before the removal must not be told it is current.
    expect((await api.get(groupPath, { headers: { 'if-modified-since': before.headers.get('last-modified')! } })).status).toBe(200);
    expect((await api.get(`/api/community/events/${eventId}/calendar.ics`)).status).toBe(404);
  });
});

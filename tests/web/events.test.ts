import { describe, expect, inject, it } from 'vitest';
import { events as seedEvents } from '../../cms/src/seed/data';
import { apiEvents, independentStarts, lastStart, nextStart, type ApiEvent } from '../api/independent-occurrences';

const web = (path: string) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual' });

function decode(html: string) {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const upcoming = (events: ApiEvent[], now = new Date()) => events.filter((event) => nextStart(event, now) !== null);

async function listed(query: string) {
  const response = await web(`/en/events${query}`);
  expect(response.status, query).toBe(200);
  const html = decode(await response.text());
  const count = Number(/(\d+) upcoming events?/.exec(html)?.[1]);
  const slugs = [...html.matchAll(/<a href="\/en\/events\/([^"/?]+)"/g)].map((m) => m[1]!);
  return { html, count, slugs };
}

describe('the events list', () => {
  it('lists every upcoming event, recurring series at their next date, cancelled ones marked', async () => {
    const expected = upcoming(await apiEvents());
    const { html, count, slugs } = await listed('');
    expect(count).toBe(expected.length);
    expect(slugs).toHaveLength(Math.min(20, expected.length));
    // Every series still running is there, although its first date is in the past.
    expect(expected.some((e) => e.slug === 'paris-user-group-monthly-meetup')).toBe(true);
    expect(html).toMatch(/Every (first|second|third|fourth|last) \w+day of the month|Weekly on \w+day|Every other week on \w+day/);
    // A cancelled event stays listed, marked, on whichever page its date puts it.
    const cancelled = expected.find((e) => e.state === 'cancelled')!;
    const sorted = [...expected].sort((a, b) => nextStart(a)! - nextStart(b)! || (a.documentId < b.documentId ? -1 : 1));
    const page = Math.floor(sorted.indexOf(cancelled) / 20) + 1;
    const onPage = await listed(`?page=${page}`);
    expect(onPage.slugs).toContain(cancelled.slug);
    expect(onPage.html).toMatch(/Cancelled<\/span>/);
  });

  it.each([
    ['region=europe', '&filters[group][region][slug][$eq]=europe'],
    ['kind=working-group', '&filters[group][kind][$eq]=working-group'],
    ['format=online', '&filters[format][$eq]=online'],
    ['format=hybrid&region=north-america', '&filters[format][$eq]=hybrid&filters[group][region][slug][$eq]=north-america'],
  ])('filters by %s as the CMS does', async (query, filters) => {
    const expected = upcoming(await apiEvents(filters));
    const { count, slugs } = await listed(`?${query}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(count).toBe(expected.length);
    const allowed = new Set(expected.map((e) => e.slug));
    for (const slug of slugs) expect(allowed.has(slug), slug).toBe(true);
  });

  it('filters by the event’s language', async () => {
    const all = upcoming(await apiEvents());
    for (const language of ['es', 'ja', 'pt-BR']) {
      const expected = all.filter((e) => e.language === language || e.language?.startsWith(`${language}-`));
      expect(expected.length, language).toBeGreaterThan(0);
      expect((await listed(`?language=${language}`)).count, language).toBe(expected.length);
    }
  });

  it('searches event titles', async () => {
    const expected = upcoming(await apiEvents('&filters[$or][0][title][$containsi]=workshop&filters[$or][1][description][$containsi]=workshop&filters[$or][2][group][name][$containsi]=workshop'));
    expect(expected.length).toBeGreaterThan(0);
    expect((await listed('?q=workshop')).count).toBe(expected.length);
  });

  it('ignores invalid filter values and never fails on a bad query', async () => {
    const all = (await listed('')).count;
    for (const query of [
      '?region=no-such-region',
      '?region=%3Cscript%3E&language=12&kind=club&format=virtual',
      '?page=abc&q=',
      `?q=${'x'.repeat(2000)}&region[]=a`,
      '?language=zz-ZZ-very-long-tag-that-is-not-real',
    ]) {
      const response = await web(`/en/events${query}`);
      expect(response.status, query).toBeLessThan(500);
    }
    expect((await listed('?region=no-such-region&kind=club')).count).toBe(all);
    expect((await web('/en/events?page=9999')).status).toBe(404);
  });

  it('keeps the filters in a form that works without JavaScript', async () => {
    const { html } = await listed('?region=europe&format=online');
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/en\/events"/);
    expect(html).toMatch(/<option value="europe" selected/);
    expect(html).toMatch(/<option value="online" selected/);
    for (const name of ['q', 'region', 'language', 'kind', 'format']) expect(html).toContain(`name="${name}"`);
  });
});

describe('the home page', () => {
  it('lists the next five events, running series at their next date', async () => {
    const events = await apiEvents();
    const expected = events
      .filter((e) => nextStart(e) !== null)
      .sort((a, b) => nextStart(a)! - nextStart(b)! || (a.documentId < b.documentId ? -1 : 1))
      .slice(0, 5)
      .map((e) => `${e.slug} ${new Date(nextStart(e)!).toISOString()}`);
    const html = decode(await (await web('/en')).text());
    const start = html.indexOf('id="events-heading"');
    expect(start).toBeGreaterThan(-1);
    const listed = [...html.slice(start, html.indexOf('</section>', start)).matchAll(/<a href="\/en\/events\/([^"/?]+)"[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed).toEqual(expected);
  });
});

describe('a group page', () => {
  const section = (html: string, key: 'upcoming' | 'past') => {
    const start = html.indexOf(`id="events-${key}-heading"`);
    const end = html.indexOf('</section>', start);
    expect(start, key).toBeGreaterThan(-1);
    return [...html.slice(start, end).matchAll(/<a href="\/\w+(?:-\w+)?\/events\/([^"/?]+)">[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  };

  it.each(['en', 'ja'])('in %s lists an ongoing monthly series under upcoming at its next date, and under past at its last', async (locale) => {
    const paris = seedEvents.find((e) => e.slug === 'paris-user-group-monthly-meetup')!;
    const events = await apiEvents(`&filters[group][slug][$eq]=${paris.group}`);
    const series = events.find((e) => e.slug === paris.slug)!;
    expect(series.recurrence).toMatch(/FREQ=MONTHLY/);
    // The series began in the past: its own dates alone would put it under past only.
    expect(Date.parse(series.endsAt)).toBeLessThan(Date.now());
    const now = new Date();
    const byId = (a: ApiEvent, b: ApiEvent) => (a.documentId < b.documentId ? -1 : 1);
    const expected = events
      .filter((e) => nextStart(e, now) !== null)
      .sort((a, b) => nextStart(a, now)! - nextStart(b, now)! || byId(a, b))
      .slice(0, 10)
      .map((e) => `${e.slug} ${new Date(nextStart(e, now)!).toISOString()}`);
    expect(expected).toContain(`${paris.slug} ${new Date(nextStart(series, now)!).toISOString()}`);
    const past = events
      .filter((e) => lastStart(e, now) !== null)
      .sort((a, b) => lastStart(b, now)! - lastStart(a, now)! || byId(b, a))
      .slice(0, 10)
      .map((e) => `${e.slug} ${new Date(lastStart(e, now)!).toISOString()}`);
    expect(past).toContain(`${paris.slug} ${new Date(lastStart(series, now)!).toISOString()}`);
    const response = await web(`/${locale}/groups/${paris.group}`);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(section(html, 'upcoming')).toEqual(expected);
    expect(section(html, 'past')).toEqual(past);
  });
});

describe('an event page', () => {
  const paris = seedEvents.find((e) => e.slug === 'paris-user-group-monthly-meetup')!;

  it('shows the title in the visitor’s language, the organiser, the time zone and the rule in words', async () => {
    const response = await web('/fr/events/paris-user-group-monthly-meetup');
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain(`<span lang="fr">${paris.title.fr}</span>`);
    expect(html).toContain(`href="/fr/groups/${paris.group}"`);
    expect(html).toContain('(Europe/Paris)');
    expect(html).toContain('Le deuxième mardi de chaque mois, jusqu’au 30 juin 2027');
    expect(html).toContain('href="/fr/map"');
  });

  it('labels a fallback and offers Google, Outlook and .ics links', async () => {
    const html = decode(await (await web('/ja/events/paris-user-group-monthly-meetup')).text());
    expect(html).toContain(`<span lang="en">${paris.title.en}</span>`);
    expect(html).toContain('class="fallback-badge"');
    expect(html).toContain('毎月第2火曜日');
    const google = /href="(https:\/\/calendar\.google\.com\/calendar\/render\?[^"]+)"/.exec(html)?.[1];
    expect(google).toBeDefined();
    const params = new URL(google!).searchParams;
    expect(params.get('action')).toBe('TEMPLATE');
    expect(params.get('text')).toBe(paris.title.en);
    expect(params.get('dates')).toMatch(/^\d{8}T\d{6}Z\/\d{8}T\d{6}Z$/);
    expect(params.get('recur')).toBe(`RRULE:${paris.recurrence}`);
    expect(html).toMatch(/href="https:\/\/outlook\.live\.com\/calendar\/0\/deeplink\/compose\?[^"]*subject=/);
    expect(html).toContain('href="/ja/events/paris-user-group-monthly-meetup/event.ics"');
  });

  it('is found by documentId too, and marks a cancelled event', async () => {
    const [warsaw] = await apiEvents('&filters[slug][$eq]=warsaw-user-group-vistula-social');
    const response = await web(`/en/events/${warsaw!.documentId}`);
    expect(response.status).toBe(200);
    expect(decode(await response.text())).toContain('This event has been cancelled.');
  });

  it('answers an unknown event with a localized 404', async () => {
    const response = await web('/de/events/no-such-event');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Seite nicht gefunden');
    expect((await web('/de/events/no-such-event/event.ics')).status).toBe(404);
  });
});

describe('the .ics download', () => {
  async function ics(slug: string) {
    const response = await web(`/en/events/${slug}/event.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    }
    return { text, unfolded: text.replace(/\r\n /g, '') };
  }

  it('is one valid event with a stable UID, in the event’s own zone', async () => {
    const [event] = await apiEvents('&filters[slug][$eq]=documentation-wg-summit-docs-sprint');
    const { unfolded } = await ics('documentation-wg-summit-docs-sprint');
    expect(unfolded.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // UIDs end in the website's host (PUBLIC_WEB_URL), as the CMS's calendar export writes them.
    expect(unfolded).toMatch(new RegExp(`\\r\\nUID:${event!.documentId}@[\\w.-]+\\r\\n`));
    expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(unfolded).toMatch(/\r\nDTSTART;TZID=Europe\/Lisbon:\d{8}T\d{6}\r\n/);
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Lisbon\r\n');
    expect(unfolded.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('gives a series its zone, a VTIMEZONE and the rule', async () => {
    const { unfolded } = await ics('paris-user-group-monthly-meetup');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
    expect(unfolded).toMatch(/\r\nDTSTART;TZID=Europe\/Paris:\d{8}T\d{6}\r\n/);
    expect(unfolded).toContain('\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T000000Z\r\n');
  });
});

describe('the month view', () => {
  const DAY = 86_400_000;
  /** The local date of an instant in a zone, by Intl. */
  const localDate = (ms: number, zone: string) => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
    return parts.slice(0, 10);
  };
  const localClock = (ms: number, zone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

  /** Each occurrence dated in `month` where it takes place, with the local dates it covers there: `slug start` → dates. */
  function expectedMonth(events: ApiEvent[], month: string): Map<string, string[]> {
    const first = `${month}-01`;
    const [year, number] = month.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 10);
    const until = new Date(Date.parse(`${next}T00:00:00Z`) + 2 * DAY);
    const found = new Map<string, string[]>();
    for (const event of events) {
      const zone = event.allDay ? 'UTC' : event.timezone;
      const duration = Date.parse(event.endsAt) - Date.parse(event.startsAt);
      for (const start of independentStarts(event, until)) {
        const end = start + duration;
        const startDate = localDate(start, zone);
        // An end at local midnight belongs to the day before.
        let endDate = localDate(end, zone);
        if (end > start && localClock(end, zone) === '00:00:00') endDate = localDate(end - DAY, zone);
        const dates: string[] = [];
        for (let d = Date.parse(`${startDate}T00:00:00Z`); d <= Date.parse(`${endDate}T00:00:00Z`); d += DAY) {
          const date = new Date(d).toISOString().slice(0, 10);
          if (date >= first && date < next) dates.push(date);
        }
        if (dates.length) found.set(`${event.slug} ${new Date(start).toISOString()}`, dates);
      }
    }
    return found;
  }

  /** `slug start` → the dates of the cells it is in. */
  function shown(html: string): Map<string, string[]> {
    const table = html.slice(html.indexOf('<table class="month-calendar"'), html.indexOf('</table>'));
    const found = new Map<string, string[]>();
    for (const cell of table.split('<td').slice(1)) {
      const date = /<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(cell)?.[1];
      for (const item of cell.matchAll(/<li[^>]*data-start="([^"]+)"[^>]*>[\s\S]*?<a href="\/\w+(?:-\w+)?\/events\/([^"/?]+)"/g)) {
        const key = `${item[2]} ${item[1]}`;
        found.set(key, [...(found.get(key) ?? []), date!]);
      }
    }
    return found;
  }

  it('shows every occurrence of next month on its local dates, moved and cancelled ones marked', async () => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    const response = await web(`/en/events?view=month&month=${month}`);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    const expected = expectedMonth(await apiEvents(), month);
    expect(expected.size).toBeGreaterThan(10);
    expect(shown(html)).toEqual(expected);
    expect(html).toMatch(/<caption>\w+ \d{4}<\/caption>/);
    // English as the CMS serves it starts weeks on Sunday; the previous and next months are one link away.
    expect(/<th scope="col" abbr="(\w+)"/.exec(html)?.[1]).toBe('Sunday');
    expect(html).toContain(`href="/en/events?view=month&month=${new Date(Date.UTC(+month.slice(0, 4), +month.slice(5) - 2, 1)).toISOString().slice(0, 7)}"`);
  });

  it('starts weeks on Monday in French and keeps the filters across months', async () => {
    const html = decode(await (await web('/fr/events?view=month&month=2027-01&format=online')).text());
    expect(/<th scope="col" abbr="(\w+)"/.exec(html)?.[1]).toBe('lundi');
    expect(html).toContain('<caption>janvier 2027</caption>');
    expect(html).toContain('href="/fr/events?view=month&month=2027-02&format=online"');
    expect(html).toContain('href="/fr/events?view=month&month=2026-12&format=online"');
    const expected = expectedMonth(await apiEvents('&filters[format][$eq]=online'), '2027-01');
    expect(shown(html.replace(/\/fr\/events/g, '/en/events'))).toEqual(expected);
    // The subscription carries the same filter.
    expect(html).toMatch(/webcal:\/\/[^"]+\/api\/community\/calendar\.ics\?locale=fr&format=online/);
  });

  it('narrows to one group, as linked from its page', async () => {
    const group = 'paris-user-group';
    const page = decode(await (await web(`/en/groups/${group}`)).text());
    expect(page).toContain(`href="/en/events?view=month&group=${group}"`);
    const html = decode(await (await web(`/en/events?view=month&month=2027-01&group=${group}`)).text());
    expect(shown(html)).toEqual(expectedMonth(await apiEvents(`&filters[group][slug][$eq]=${group}`), '2027-01'));
    expect(html).toContain(`/api/community/groups/${group}/calendar.ics`);
    expect(html).toContain(`<a href="/en/groups/${group}">Hosted by Paris User Group</a>`);
    // A group that does not exist is a page that does not exist.
    expect((await web('/en/events?view=month&group=no-such-group')).status).toBe(404);
    expect((await web('/en/events?group=no-such-group')).status).toBe(404);
  });

  it('answers a month that cannot be read with the current month, never an error', async () => {
    for (const query of ['month=2027-13', 'month=garbage', 'month=10000-01', 'month[]=x']) {
      expect((await web(`/en/events?view=month&${query}`)).status, query).toBe(200);
    }
  });
});

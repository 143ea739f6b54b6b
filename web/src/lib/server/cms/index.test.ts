import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import groupsPtBr from './fixtures/groups-pt-BR.json';
import { cmsUrl } from './client';
import { listGroups, listNextOccurrences, listOccurrencesBetween, listUpcomingEvents, type Fetch } from './index';

vi.mock('$env/dynamic/private', () => ({ env: { CMS_URL: 'http://cms.test:1337', CONTENT_VERSION_TTL_MS: '0' } }));

/**
 * A `fetch` that records the URLs it is asked for and answers with `answer()`. The CMS's
 * content version is `version` (unrecorded); without one the CMS has none to give and
 * nothing is reused between requests.
 */
function fakeFetch(answer: (url: URL) => Response | Promise<Response>, version?: string) {
  const urls: URL[] = [];
  const fetch: Fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/api/community/content-version') return version ? json({ version }) : json({}, 404);
    urls.push(url);
    return answer(url);
  };
  return { fetch, urls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function httpStatusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (err) {
    if (isHttpError(err)) return err.status;
    throw err;
  }
  return undefined;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reusing CMS answers', () => {
  it('reuses an answer while the content version stays the same, and asks again when it changes', async () => {
    const first = fakeFetch(() => json(groupsPtBr), 'v1');
    const second = fakeFetch(() => json(groupsPtBr), 'v1');
    const third = fakeFetch(() => json(groupsPtBr), 'v2');
    const options = { locale: 'pt-BR', page: 3, pageSize: 2 };
    const a = await listGroups(first.fetch, options);
    const b = await listGroups(second.fetch, options);
    const c = await listGroups(third.fetch, options);
    expect(first.urls).toHaveLength(1);
    expect(second.urls).toHaveLength(0);
    expect(third.urls).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('asks once for pages that need the same answer at the same time, and asks again after a failure', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = fakeFetch(async () => {
      await held;
      return json(groupsPtBr);
    }, 'v3');
    const options = { locale: 'pt-BR', page: 1, pageSize: 2 };
    const pages = Promise.all([1, 2, 3].map(() => listGroups(slow.fetch, options)));
    release();
    const [a, b, c] = await pages;
    expect(slow.urls).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // Each page gets its own copy.
    a!.groups.pop();
    expect(b!.groups).toHaveLength(2);

    const failing = fakeFetch(() => json({ error: 'down' }, 503), 'v4');
    const failures = await Promise.all([1, 2].map(() => httpStatusOf(listGroups(failing.fetch, options))));
    expect(failures).toEqual([503, 503]);
    expect(failing.urls).toHaveLength(1);
    const recovered = fakeFetch(() => json(groupsPtBr), 'v4');
    expect((await listGroups(recovered.fetch, options)).groups).toHaveLength(2);
    expect(recovered.urls).toHaveLength(1);
  });
});

describe('listGroups', () => {
  it('asks the CMS for one page of groups, sorted by name, with only the listed fields', async () => {
    const { fetch, urls } = fakeFetch(() => json(groupsPtBr));
    await listGroups(fetch, { locale: 'pt-BR', page: 2, pageSize: 2 });

    expect(urls).toHaveLength(1);
    const url = urls[0]!;
    expect(url.origin + url.pathname).toBe('http://cms.test:1337/api/groups');
    expect([...url.searchParams]).toEqual([
      ['locale', 'pt-BR'],
      ['pagination[page]', '2'],
      ['pagination[pageSize]', '2'],
      ['sort[0]', 'name:asc'],
      ['fields[0]', 'name'],
      ['fields[1]', 'slug'],
      ['fields[2]', 'summary'],
      ['fields[3]', 'kind'],
      ['fields[4]', 'state'],
      ['fields[5]', 'city'],
      ['fields[6]', 'country'],
      ['fields[7]', 'languages'],
    ]);
  });

  it('maps the response into cards and marks text that fell back to another locale', async () => {
    const { fetch } = fakeFetch(() => json(groupsPtBr));
    const result = await listGroups(fetch, { locale: 'pt-BR', page: 2, pageSize: 2 });

    expect(result.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 4, total: 7 });
    expect(result.groups).toEqual([
      {
        id: 'k3f9a0c2m1x7q8r5t6y4u2w0',
        name: 'Curitiba Open Source',
        slug: 'curitiba-open-source',
        summary: 'Encontros mensais sobre software livre em Curitiba.',
        kind: 'user-group',
        status: 'active',
        city: 'Curitiba',
        country: 'BR',
        languages: ['pt-BR'],
        locale: 'pt-BR',
        isFallback: false,
      },
      {
        id: 'p0o9i8u7y6t5r4e3w2q1a2s3',
        name: 'Documentation Working Group',
        slug: 'documentation-working-group',
        summary: 'Writes and reviews the project handbook.',
        kind: 'working-group',
        status: 'forming',
        city: null,
        country: null,
        languages: [],
        locale: 'en',
        isFallback: true,
      },
    ]);
  });

  it('treats an entry without the flag as a fallback when its locale is not the requested one', async () => {
    const [first] = groupsPtBr.data;
    const entry = { ...first, locale: 'en', localeFallback: undefined };
    const { fetch } = fakeFetch(() => json({ ...groupsPtBr, data: [entry] }));
    const { groups } = await listGroups(fetch, { locale: 'pt-BR', page: 1, pageSize: 25 });
    expect(groups[0]?.isFallback).toBe(true);
  });
});

describe('the occurrences the pages read', () => {
  const occurrence = (documentId: string, start: string, extra: Record<string, unknown> = {}) => ({
    documentId,
    slug: `event-${documentId}`,
    title: `Event ${documentId}`,
    locale: 'fr',
    start,
    end: start.replace('T17', 'T19'),
    localStart: start.replace('T17', 'T18').slice(0, 19),
    localEnd: start.replace('T17', 'T20').slice(0, 19),
    timezone: 'Europe/Paris',
    allDay: false,
    state: 'scheduled',
    cancelled: false,
    moved: false,
    originalStart: null,
    recurring: false,
    recurrence: null,
    format: 'in-person',
    group: { slug: 'lyon-user-group', name: 'Lyon User Group', kind: 'user-group' },
    ...extra,
  });
  const pageOf = (data: unknown[], page: number, pageCount: number) =>
    json({ data, meta: { pagination: { page, pageSize: 100, pageCount, total: (pageCount - 1) * 100 + data.length }, locale: ['fr', 'en'], languages: ['en', 'fr'] } });

  it('asks the CMS once for each event’s next occurrence from this minute on, as many as shown', async () => {
    const rows = [
      occurrence('a', '2026-12-01T17:00:00.000Z', { recurring: true, recurrence: 'FREQ=MONTHLY;BYDAY=1TU' }),
      occurrence('b', '2026-12-02T17:00:00.000Z', { locale: 'en', cancelled: true, state: 'cancelled' }),
      occurrence('c', '2027-01-06T17:00:00.000Z', { moved: true, originalStart: '2027-01-05T17:00:00.000Z', recurring: true }),
    ];
    const { fetch, urls } = fakeFetch(() => pageOf(rows, 1, 1));
    const events = await listNextOccurrences(fetch, { locale: 'fr', group: 'lyon-user-group', limit: 3, now: new Date('2026-11-23T12:00:30.000Z') });

    expect(urls).toHaveLength(1);
    expect(urls[0]!.origin + urls[0]!.pathname).toBe('http://cms.test:1337/api/community/occurrences');
    expect([...urls[0]!.searchParams]).toEqual([
      ['from', '2026-11-23T12:00:00.000Z'],
      ['distinct', 'event'],
      ['locale', 'fr'],
      ['group', 'lyon-user-group'],
      ['pagination[pageSize]', '3'],
    ]);
    expect(events.map((e) => [e.id, e.startsAt, e.locale, e.isFallback, e.state, e.recurrence, e.moved, e.originalStart])).toEqual([
      ['a', '2026-12-01T17:00:00.000Z', 'fr', false, 'scheduled', 'FREQ=MONTHLY;BYDAY=1TU', false, null],
      ['b', '2026-12-02T17:00:00.000Z', 'en', true, 'cancelled', null, false, null],
      ['c', '2027-01-06T17:00:00.000Z', 'fr', false, 'scheduled', null, true, '2027-01-05T17:00:00.000Z'],
    ]);
  });

  it('pages the events list in the CMS, with its filters, and passes on the languages offered', async () => {
    const { fetch, urls } = fakeFetch(() => pageOf([occurrence('a', '2026-12-01T17:00:00.000Z')], 3, 4));
    const page = await listUpcomingEvents(fetch, {
      locale: 'fr',
      filters: { region: 'europe', language: 'fr', format: 'online', q: 'rust' },
      page: 3,
      pageSize: 20,
      now: new Date('2026-11-23T12:00:30.000Z'),
    });
    expect([...urls[0]!.searchParams]).toEqual([
      ['from', '2026-11-23T12:00:00.000Z'],
      ['distinct', 'event'],
      ['locale', 'fr'],
      ['region', 'europe'],
      ['language', 'fr'],
      ['format', 'online'],
      ['q', 'rust'],
      ['pagination[page]', '3'],
      ['pagination[pageSize]', '20'],
    ]);
    expect(page.pagination).toMatchObject({ page: 3, pageCount: 4, total: 301 });
    expect(page.languages).toEqual(['en', 'fr']);
  });

  it('reads every page of a month’s occurrences, the rest at once after the first', async () => {
    const { fetch, urls } = fakeFetch((url) => {
      const page = Number(url.searchParams.get('pagination[page]'));
      return pageOf([occurrence(String(page), '2027-01-0' + page + 'T17:00:00.000Z')], page, 3);
    });
    const { occurrences, languages } = await listOccurrencesBetween(fetch, {
      locale: 'fr',
      from: new Date('2026-12-31T10:00:00Z'),
      to: new Date('2027-02-01T12:00:00Z'),
    });
    expect(urls.map((url) => url.searchParams.get('pagination[page]'))).toEqual(['1', '2', '3']);
    expect(occurrences.map((o) => o.id)).toEqual(['1', '2', '3']);
    expect(languages).toEqual(['en', 'fr']);
  });
});

describe('when the CMS is not there', () => {
  it('throws 503 when fetch rejects (connection refused, timeout)', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await httpStatusOf(listGroups(fetch, { locale: 'en', page: 1, pageSize: 25 }))).toBe(503);
    expect(await httpStatusOf(listNextOccurrences(fetch, { locale: 'en', limit: 5 }))).toBe(503);
  });

  it('throws 503 when the CMS answers 5xx or something that is not a list', async () => {
    const cases = [
      () => json({ error: { status: 500 } }, 500),
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      () => new Response('<html>maintenance</html>', { status: 200 }),
      () => json({ data: null }),
    ];
    for (const answer of cases) {
      const { fetch } = fakeFetch(answer);
      expect(await httpStatusOf(listGroups(fetch, { locale: 'en', page: 1, pageSize: 25 }))).toBe(503);
    }
  });

  it('does not hide a request the CMS rejects as a 503', async () => {
    const { fetch } = fakeFetch(() => json({ error: { status: 400 } }, 400));
    await expect(listGroups(fetch, { locale: 'en', page: 1, pageSize: 25 })).rejects.toThrow(/400/);
  });
});

describe('CMS addresses', () => {
  it('leave out NUL characters, which no text stored in PostgreSQL can hold', () => {
    const url = cmsUrl('/api/events', [['filters[$or][0][title][$containsi]', 'a\0b\0'], ['locale', 'fr']]);
    expect(url.searchParams.get('filters[$or][0][title][$containsi]')).toBe('ab');
    expect(url.href).toBe('http://cms.test:1337/api/events?filters%5B%24or%5D%5B0%5D%5Btitle%5D%5B%24containsi%5D=ab&locale=fr');
  });
});

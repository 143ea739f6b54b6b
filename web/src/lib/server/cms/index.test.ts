import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import eventsFr from './fixtures/events-fr.json';
import groupsPtBr from './fixtures/groups-pt-BR.json';
import { cmsUrl } from './client';
import { listGroups, listUpcomingEvents, type Fetch } from './index';

vi.mock('$env/dynamic/private', () => ({ env: { CMS_URL: 'http://cms.test:1337', CONTENT_VERSION_TTL_MS: '0' } }));

/**
 * A `fetch` that records the URLs it is asked for and answers with `answer()`. The CMS's
 * content version is `version` (unrecorded); without one the CMS has none to give and
 * nothing is reused between requests.
 */
function fakeFetch(answer: () => Response | Promise<Response>, version?: string) {
  const urls: URL[] = [];
  const fetch: Fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/api/community/content-version') return version ? json({ version }) : json({}, 404);
    urls.push(url);
    return answer();
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

describe('listUpcomingEvents', () => {
  it('asks for events from now on, soonest first, with their group’s name and slug', async () => {
    const { fetch, urls } = fakeFetch(() => json(eventsFr));
    const now = new Date('2026-11-23T12:00:00.000Z');
    await listUpcomingEvents(fetch, { locale: 'fr', limit: 5, now });

    const url = urls[0]!;
    expect(url.origin + url.pathname).toBe('http://cms.test:1337/api/events');
    expect([...url.searchParams]).toEqual([
      ['locale', 'fr'],
      ['filters[startsAt][$gte]', '2026-11-23T12:00:00.000Z'],
      ['sort[0]', 'startsAt:asc'],
      ['pagination[pageSize]', '5'],
      ['fields[0]', 'title'],
      ['fields[1]', 'slug'],
      ['fields[2]', 'startsAt'],
      ['fields[3]', 'endsAt'],
      ['fields[4]', 'timezone'],
      ['fields[5]', 'format'],
      ['populate[group][fields][0]', 'name'],
      ['populate[group][fields][1]', 'slug'],
    ]);
  });

  it('maps events, keeping the group when there is one', async () => {
    const { fetch } = fakeFetch(() => json(eventsFr));
    const events = await listUpcomingEvents(fetch, { locale: 'fr', limit: 5 });

    expect(events.map((e) => [e.title, e.group?.name ?? null, e.locale, e.isFallback])).toEqual([
      ['Atelier : premières contributions', 'Lyon User Group', 'fr', false],
      ['Community call', null, 'en', true],
    ]);
    expect(events[0]).toMatchObject({
      id: 'e1v2e3n4t5a6b7c8d9e0f1g2',
      startsAt: '2026-12-03T17:30:00.000Z',
      timezone: 'Europe/Paris',
      format: 'in-person',
    });
  });
});

describe('when the CMS is not there', () => {
  it('throws 503 when fetch rejects (connection refused, timeout)', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await httpStatusOf(listGroups(fetch, { locale: 'en', page: 1, pageSize: 25 }))).toBe(503);
    expect(await httpStatusOf(listUpcomingEvents(fetch, { locale: 'en', limit: 5 }))).toBe(503);
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

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { events as seedEvents, groups as seedGroups } from '../../cms/src/seed/data';
import { startFeedServer, type FeedServer } from '../fixtures/feed-server';
import { api, editor } from './client';
import { deleteGroup, importNow } from './feed-import';

const GROUP = 'api::group.group';
const PREFIX = 'dirapi-';

interface Fixture {
  slug: string;
  state: 'active' | 'forming' | 'dormant' | 'archived';
  languages: string[];
  at?: [number, number];
}

// Groups of this file only, so other suites' groups never change what these queries find.
const FIXTURES: Fixture[] = [
  { slug: 'dirapi-lisbon', state: 'active', languages: ['pt', 'en'], at: [38.7223, -9.1393] },
  { slug: 'dirapi-sao-paulo', state: 'forming', languages: ['pt-BR'], at: [-23.5505, -46.6333] },
  { slug: 'dirapi-porto', state: 'dormant', languages: ['pt-PT'], at: [41.1579, -8.6291] },
  { slug: 'dirapi-paris', state: 'active', languages: ['fr', 'en'], at: [48.8566, 2.3522] },
  { slug: 'dirapi-suva', state: 'active', languages: ['en', 'fj'], at: [-18.1416, 178.4419] },
  { slug: 'dirapi-apia', state: 'archived', languages: ['sm', 'en'], at: [-13.8507, -171.7514] },
  { slug: 'dirapi-nowhere', state: 'active', languages: ['en'] },
  { slug: 'dirapi-atlantis', state: 'forming', languages: ['fr'] },
];

const nameOf = (slug: string) => slug.replace(PREFIX, 'Directory check ').replace(/-/g, ' ');

/** Great-circle distance by the spherical law of cosines: a different formula from the CMS's haversine. */
function cosineLawKm([lat1, lng1]: [number, number], [lat2, lng2]: [number, number]): number {
  const r = Math.PI / 180;
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lng2 - lng1) * r);
  return 6371.0088 * Math.acos(Math.max(-1, Math.min(1, c)));
}

async function slugs(query: string): Promise<string[]> {
  const response = await api.get(`/api/groups?filters[slug][$startsWith]=${PREFIX}&fields[0]=slug&pagination[pageSize]=100&${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.data.map((group: { slug: string }) => group.slug);
}

const matching = (test: (f: Fixture) => boolean) => new Set(FIXTURES.filter(test).map((f) => f.slug));

describe('the directory through the content API', () => {
  const created: string[] = [];
  let feeds: FeedServer;

  beforeAll(async () => {
    feeds = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    for (const fixture of FIXTURES) {
      const response = await editor.create(GROUP, {
        name: nameOf(fixture.slug),
        slug: fixture.slug,
        kind: 'user-group',
        state: fixture.state,
        languages: fixture.languages,
        country: 'FR',
        timezone: 'UTC',
        ...(fixture.at ? { latitude: fixture.at[0], longitude: fixture.at[1] } : {}),
        ...(fixture.slug === 'dirapi-paris'
          ? {
              feeds: [
                { kind: 'blog', url: `${feeds.url}/feeds/wordpress.xml` },
                { kind: 'photos', url: `${feeds.url}/feeds/flickr.xml` },
              ],
            }
          : {}),
      });
      expect(response.status, response.text).toBe(201);
      created.push(response.body.data.documentId);
      expect((await editor.publish(GROUP, response.body.data.documentId)).status).toBe(200);
    }
  });

  afterAll(async () => {
    for (const documentId of created) await deleteGroup(documentId);
    await feeds?.close();
  });

  it('filters spoken languages by whole tag, as Strapi users write it', async () => {
    const has = (tag: string) => (f: Fixture) => f.languages.some((l) => l.toLowerCase() === tag.toLowerCase());
    expect(new Set(await slugs('filters[languages][$contains]=pt'))).toEqual(matching(has('pt')));
    expect(new Set(await slugs('filters[languages][$contains]=pt-BR'))).toEqual(matching(has('pt-BR')));
    expect(new Set(await slugs('filters[languages][$contains]=pt-br'))).toEqual(matching(has('pt-BR')));
    expect(new Set(await slugs('filters[languages][$eq]=fr'))).toEqual(matching(has('fr')));
    // The quoted form the JSON column once needed means the same tag.
    expect(new Set(await slugs('filters[languages][$containsi]="fr"'))).toEqual(matching(has('fr')));
    expect(new Set(await slugs('filters[languages][$notContains]=en'))).toEqual(matching((f) => !has('en')(f)));
    expect(new Set(await slugs('filters[languages][$in][0]=fj&filters[languages][$in][1]=sm'))).toEqual(
      matching((f) => has('fj')(f) || has('sm')(f)),
    );
    expect(new Set(await slugs('filters[languages][$notIn][0]=en&filters[languages][$notIn][1]=fr'))).toEqual(
      matching((f) => !has('en')(f) && !has('fr')(f)),
    );
    expect(new Set(await slugs('filters[$or][0][languages][$contains]=sm&filters[$or][1][slug][$eq]=dirapi-paris'))).toEqual(
      new Set(['dirapi-apia', 'dirapi-paris']),
    );
  });

  it('takes a language with its regional variants only when asked with $startsWith', async () => {
    expect(new Set(await slugs('filters[languages][$startsWith]=pt'))).toEqual(
      matching((f) => f.languages.some((l) => l === 'pt' || l.startsWith('pt-'))),
    );
  });

  it('filters events by their group’s languages the same way', async () => {
    const response = await api.get('/api/events?filters[group][languages][$contains]=pt-BR&fields[0]=slug&pagination[pageSize]=100&populate[group][fields][0]=slug');
    expect(response.status, response.text).toBe(200);
    const ptBrGroups = new Set(seedGroups.filter((g) => g.languages.includes('pt-BR')).map((g) => g.slug));
    const expected = seedEvents.filter((e) => ptBrGroups.has(e.group)).map((e) => e.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(response.body.data.map((e: { slug: string }) => e.slug))).toEqual(new Set(expected));
  });

  it('refuses a language filter it cannot honour, saying what it takes', async () => {
    for (const query of ['filters[languages][$contains]=not%20a%20tag', 'filters[languages][$gt]=fr', 'filters[languages][$contains]=%25']) {
      const response = await api.get(`/api/groups?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(/languages/);
    }
  });

  it('sorts by state order, living groups first, as a field integrators can use', async () => {
    const ORDER = ['active', 'forming', 'dormant', 'archived'];
    const expected = [...FIXTURES]
      .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || (nameOf(a.slug) < nameOf(b.slug) ? -1 : 1))
      .map((f) => f.slug);
    expect(await slugs('sort[0]=stateOrder:asc&sort[1]=name:asc')).toEqual(expected);
  });

  it('orders by distance with near=, nearest first, those without a place last', async () => {
    const paris: [number, number] = [48.8566, 2.3522];
    const placed = FIXTURES.filter((f) => f.at).sort((a, b) => cosineLawKm(paris, a.at!) - cosineLawKm(paris, b.at!));
    const unplaced = FIXTURES.filter((f) => !f.at).sort((a, b) => (nameOf(a.slug) < nameOf(b.slug) ? -1 : 1));
    const expected = [...placed, ...unplaced];
    const seen: { slug: string; distanceKm: number | null }[] = [];
    for (const page of [1, 2, 3]) {
      const response = await api.get(
        `/api/groups?near=${paris.join(',')}&filters[slug][$startsWith]=${PREFIX}&fields[0]=slug&pagination[page]=${page}&pagination[pageSize]=3&locale=fr`,
      );
      expect(response.status, response.text).toBe(200);
      expect(response.body.meta.pagination).toEqual({ page, pageSize: 3, pageCount: 3, total: FIXTURES.length });
      seen.push(...response.body.data);
    }
    expect(seen.map((g) => g.slug)).toEqual(expected.map((f) => f.slug));
    for (const [i, fixture] of expected.entries()) {
      if (fixture.at) expect(seen[i]!.distanceKm!).toBeCloseTo(cosineLawKm(paris, fixture.at), 1);
      else expect(seen[i]!.distanceKm).toBeNull();
    }
  });

  it('keeps an answer under the URL asked, though the CMS rewrites the query it serves', async () => {
    // Written as the query reads once `populate[coordinators]` is taken out of it.
    const plain = `/api/groups?${new URLSearchParams({ 'filters[slug][$startsWith]': PREFIX, 'fields[0]': 'slug', 'pagination[pageSize]': '98' })}`;
    const withCoordinators = await api.get(`${plain}&populate[coordinators]=true`);
    expect(withCoordinators.body.data[0].coordinators).toEqual([]);
    const list = await api.get(plain);
    expect(list.body.data.every((g: Record<string, unknown>) => !('coordinators' in g))).toBe(true);
    expect((await api.get(`${plain}&populate[coordinators]=true`)).body).toEqual(withCoordinators.body);
  });

  it('finds the nearest groups across the antimeridian and combines near with filters', async () => {
    const fiji: [number, number] = [-16.5, -179.9];
    const english = FIXTURES.filter((f) => f.at && f.languages.includes('en')).sort(
      (a, b) => cosineLawKm(fiji, a.at!) - cosineLawKm(fiji, b.at!),
    );
    expect(english.slice(0, 2).map((f) => f.slug)).toEqual(['dirapi-suva', 'dirapi-apia']);
    expect(await slugs(`near=${fiji.join(',')}&filters[languages][$contains]=en`)).toEqual([
      ...english.map((f) => f.slug),
      'dirapi-nowhere',
    ]);
  });

  it('refuses a malformed point, or a sort that near would override', async () => {
    for (const query of ['near=91,0', 'near=paris', 'near=1,2,3', 'near=48.8,2.3&sort[0]=name:asc']) {
      const response = await api.get(`/api/groups?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(/near/);
    }
  });

  it('serves a group with its newest imported posts and photos, as the plugin lists them', async () => {
    await importNow();
    const [detail, posts, photos] = await Promise.all([
      api.get('/api/groups?filters[slug][$eq]=dirapi-paris&populate[posts]=true&populate[photos]=true&populate[coordinators]=true&locale=de'),
      api.get('/api/community/posts?group=dirapi-paris&pagination[pageSize]=10'),
      api.get('/api/community/photos?group=dirapi-paris&pagination[pageSize]=10'),
    ]);
    expect(detail.status, detail.text).toBe(200);
    const [group] = detail.body.data;
    const withoutGroup = (items: Record<string, unknown>[]) => items.map(({ group: _group, ...item }) => item);
    expect(posts.body.data.length).toBeGreaterThan(0);
    expect(photos.body.data.length).toBeGreaterThan(0);
    expect(group.posts).toEqual(withoutGroup(posts.body.data));
    expect(group.photos).toEqual(withoutGroup(photos.body.data));
    expect(group.coordinators).toEqual([]);

    const list = await api.get(`/api/groups?filters[slug][$startsWith]=${PREFIX}&populate=posts&fields[0]=slug&pagination[pageSize]=100`);
    expect(list.status, list.text).toBe(200);
    for (const item of list.body.data) {
      expect(item.posts, item.slug).toEqual(item.slug === 'dirapi-paris' ? withoutGroup(posts.body.data) : []);
    }
    const refused = await api.get('/api/groups?populate[posts][fields][0]=title');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/populate\[posts\] takes no options/);
  });
});

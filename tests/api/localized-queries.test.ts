import { describe, expect, it } from 'vitest';
import { events, groups, regions } from '../../cms/src/seed/data';
import { api } from './client';

type Texts = Record<string, string | undefined>;
/** The text a reader of `locale` is served, by the seed's own translations (the chain fr → en). */
const served = (texts: Texts, locale: string) => texts[locale] ?? texts.en!;

const seedEventSlugs = new Set(events.map((event) => event.slug));
const seedRegionSlugs = regions.map((region) => region.slug);

async function all(path: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.get(`${path}&pagination[pageSize]=100&pagination[page]=${page}`);
    expect(response.status, response.text).toBe(200);
    items.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return items;
  }
}

describe('populated relations in the requested locale', () => {
  const group = groups.find((g) => g.slug === 'new-york-user-group')!;
  const region = regions.find((r) => r.slug === group.region)!;
  const ownEvents = events.filter((event) => event.group === group.slug);

  it('serves a group’s region and events in French where they exist, marked, and English where not', async () => {
    const response = await api.get(`/api/groups?locale=fr&filters[slug]=${group.slug}&populate[region]=true&populate[events][fields][0]=title&populate[events][fields][1]=slug`);
    expect(response.status, response.text).toBe(200);
    const [item] = response.body.data;
    expect(item.region).toMatchObject({ slug: region.slug, name: region.name.fr, locale: 'fr', localeFallback: false });
    expect(item.events).toHaveLength(ownEvents.length);
    expect(ownEvents.some((event) => (event.title as Texts).fr) && ownEvents.some((event) => !(event.title as Texts).fr)).toBe(true);
    for (const event of ownEvents) {
      const french = Boolean((event.title as Texts).fr);
      expect(item.events.find((e: { slug: string }) => e.slug === event.slug), event.slug).toEqual(
        expect.objectContaining({ title: served(event.title as Texts, 'fr'), locale: french ? 'fr' : 'en', localeFallback: !french }),
      );
    }
  });

  it('walks nested populates and single documents the same way', async () => {
    const event = events.find((e) => (e.title as Texts).de && groups.find((g) => g.slug === e.group)?.summary.de)!;
    const owner = groups.find((g) => g.slug === event.group)!;
    const list = await api.get(`/api/events?locale=de&filters[slug]=${event.slug}&fields[0]=title&populate[group][fields][0]=summary&populate[group][populate][region][fields][0]=name`);
    expect(list.status, list.text).toBe(200);
    const [item] = list.body.data;
    expect(item).toMatchObject({ title: (event.title as Texts).de, locale: 'de', localeFallback: false });
    expect(item.group).toMatchObject({ summary: owner.summary.de, locale: 'de', localeFallback: false });
    const ownerRegion = regions.find((r) => r.slug === owner.region)!;
    expect(item.group.region).toMatchObject({ name: ownerRegion.name.de, locale: 'de', localeFallback: false });

    const one = await api.get(`/api/regions/${(await api.get(`/api/regions?filters[slug]=${ownerRegion.slug}`)).body.data[0].documentId}?locale=de-AT&populate[groups][fields][0]=slug&populate[groups][fields][1]=summary`);
    expect(one.status, one.text).toBe(200);
    expect(one.body.data).toMatchObject({ name: ownerRegion.name.de, locale: 'de', localeFallback: true });
    const ownerServed = one.body.data.groups.find((g: { slug: string }) => g.slug === owner.slug);
    expect(ownerServed).toMatchObject({ summary: owner.summary.de, locale: 'de', localeFallback: true });
  });

  it('marks populated documents in English too', async () => {
    const response = await api.get(`/api/groups?filters[slug]=${group.slug}&fields[0]=slug&populate[region][fields][0]=name`);
    expect(response.body.data[0].region).toMatchObject({ name: region.name.en, locale: 'en', localeFallback: false });
  });
});

describe('filters and sorts on translated fields read the texts the client is served', () => {
  async function titled(locale: string, word: string) {
    const found = await all(`/api/events?locale=${locale}&filters[title][$containsi]=${encodeURIComponent(word)}&fields[0]=slug&fields[1]=title`);
    return new Set(found.map((event) => event.slug as string).filter((slug) => seedEventSlugs.has(slug)));
  }
  const expected = (locale: string, word: string) =>
    new Set(events.filter((event) => served(event.title as Texts, locale).toLowerCase().includes(word)).map((event) => event.slug));

  it('matches French titles where an event has one, and English titles only where it has none', async () => {
    const want = expected('fr', 'call');
    const englishOnly = new Set(events.filter((event) => event.title.en.toLowerCase().includes('call')).map((event) => event.slug));
    // The word is in more English titles than served French ones: the answer tells which text was searched.
    expect(englishOnly.size).toBeGreaterThan(want.size);
    expect(await titled('fr', 'call')).toEqual(want);
    expect(await titled('en', 'call')).toEqual(englishOnly);
  });

  it('finds a word that only the translation holds', async () => {
    const want = expected('fr', 'réunion');
    expect(want.size).toBeGreaterThan(0);
    expect(await titled('fr', 'réunion')).toEqual(want);
    expect(await titled('en', 'réunion')).toEqual(new Set());
  });

  it('applies translated conditions inside $or and on related documents', async () => {
    const region = regions.find((r) => r.slug === 'north-america')!;
    const byRegion = await all(`/api/groups?locale=fr&filters[region][name][$eq]=${encodeURIComponent(region.name.fr!)}&fields[0]=slug`);
    expect(new Set(byRegion.map((g) => g.slug))).toEqual(new Set(groups.filter((g) => g.region === region.slug).map((g) => g.slug)));
    expect(await all(`/api/groups?locale=fr&filters[region][name][$eq]=${encodeURIComponent(region.name.en!)}&fields[0]=slug`)).toEqual([]);

    const either = await all(`/api/regions?locale=fr&filters[$or][0][name][$eq]=Océanie&filters[$or][1][slug][$eq]=europe&fields[0]=slug`);
    expect(either.map((r) => r.slug).sort()).toEqual(['europe', 'oceania']);
  });

  it('sorts by the served texts in the requested language’s order', async () => {
    const only = seedRegionSlugs.map((slug, i) => `filters[slug][$in][${i}]=${slug}`).join('&');
    const names = async (locale: string, order: string) =>
      (await api.get(`/api/regions?locale=${locale}&${only}&sort=name:${order}&fields[0]=name`)).body.data.map((r: { name: string }) => r.name);
    // Worked by hand from the seed's names.
    expect(await names('fr', 'asc')).toEqual([
      'Amérique du Nord', 'Amérique latine et Caraïbes', 'Asie de l’Est et du Sud-Est', 'Asie du Sud', 'Europe', 'Moyen-Orient et Afrique', 'Océanie',
    ]);
    expect(await names('de', 'desc')).toEqual([
      'Südasien', 'Ozeanien', 'Ost- und Südostasien', 'Nordamerika', 'Naher Osten und Afrika', 'Lateinamerika und Karibik', 'Europa',
    ]);
    expect(await names('en', 'asc')).toEqual([
      'East & Southeast Asia', 'Europe', 'Latin America & the Caribbean', 'Middle East & Africa', 'North America', 'Oceania', 'South Asia',
    ]);
  });

  it('pages a translated sort like any other, with Strapi’s pagination meta', async () => {
    const only = seedRegionSlugs.map((slug, i) => `filters[slug][$in][${i}]=${slug}`).join('&');
    const page2 = await api.get(`/api/regions?locale=fr&${only}&sort=name&fields[0]=name&pagination[page]=2&pagination[pageSize]=3`);
    expect(page2.body.data.map((r: { name: string }) => r.name)).toEqual(['Asie du Sud', 'Europe', 'Moyen-Orient et Afrique']);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 3, total: 7 });
    const offset = await api.get(`/api/regions?locale=fr&${only}&sort=name&fields[0]=name&pagination[start]=5&pagination[limit]=5`);
    expect(offset.body.data.map((r: { name: string }) => r.name)).toEqual(['Moyen-Orient et Afrique', 'Océanie']);
    expect(offset.body.meta.pagination).toEqual({ start: 5, limit: 5, total: 7 });
  });

  it('refuses a sort on a translated field of related documents, saying so', async () => {
    const response = await api.get('/api/groups?locale=fr&sort=region.name');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/region\.name is a translated field of related documents/);
  });
});

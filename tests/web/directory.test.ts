import { describe, expect, inject, it } from 'vitest';
import { groups } from '../../cms/src/seed/data';

const web = (path: string) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual' });

function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The count line and the group page links of a directory page. */
async function directory(search: string, locale = 'en') {
  const response = await web(`/${locale}/groups${search}`);
  const html = await response.text();
  const count = /class="count"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const slugs = [...html.matchAll(new RegExp(`href="/${locale}/groups/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]!);
  return { status: response.status, html, count: Number(text(count).replace(/\D/g, '')), slugs };
}

const ORDER = ['active', 'forming', 'dormant', 'archived'];

describe('the group directory', () => {
  it('lists every group, living groups first, then by name', async () => {
    const all = await directory('');
    expect(all.status).toBe(200);
    expect(all.count).toBe(groups.length);
    const expected = [...groups]
      .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((g) => g.slug);
    expect(all.slugs).toEqual(expected.slice(0, 20));
    const second = await directory('?page=2');
    expect(second.slugs).toEqual(expected.slice(20, 40));
  });

  it('filters by country, kind, status, region and exact spoken language, with counts', async () => {
    const cases: [string, (g: (typeof groups)[number]) => boolean][] = [
      ['?country=JP', (g) => g.country === 'JP'],
      ['?kind=working-group', (g) => g.kind === 'working-group'],
      ['?status=dormant', (g) => g.status === 'dormant'],
      ['?region=europe', (g) => g.region === 'europe'],
      ['?language=fr', (g) => g.languages.includes('fr')],
      ['?language=pt-br&kind=user-group', (g) => g.languages.some((l) => l.toLowerCase() === 'pt-br') && g.kind === 'user-group'],
    ];
    for (const [search, match] of cases) {
      const expected = groups.filter(match);
      const result = await directory(search);
      expect(result.count, search).toBe(expected.length);
      expect(new Set(result.slugs), search).toEqual(new Set(expected.slice(0, 20).map((g) => g.slug)));
    }
  });

  it('does not take one language tag for part of another', async () => {
    // `en` must not match `en-GB`-only groups, nor `pt` match `pt-BR`.
    const pt = groups.filter((g) => g.languages.includes('pt'));
    expect((await directory('?language=pt')).count).toBe(pt.length);
  });

  it('searches names, cities and country names in the visitor’s language', async () => {
    const berlin = await directory('?q=berlin');
    expect(berlin.slugs).toContain('berlin-user-group');
    const inGermany = groups.filter((g) => g.country === 'DE').map((g) => g.slug);
    expect(inGermany.length).toBeGreaterThan(0);
    const allemagne = await directory('?q=Allemagne', 'fr');
    for (const slug of inGermany) expect(allemagne.slugs).toContain(slug);
    const japan = await directory(`?q=${encodeURIComponent('日本')}`, 'ja');
    for (const g of groups.filter((g) => g.country === 'JP')) expect(japan.slugs).toContain(g.slug);
  });

  it('labels each card with the group’s kind and, unless it is active, its state, in words', async () => {
    const labels = (html: string) => [...html.matchAll(/class="status-label status-(\w+)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    for (const [status, label] of [['forming', 'En création'], ['dormant', 'En sommeil'], ['archived', 'Archivé']] as const) {
      const result = await directory(`?status=${status}`, 'fr');
      const expected = groups.filter((g) => g.status === status);
      expect(expected.length, status).toBeGreaterThan(0);
      expect(labels(result.html), status).toEqual(expected.map(() => [status, label]));
    }
    const active = await directory('?status=active&kind=working-group', 'fr');
    expect(active.slugs.length).toBeGreaterThan(0);
    expect(labels(active.html)).toEqual([]);
    expect(text(active.html)).toContain('Groupe de travail');

    const region = await web('/de/regions/north-america');
    const regionLabels = labels(await region.text());
    expect(regionLabels).toContainEqual(['archived', 'Archiviert']);
  });

  it('keeps the filters in the form and in the page links', async () => {
    const result = await directory('?kind=user-group&q=user');
    expect(result.html).toMatch(/<option value="user-group" selected/);
    expect(result.html).toContain('value="user"');
    expect(result.html).toMatch(/href="\/en\/groups\?q=user&amp;kind=user-group&amp;page=2"/);
  });

  it('sorts by distance with ?near= and shows the distance', async () => {
    const paris = await directory('?near=48.8566,2.3522');
    expect(paris.slugs[0]).toBe('paris-user-group');
    expect(text(paris.html)).toMatch(/0 km away/);
  });

  it('points to starting a group when nothing matches', async () => {
    for (const search of ['?q=nowhere-at-all-xyz', '?language=kl']) {
      const result = await directory(search, 'de');
      expect(result.status).toBe(200);
      expect(result.count).toBe(0);
      expect(result.html).toContain('href="/de/pages/how-to-start-a-group"');
      expect(result.html).toContain('href="/de/start-a-group"');
    }
  });

  it('ignores bad parameters instead of failing', async () => {
    for (const search of [
      '?country=XX&status=published&kind=%00&language=%27%3B--&region=..%2F..&page=-1&near=999,999',
      '?q=%25%5F%5C&page=1e9',
      '?q=' + 'x'.repeat(5000),
      '?filters[state][$eq]=active&sort=name&pagination[pageSize]=1000',
      '?near=1,2,3&page=2.5',
    ]) {
      const response = await web(`/fr/groups${search}`);
      expect(response.status, search).toBeLessThan(500);
    }
    expect((await directory('?country=XX&status=nope')).count).toBe(groups.length);
  });
});

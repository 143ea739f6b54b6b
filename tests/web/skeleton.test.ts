import { describe, expect, inject, it } from 'vitest';
import { groups } from '../../cms/src/seed/data';
import { api } from '../api/client';

const web = (path: string, init?: RequestInit) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual', ...init });

function decode(html: string) {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const seedBySlug = new Map(groups.map((g) => [g.slug, g]));

const STATUS_ORDER = ['active', 'forming', 'dormant', 'archived'];

/** The first page of the directory (twenty groups): active groups first, then forming, dormant, archived; by name within each. */
async function firstPage(locale: string) {
  const response = await api.get(`/api/groups?locale=${locale}&sort[0]=name:asc&pagination[pageSize]=100&fields[0]=slug&fields[1]=name&fields[2]=state`);
  const all = response.body.data as { slug: string; name: string; state: string }[];
  return all.sort((a, b) => STATUS_ORDER.indexOf(a.state) - STATUS_ORDER.indexOf(b.state)).slice(0, 20);
}

describe('the web skeleton', () => {
  it('renders the group directory from the CMS in French and in German, marking fallbacks', async () => {
    for (const locale of ['fr', 'de'] as const) {
      const response = await web(`/${locale}/groups`);
      expect(response.status).toBe(200);
      const html = decode(await response.text());
      expect(html).toContain(`<html lang="${locale}"`);
      const listed = (await firstPage(locale)).map((g) => seedBySlug.get(g.slug)!);
      const translated = listed.filter((g) => g.summary[locale]);
      const untranslated = listed.filter((g) => !g.summary[locale]);
      expect(translated.length, `groups on the first page with a ${locale} summary`).toBeGreaterThan(0);
      for (const group of translated) expect(html).toContain(group.summary[locale]);
      for (const group of untranslated) expect(html).toContain(group.summary.en);
      if (untranslated.length) expect(html).toMatch(/lang="en"/);
    }
  });

  it('shows groups and upcoming events on the home page, with language alternates', async () => {
    const response = await web('/fr');
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    // The home page shows the groups whose events happened most recently.
    expect(html).toMatch(/<a href="\/fr\/groups\/[a-z0-9-]+">/);
    for (const locale of ['en', 'de', 'pt-BR', 'zh-Hans', 'ar']) expect(html).toContain(`hreflang="${locale}"`);
  });

  it('sends / to the visitor’s language: cookie first, then the browser, then English', async () => {
    expect((await web('/', { headers: { 'accept-language': 'ja,en;q=0.5' } })).headers.get('location')).toBe('/ja');
    expect((await web('/', { headers: { 'accept-language': 'pt-BR' } })).headers.get('location')).toBe('/pt-BR');
    expect((await web('/', { headers: { 'accept-language': 'ja', cookie: 'locale=es' } })).headers.get('location')).toBe('/es');
    expect((await web('/', { headers: { 'accept-language': 'sw' } })).headers.get('location')).toBe('/en');
    for (const header of ['ar-EG,ar;q=0.9,en;q=0.8', 'ar-MA', 'ar']) {
      expect((await web('/', { headers: { 'accept-language': header } })).headers.get('location'), header).toBe('/ar');
    }
  });

  it('serves Arabic right to left, its Atom feed named in Arabic, and the Arabic demo texts', async () => {
    const home = decode(await (await web('/ar')).text());
    expect(home).toContain('<html lang="ar" dir="rtl"');
    expect(home).toContain('title="نشاط المجتمع (Atom)"');
    expect(home).toContain('<a href="/ar" hreflang="ar" lang="ar" aria-current="true">العربية</a>');
    const french = decode(await (await web('/fr')).text());
    expect(french).toContain('<html lang="fr" dir="ltr"');
    expect(french).toContain('<a href="/ar" hreflang="ar" lang="ar" dir="rtl">العربية</a>');

    const cairo = groups.find((g) => g.slug === 'cairo-user-group')!;
    const page = decode(await (await web(`/ar/groups/${cairo.slug}`)).text());
    expect(page).toContain(`<span lang="ar">${cairo.summary.ar}</span>`);
    expect(page).toContain('الاشتراك في التقويم');
    // A group without Arabic texts shows its English ones, marked as English and left to right.
    const paris = decode(await (await web('/ar/groups/paris-user-group')).text());
    expect(paris).toContain(`<span lang="en" dir="ltr">${groups.find((g) => g.slug === 'paris-user-group')!.summary.en}</span>`);
  });

  it('answers an unknown language prefix with a 404', async () => {
    expect((await web('/xx/groups')).status).toBe(404);
  });
});

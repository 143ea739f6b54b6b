import { describe, expect, inject, it } from 'vitest';
import { groups } from '../../cms/src/seed/data';

const web = (path: string, init?: RequestInit) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual', ...init });

/** Groups in the order the directory lists them (by name). */
const byName = [...groups].sort((a, b) => a.name.localeCompare(b.name, 'en'));

function decode(html: string) {
  return html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('the web skeleton', () => {
  it('renders the group directory from the CMS in French and in German', async () => {
    for (const locale of ['fr', 'de'] as const) {
      const response = await web(`/${locale}/groups`);
      expect(response.status).toBe(200);
      const html = decode(await response.text());
      expect(html).toContain(`<html lang="${locale}"`);
      const translated = byName.slice(0, 25).find((g) => g.summary[locale]);
      expect(translated, `a group on the first page has a ${locale} summary`).toBeTruthy();
      expect(html).toContain(translated!.summary[locale]);
      const untranslated = byName.slice(0, 25).find((g) => !g.summary[locale]);
      if (untranslated) expect(html).toContain(untranslated.summary.en);
    }
  });

  it('shows groups and upcoming events on the home page', async () => {
    const response = await web('/fr');
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain(byName[0]!.name);
    expect(html).toMatch(/hreflang="de"/);
  });

  it('sends / to the visitor’s language: cookie first, then the browser, then English', async () => {
    expect((await web('/', { headers: { 'accept-language': 'ja,en;q=0.5' } })).headers.get('location')).toBe('/ja');
    expect((await web('/', { headers: { 'accept-language': 'pt-BR' } })).headers.get('location')).toBe('/pt-BR');
    expect((await web('/', { headers: { 'accept-language': 'ja', cookie: 'locale=es' } })).headers.get('location')).toBe('/es');
    expect((await web('/', { headers: { 'accept-language': 'sw' } })).headers.get('location')).toBe('/en');
  });

  it('answers an unknown language prefix with a 404', async () => {
    expect((await web('/xx/groups')).status).toBe(404);
  });
});

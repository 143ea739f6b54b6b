import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@chapterhouse/config';
import { events, groups, pages } from '../../cms/src/seed/data';
import { admin, api } from './client';

const withFrench = groups.find((g) => g.summary.fr)!;
const withoutFrench = groups.find((g) => !g.summary.fr)!;
const brazilian = groups.find((g) => g.summary['pt-BR'])!;

async function groupIn(locale: string, slug: string) {
  const response = await api.get(`/api/groups?locale=${locale}&filters[slug][$eq]=${slug}&fields[0]=summary&fields[1]=name`);
  expect(response.status).toBe(200);
  return { item: response.body.data[0], meta: response.body.meta };
}

describe('content in the requested locale, with the fallback chain', () => {
  it('serves French where it exists and marked English where it does not', async () => {
    const french = await groupIn('fr', withFrench.slug);
    expect(french.item).toMatchObject({ summary: withFrench.summary.fr, locale: 'fr', localeFallback: false });
    const fallback = await groupIn('fr', withoutFrench.slug);
    expect(fallback.item).toMatchObject({ summary: withoutFrench.summary.en, locale: 'en', localeFallback: true });
    expect(french.meta.locale).toEqual({ requested: 'fr', chain: ['fr', 'en'] });
  });

  it('lists every group in every locale: a language never hides content', async () => {
    const totals = new Set<number>();
    for (const locale of LOCALE_CODES) {
      const response = await api.get(`/api/groups?locale=${locale}&fields[0]=slug&pagination[pageSize]=1`);
      totals.add(response.body.meta.pagination.total);
    }
    expect(totals.size).toBe(1);
    expect([...totals][0]).toBeGreaterThanOrEqual(groups.length);
  });

  it('walks regional tags down to their language (fr-CA → fr, pt-PT → pt-BR) and unknown ones to English', async () => {
    expect((await groupIn('fr-CA', withFrench.slug)).item).toMatchObject({ summary: withFrench.summary.fr, locale: 'fr', localeFallback: true });
    expect((await groupIn('pt-BR', brazilian.slug)).item).toMatchObject({ summary: brazilian.summary['pt-BR'], locale: 'pt-BR' });
    expect((await groupIn('pt-PT', brazilian.slug)).item).toMatchObject({ locale: 'pt-BR', localeFallback: true });
    const swahili = await groupIn('sw', withFrench.slug);
    expect(swahili.item).toMatchObject({ summary: withFrench.summary.en, locale: 'en', localeFallback: true });
    expect(swahili.meta.locale).toEqual({ requested: 'sw', chain: ['en'] });
  });

  it('serves Arabic to the Arabic of any country, and English where Arabic is missing', async () => {
    const cairo = groups.find((g) => g.slug === 'cairo-user-group')!;
    const untranslated = groups.find((g) => !g.summary.ar)!;
    expect(cairo.summary.ar).toBeDefined();
    for (const tag of ['ar', 'ar-EG', 'ar-MA']) {
      const { item, meta } = await groupIn(tag, cairo.slug);
      expect(item, tag).toMatchObject({ summary: cairo.summary.ar, locale: 'ar', localeFallback: tag !== 'ar' });
      expect(meta.locale, tag).toEqual({ requested: tag, chain: ['ar', 'en'] });
    }
    expect((await groupIn('ar', untranslated.slug)).item).toMatchObject({ summary: untranslated.summary.en, locale: 'en', localeFallback: true });
  });

  it('gives editors a content locale for every language of the portal, Arabic included, English by default', async () => {
    const response = await admin.get<{ code: string; isDefault: boolean }[]>('/i18n/locales');
    expect(response.status, response.text).toBe(200);
    expect(response.body.map((l) => l.code).sort()).toEqual([...LOCALE_CODES].sort());
    expect(response.body.find((l) => l.isDefault)?.code).toBe('en');
    expect(LOCALE_CODES).toContain('ar');
  });

  it('falls back on a single document too', async () => {
    const { item } = await groupIn('en', withoutFrench.slug);
    const one = await api.get(`/api/groups/${item.documentId}?locale=fr&fields[0]=summary`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ summary: withoutFrench.summary.en, locale: 'en', localeFallback: true });
  });

  it('refuses a malformed locale with a 400', async () => {
    for (const bad of ['../etc', 'fr,de', '*', 'x']) {
      const response = await api.get(`/api/groups?locale=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.error.message).toMatch(/locale/);
    }
  });

  it('translates events and pages, keeping their relations', async () => {
    const event = events.find((e) => Object.keys(e.title).length > 1)!;
    const locale = Object.keys(event.title).find((l) => l !== 'en')!;
    const response = await api.get(`/api/events?locale=${locale}&filters[slug][$eq]=${event.slug}&populate[group][fields][0]=slug`);
    expect(response.body.data[0]).toMatchObject({ title: (event.title as Record<string, string>)[locale], locale, group: { slug: event.group } });

    const page = pages.find((p) => p.slug === 'how-to-start-a-group')!;
    for (const code of LOCALE_CODES) {
      const pageResponse = await api.get(`/api/pages?locale=${code}&filters[slug][$eq]=${page.slug}`);
      const expected = (page.title as Record<string, string>)[code] ?? page.title.en;
      expect(pageResponse.body.data[0].title, code).toBe(expected);
    }
  });
});

import { describe, expect, inject, it } from 'vitest';
import { groups, pages, regions } from '../../cms/src/seed/data';
import { editor } from '../api/client';

const web = (path: string, init?: RequestInit) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual', ...init });

function decode(html: string) {
  return html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('a group page', () => {
  const paris = groups.find((g) => g.slug === 'paris-user-group')!;

  it('shows the description in the visitor’s language, with its facts and links', async () => {
    const response = await web('/fr/groups/paris-user-group');
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain('<h1>Paris User Group</h1>');
    expect(html).toContain('<a href="https://discuss.example.org/c/groups/paris-user-group">notre forum</a>');
    expect(html).toContain('href="/fr/map?group=paris-user-group"');
    expect(html).toContain('français');
    expect(html).toContain('<link rel="canonical"');
    expect(html).toContain('property="og:title" content="Paris User Group"');
    for (const resource of paris.resources) expect(html).toContain(resource.url);
    expect(html).not.toContain('fallback-badge');
  });

  it('labels a description shown in another language', async () => {
    expect(paris.description.ja).toBeUndefined();
    const html = decode(await (await web('/ja/groups/paris-user-group')).text());
    expect(html).toContain('fallback-badge');
    expect(html).toContain('lang="en"');
    expect(html).toContain(paris.summary.en);
  });

  it('shows working-group details', async () => {
    const wg = groups.find((g) => g.workingGroup?.chairs.length)!;
    const html = decode(await (await web(`/en/groups/${wg.slug}`)).text());
    for (const chair of wg.workingGroup!.chairs) expect(html).toContain(chair.name);
    const listing = decode(await (await web('/de/working-groups')).text());
    for (const g of groups.filter((g) => g.kind === 'working-group')) expect(listing).toContain(g.name);
  });
});

describe('regions and editors’ pages', () => {
  it('lists a region’s groups and contacts', async () => {
    const region = regions.find((r) => r.contacts.length)!;
    const response = await web(`/de/regions/${region.slug}`);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    for (const contact of region.contacts) expect(html).toContain(contact.name);
    for (const g of groups.filter((g) => g.region === region.slug)) expect(html).toContain(`/de/groups/${g.slug}`);
  });

  it('renders a page with its downloads', async () => {
    const brand = pages.find((p) => p.attachments?.length)!;
    const html = decode(await (await web(`/fr/pages/${brand.slug}`)).text());
    expect(html).toContain(brand.title.fr ?? brand.title.en);
    for (const file of brand.attachments!) expect(html).toMatch(new RegExp(`download="${file.replace('.', '\\.')}"`));
  });

  it('answers unknown groups, pages and regions with a localized 404', async () => {
    for (const path of ['/fr/groups/no-such-group', '/fr/pages/no-such-page', '/fr/regions/no-such-region']) {
      const response = await web(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('Page introuvable');
    }
  });
});

describe('search engines', () => {
  it('get a sitemap with every group in every locale and a robots.txt pointing at it', async () => {
    const sitemap = await (await web('/sitemap.xml')).text();
    for (const locale of ['en', 'fr', 'pt-BR', 'zh-Hans']) {
      for (const g of groups) expect(sitemap).toContain(`${inject('webUrl')}/${locale}/groups/${g.slug}</loc>`);
    }
    expect(sitemap).toContain('hreflang="ja"');
    const robots = await (await web('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${inject('webUrl')}/sitemap.xml`);
  });
});

describe('the start-a-group form', () => {
  const application = {
    proposedName: 'Web Form Test Group',
    city: 'Nairobi',
    country: 'KE',
    languages: 'sw',
    contactName: 'Wanjiru Test',
    contactEmail: 'wanjiru.webform@example.org',
    message: 'Sent through the web form by the cross-package tests, please ignore.',
  };

  async function openForm() {
    const html = await (await web('/en/start-a-group')).text();
    const stamp = /name="stamp" value="([^"]+)"/.exec(html)?.[1];
    expect(stamp).toBeTruthy();
    return stamp!;
  }

  function post(fields: Record<string, string>) {
    return web('/en/start-a-group', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: inject('webUrl') },
      body: new URLSearchParams(fields).toString(),
    });
  }

  const stored = async (name: string) =>
    (await editor.list('api::group-application.group-application', `filters[proposedName][$eq]=${encodeURIComponent(name)}`)).body
      .pagination.total as number;

  it('refuses a filled-in honeypot and a submission faster than a person', async () => {
    const stamp = await openForm();
    const trap = await post({ ...application, proposedName: 'Honeypot Test Group', stamp, website: 'https://spam.example' });
    expect(trap.status).toBe(400);
    const quick = await post({ ...application, proposedName: 'Too Fast Test Group', stamp });
    expect(quick.status).toBe(400);
    expect(await quick.text()).toContain('That was very quick');
    const forged = await post({ ...application, proposedName: 'Forged Stamp Test Group', stamp: '1.abc' });
    expect(forged.status).toBe(400);
    expect(await stored('Honeypot Test Group')).toBe(0);
    expect(await stored('Too Fast Test Group')).toBe(0);
    expect(await stored('Forged Stamp Test Group')).toBe(0);
  });

  it('shows field errors next to the fields', async () => {
    const stamp = await openForm();
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const response = await post({ ...application, contactEmail: 'not-an-email', message: 'short', stamp });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="contactEmail-error"');
    expect(html).toContain('id="message-error"');
    expect(html).toContain('value="Web Form Test Group"');
  });

  it('stores a valid application and thanks the visitor', async () => {
    const stamp = await openForm();
    // The form refuses answers sent sooner than a person could type them.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const response = await post({ ...application, stamp });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Thank you!');
    const list = await editor.list(
      'api::group-application.group-application',
      `filters[proposedName][$eq]=${encodeURIComponent(application.proposedName)}`,
    );
    expect(list.body.results[0]).toMatchObject({ contactEmail: application.contactEmail, country: 'KE', languages: ['sw'], state: 'new' });
  });
});

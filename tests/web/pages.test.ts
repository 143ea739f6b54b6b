import { afterAll, describe, expect, inject, it } from 'vitest';
import { groups, pages, people, regions } from '../../cms/src/seed/data';
import { admin, editor, requestFrom } from '../api/client';

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
    expect(html).toContain('<h1><bdi>Paris User Group</bdi></h1>');
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

  it('names the coordinators by their public names only', async () => {
    const displayName = new Map(people.map((p) => [p.username, p.displayName]));
    const html = decode(await (await web('/fr/groups/paris-user-group')).text());
    expect(html).toContain('<h2 id="coordinators-heading">Coordinateurs</h2>');
    expect(html).toContain(`<li><bdi>${displayName.get('camille.durand')}</bdi></li>`);
    expect(html).not.toContain('camille.durand');

    const pair = groups.find((g) => g.coordinators.length === 2)!;
    const twice = decode(await (await web(`/ja/groups/${pair.slug}`)).text());
    const section = /id="coordinators-heading">([^<]*)<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(twice);
    expect(section?.[1]).toBe('コーディネーター');
    expect([...section![2]!.matchAll(/<li><bdi>([^<]*)<\/bdi><\/li>/g)].map((m) => m[1])).toEqual(pair.coordinators.map((u) => displayName.get(u)));
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
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it('get a sitemap index whose parts list every page in every locale, and a robots.txt pointing at it', async () => {
    const origin = inject('webUrl');
    const response = await web('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const index = await response.text();
    expect(index).toContain('<sitemapindex');
    const parts = locs(index);
    expect(parts).toEqual([`${origin}/sitemap/pages.xml`, `${origin}/sitemap/groups-1.xml`, `${origin}/sitemap/events-1.xml`]);
    expect(index.match(/<lastmod>/g)).toHaveLength(parts.length);

    const listed = new Set<string>();
    for (const part of parts) {
      const answer = await fetch(part);
      expect(answer.status, part).toBe(200);
      const xml = await answer.text();
      expect(xml, part).toContain('<urlset');
      expect(xml, part).toContain('hreflang="ja"');
      expect(xml, part).toContain('hreflang="ar"');
      for (const loc of locs(xml)) listed.add(loc);
    }
    for (const locale of ['en', 'fr', 'pt-BR', 'zh-Hans', 'ar']) {
      for (const g of groups) expect(listed.has(`${origin}/${locale}/groups/${g.slug}`), `${locale} ${g.slug}`).toBe(true);
      for (const p of pages) expect(listed.has(`${origin}/${locale}/pages/${p.slug}`), `${locale} ${p.slug}`).toBe(true);
      for (const r of regions) expect(listed.has(`${origin}/${locale}/regions/${r.slug}`), `${locale} ${r.slug}`).toBe(true);
      expect(listed.has(`${origin}/${locale}/groups`)).toBe(true);
    }

    const robots = await (await web('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  it('may revalidate the index and its parts, and get a 404 for a part that does not exist', async () => {
    for (const path of ['/sitemap.xml', '/sitemap/groups-1.xml']) {
      const first = await web(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      expect(first.headers.get('cache-control'), path).toContain('public');
      const again = await web(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
    for (const path of ['/sitemap/groups-9.xml', '/sitemap/everything.xml']) expect((await web(path)).status, path).toBe(404);
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

  describe('its rate limit', () => {
    const limit = Number(inject('cmsEnv').GROUP_APPLICATION_LIMIT);
    const names: string[] = [];

    /** A POST sent from the given loopback address, as a visitor at that address would. */
    const postFrom = (localAddress: string, url: string, headers: Record<string, string>, body: string) => requestFrom(localAddress, 'POST', url, headers, body);

    const viaWeb = (visitor: string, stamp: string, proposedName: string) => {
      names.push(proposedName);
      return postFrom(
        visitor,
        `${inject('webUrl')}/en/start-a-group`,
        { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: inject('webUrl') },
        new URLSearchParams({ ...application, proposedName, stamp }).toString(),
      );
    };

    afterAll(async () => {
      // These applications came from other addresses; the API's flood test counts the ones left.
      for (const name of names) {
        const found = await editor.list('api::group-application.group-application', `filters[proposedName][$eq]=${encodeURIComponent(name)}`);
        for (const { documentId } of found.body.results ?? []) {
          await admin.send('DELETE', `/content-manager/collection-types/api::group-application.group-application/${documentId}`);
        }
      }
    });

    it('counts each visitor of the website on their own', async () => {
      // One stamp per form shown: the CMS takes one application per stamp.
      const stamps: string[] = [];
      for (let i = 0; i < limit + 2; i++) stamps.push(await openForm());
      await new Promise((resolve) => setTimeout(resolve, 3200));
      for (let i = 1; i <= limit; i++) {
        const sent = await viaWeb('127.0.0.2', stamps[i - 1]!, `First Visitor Group ${i}`);
        expect(sent.status, `application ${i}`).toBe(200);
        expect(sent.text).toContain('Thank you!');
      }
      const refused = await viaWeb('127.0.0.2', stamps[limit]!, 'First Visitor Group Again');
      expect(refused.status).toBe(429);
      expect(await stored('First Visitor Group Again')).toBe(0);

      const other = await viaWeb('127.0.0.3', stamps[limit + 1]!, 'Second Visitor Group');
      expect(other.status).toBe(200);
      expect(other.text).toContain('Thank you!');
      expect(await stored('Second Visitor Group')).toBe(1);
    });

    it('takes one application per form, however often it is sent', async () => {
      const stamp = await openForm();
      await new Promise((resolve) => setTimeout(resolve, 3200));
      for (let i = 0; i < 3; i++) {
        const sent = await viaWeb('127.0.0.5', stamp, 'Twice Sent Group');
        expect(sent.status).toBe(200);
        expect(sent.text).toContain('Thank you!');
      }
      expect(await stored('Twice Sent Group')).toBe(1);
    });

    it('cannot be dodged by telling the CMS another address', async () => {
      const direct = (i: number, forged: string) => {
        const proposedName = `Forged Address Group ${i}`;
        names.push(proposedName);
        return postFrom(
          '127.0.0.4',
          `${inject('cmsUrl')}/api/group-applications`,
          { 'content-type': 'application/json', 'x-visitor-address': forged, 'x-forwarded-for': `198.51.100.${i}` },
          JSON.stringify({ data: { ...application, proposedName, languages: ['sw'] } }),
        );
      };
      const now = Math.floor(Date.now() / 1000);
      for (let i = 1; i <= limit; i++) {
        const forged = i % 2 ? `198.51.100.${i}` : `198.51.100.${i};${now};${'x'.repeat(43)}`;
        expect((await direct(i, forged)).status, `application ${i}`).toBe(201);
      }
      const refused = await direct(limit + 1, `198.51.100.${limit + 1};${now};${'y'.repeat(43)}`);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('try again');
    });
  });
});

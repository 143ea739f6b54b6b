import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { admin, editor } from '../api/client';
import { accessibilityViolations, closeBrowser, openBrowser, openMap, screenshot, scrollsSideways, webUrl } from './browser';

/** Text as read, without the invisible marks that isolate names and numbers inside right-to-left sentences. */
const visible = (text: string | null) => (text ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');

/** Every page type of the site, in Arabic. */
const PAGES = [
  { name: 'home', path: '' },
  { name: 'groups', path: '/groups' },
  { name: 'groups-none', path: '/groups?q=zzzzzz' },
  { name: 'group', path: '/groups/cairo-user-group' },
  { name: 'group-fallback', path: '/groups/paris-user-group' },
  { name: 'working-group', path: '/groups/localization-working-group' },
  { name: 'working-groups', path: '/working-groups' },
  { name: 'region', path: '/regions/middle-east-and-africa' },
  { name: 'page', path: '/pages/brand-assets' },
  { name: 'start-a-group', path: '/start-a-group' },
  { name: 'events', path: '/events' },
  { name: 'events-month', path: '/events?view=month' },
  { name: 'event', path: '/events/cairo-user-group-student-workshop' },
  { name: 'map', path: '/map' },
  { name: 'not-found', path: '/groups/no-such-group-anywhere', status: 404 },
];

async function open(context: BrowserContext, name: string, path: string, status = 200): Promise<Page> {
  if (name === 'map') return openMap(context, `/ar${path}`);
  const page = await context.newPage();
  const response = await page.goto(webUrl(`/ar${path}`));
  expect(response?.status()).toBe(status);
  return page;
}

/** Where the site header's parts sit on the screen: its content box, the home link and the main navigation's links. */
function headerLayout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const wrap = document.querySelector('.site-header .wrap')!;
    const style = getComputedStyle(wrap);
    const outer = wrap.getBoundingClientRect();
    return {
      contentLeft: outer.left + parseFloat(style.paddingLeft),
      contentRight: outer.right - parseFloat(style.paddingRight),
      home: box(document.querySelector('.site-name a')!),
      links: Array.from(document.querySelectorAll('nav.site-nav a')).map(box),
    };
  });
}

/** The main navigation runs from the right: the bar starts at the right edge, and each link sits left of the one before it on its row. */
async function expectNavigationFromTheRight(page: Page) {
  const layout = await headerLayout(page);
  expect(layout.links.length).toBe(4);
  expect(Math.abs(layout.contentRight - layout.home.right)).toBeLessThanOrEqual(1);
  layout.links.forEach((link, i) => {
    const before = layout.links[i - 1];
    if (before && Math.abs(before.top - link.top) < 2) expect(link.right, `link ${i + 1}`).toBeLessThan(before.left);
  });
  // On a row of its own (a phone), the navigation starts at the right edge; beside the home link, it stays left of it.
  const [first] = layout.links;
  if (first!.top >= layout.home.bottom) expect(Math.abs(layout.contentRight - first!.right)).toBeLessThanOrEqual(1);
  else for (const link of layout.links) expect(link.right).toBeLessThan(layout.home.left);
}

describe('Arabic, right to left, in a real browser', () => {
  let desktop: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    desktop = await openBrowser({ locale: 'ar-EG', timezoneId: 'Africa/Cairo' });
    phone = await openBrowser({ width: 390, height: 844, locale: 'ar-MA', timezoneId: 'Africa/Casablanca' });
  });

  afterAll(async () => {
    await closeBrowser(desktop);
    await closeBrowser(phone);
  });

  for (const { name, path, status } of PAGES) {
    it(`${name}: lang="ar", dir="rtl", no accessibility violations, navigation from the right`, async () => {
      const page = await open(desktop, name, path, status);
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl');
      expect(await accessibilityViolations(page)).toEqual([]);
      await expectNavigationFromTheRight(page);
      await screenshot(page, `${name}-ar-desktop`);
      await page.close();
    });

    it(`${name}: fits a phone screen, navigation from the right`, async () => {
      const page = await open(phone, name, path, status);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await scrollsSideways(page)).toBe(false);
      await expectNavigationFromTheRight(page);
      await screenshot(page, `${name}-ar-phone`);
      await page.close();
    });
  }

  it('runs left to right in French, where the same checks would fail', async () => {
    const page = await phone.newPage();
    await page.goto(webUrl('/fr/groups'));
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const layout = await headerLayout(page);
    expect(Math.abs(layout.home.left - layout.contentLeft)).toBeLessThanOrEqual(1);
    expect(layout.links[1]!.left).toBeGreaterThan(layout.links[0]!.right);
    await page.close();
  });

  it('switches direction with the language, also when the browser navigates by itself', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/fr/groups'));
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL('**/ar/groups');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/groups');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.close();
  });

  it('marks English text on an Arabic page as English, left to right, with a fallback mark in Arabic', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/ar/groups/paris-user-group'));
    const summary = page.locator('.page-header .lead > span[lang="en"]');
    expect(await summary.getAttribute('dir')).toBe('ltr');
    expect(await summary.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(visible(await page.locator('.page-header .fallback-badge').textContent())).toContain('باللغة الإنجليزية');
    // The Cairo group has its Arabic texts: no mark, no change of direction.
    await page.goto(webUrl('/ar/groups/cairo-user-group'));
    expect(await page.locator('.page-header .fallback-badge').count()).toBe(0);
    expect(await page.locator('.page-header .lead > span').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.page-header .lead > span').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.close();
  });

  it('turns the pages’ arrows to point the way Arabic reads: "previous" to the right', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/ar/groups?page=2'));
    const previous = page.locator('.pagination a[rel="prev"]');
    const next = page.locator('.pagination a[rel="next"]');
    expect((await previous.boundingBox())!.x).toBeGreaterThan((await next.boundingBox())!.x);
    // Each arrow stands at its link's outer end and is mirrored: "←" shows as "→" beside "previous".
    const box = async (locator: typeof previous) => (await locator.boundingBox())!;
    const [prevLink, prevArrow, nextLink, nextArrow] = await Promise.all([
      box(previous),
      box(previous.locator('.pointing')),
      box(next),
      box(next.locator('.pointing')),
    ]);
    expect(Math.abs(prevLink.x + prevLink.width - (prevArrow.x + prevArrow.width))).toBeLessThanOrEqual(1);
    expect(Math.abs(nextLink.x - nextArrow.x)).toBeLessThanOrEqual(1);
    for (const arrow of [previous, next]) {
      expect(await arrow.locator('.pointing').evaluate((el) => getComputedStyle(el).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    }
    await page.close();
  });

  it('starts the month’s weeks on Saturday and runs them right to left, the previous month to the right', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/ar/events?view=month&month=2027-01'));
    const headers = await page.locator('table.month-calendar thead th').evaluateAll((cells) =>
      cells.map((cell) => ({ name: cell.getAttribute('abbr'), left: cell.getBoundingClientRect().left })),
    );
    // Intl's own Arabic weekday names, Saturday first.
    const names = [6, 0, 1, 2, 3, 4, 5].map((day) => new Intl.DateTimeFormat('ar', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + day, 12))));
    expect(headers.map((h) => h.name)).toEqual(names);
    headers.forEach((h, i) => i && expect(h.left, h.name!).toBeLessThan(headers[i - 1]!.left));
    // 1 January 2027 is a Friday: the last cell of the first week, at the left.
    const firstWeek = await page.locator('table.month-calendar tbody tr').first().locator('td').evaluateAll((cells) => cells.map((cell) => cell.querySelector('time')?.getAttribute('datetime') ?? null));
    expect(firstWeek).toEqual([null, null, null, null, null, null, '2027-01-01']);
    const previous = (await page.locator('.month-nav a[rel="prev"]').boundingBox())!;
    const next = (await page.locator('.month-nav a[rel="next"]').boundingBox())!;
    expect(previous.x).toBeGreaterThan(next.x);
    await page.close();
  });

  it('puts the map’s controls and popups right to left', async () => {
    const page = await openMap(desktop, '/ar/map?group=cairo-user-group');
    const map = (await page.locator('.group-map').boundingBox())!;
    const zoom = (await page.locator('.leaflet-control-zoom').boundingBox())!;
    const attribution = (await page.locator('.leaflet-control-attribution').boundingBox())!;
    expect(map.x + map.width - (zoom.x + zoom.width)).toBeLessThan(20);
    expect(zoom.y - map.y).toBeLessThan(20);
    expect(attribution.x - map.x).toBeLessThan(5);
    expect(map.y + map.height - (attribution.y + attribution.height)).toBeLessThan(5);
    expect(await page.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('تكبير');

    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    const content = (await popup.locator('.leaflet-popup-content').boundingBox())!;
    const close = (await popup.locator('.leaflet-popup-close-button').boundingBox())!;
    expect(close.x + close.width / 2).toBeLessThan(content.x + content.width / 2);
    expect(await popup.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('إغلاق');
    expect(await popup.locator('.leaflet-popup-content').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await popup.textContent()).toContain('مجموعة مستخدمين');
    expect(await popup.textContent()).toContain('مصر');
    const link = popup.getByRole('link', { name: 'Cairo User Group' });
    expect(await link.getAttribute('dir')).toBe('auto');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'map-ar-popup');
    await page.close();
  });

  it('shows times in the event’s zone as Arabic names it, and the visitor’s own', async () => {
    const dubai = await openBrowser({ locale: 'ar-AE', timezoneId: 'Asia/Dubai' });
    const page = await dubai.newPage();
    await page.goto(webUrl('/ar/events/cairo-user-group-student-workshop'));
    const when = page.locator('.event-when');
    // CLDR's Arabic names of the zones: Eastern Europe for the event in Cairo, the Gulf for a visitor in Dubai.
    expect(visible(await when.locator('time').textContent())).toContain('(توقيت شرق أوروبا)');
    await expect.poll(() => when.locator('.viewer-time').count()).toBe(1);
    expect(visible(await when.locator('.viewer-time').textContent())).toMatch(/^بتوقيتك: .*\(توقيت الخليج\)$/);
    expect(visible(await page.locator('main').textContent())).not.toMatch(/Africa|Asia|_/);
    await closeBrowser(dubai);
  });

  describe('a Latin group name inside an Arabic sentence', () => {
    // Its last characters are neutral: in a right-to-left sentence they would leave the name for its left end.
    const NAME = 'Cairo C++';
    const TITLE = 'Bidi isolation check';
    const created: [string, string][] = [];

    afterAll(async () => {
      for (const [uid, documentId] of created.reverse()) {
        await admin.send('DELETE', `/content-manager/collection-types/${uid}/${documentId}?locale=en`);
      }
    });

    it('keeps its own order, the characters at its ends included', async () => {
      const group = await editor.create('api::group.group', {
        name: NAME,
        slug: 'cairo-cpp',
        kind: 'user-group',
        state: 'active',
        country: 'EG',
        city: 'Cairo',
        languages: ['ar'],
        timezone: 'Africa/Cairo',
        contactEmail: 'cairo-cpp@example.org',
      });
      expect(group.status, group.text).toBe(201);
      created.push(['api::group.group', group.body.data.documentId]);
      expect((await editor.publish('api::group.group', group.body.data.documentId)).status).toBe(200);
      const start = new Date(Date.now() + 3 * 86_400_000);
      const event = await editor.create('api::event.event', {
        title: TITLE,
        slug: 'bidi-isolation-check',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        timezone: 'Africa/Cairo',
        format: 'online',
        type: 'call',
        state: 'scheduled',
        group: { connect: [{ documentId: group.body.data.documentId, locale: 'en' }] },
      });
      expect(event.status, event.text).toBe(201);
      created.push(['api::event.event', event.body.data.documentId]);
      expect((await editor.publish('api::event.event', event.body.data.documentId)).status).toBe(200);

      const page = await desktop.newPage();
      const url = webUrl(`/ar/events?q=${encodeURIComponent(TITLE)}`);
      await expect
        .poll(async () => {
          await page.goto(url);
          return page.locator('.event-list p', { hasText: NAME }).count();
        }, { timeout: 10_000, interval: 500 })
        .toBe(1);

      // Each letter's place on the screen: the sentence as shown, and as it would be without isolating the name.
      const measured = await page.locator('.event-list p', { hasText: NAME }).evaluate((p, name) => {
        const measure = (element: Element) => {
          const node = element.firstChild as Text;
          const text = node.data;
          const at = (i: number) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect();
          };
          const start = text.indexOf(name);
          const letters = [...name].map((c, k) => ({ c, rect: at(start + k) })).filter(({ c }) => c !== ' ');
          return {
            text,
            lefts: letters.map(({ rect }) => rect.left),
            nameRight: Math.max(...letters.map(({ rect }) => rect.right)),
            sentenceStart: at(0).left,
          };
        };
        const control = p.cloneNode() as HTMLElement;
        control.textContent = (p.textContent ?? '').replace(/[\u2066-\u2069]/g, '');
        p.after(control);
        const result = { shown: measure(p), plain: measure(control) };
        control.remove();
        return result;
      }, NAME);

      expect(measured.shown.text.startsWith('بتنظيم من')).toBe(true);
      // Letters of the name run left to right, and the Arabic sentence begins to their right.
      expect(measured.shown.lefts).toEqual([...measured.shown.lefts].sort((a, b) => a - b));
      expect(measured.shown.sentenceStart).toBeGreaterThan(measured.shown.nameRight);
      // Without the isolation, the "++" would jump to the far left of the name.
      expect(measured.plain.lefts).not.toEqual([...measured.plain.lefts].sort((a, b) => a - b));
      await screenshot(page, 'latin-name-in-arabic');
      await page.close();
    });
  });
});

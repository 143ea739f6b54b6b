import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { groups } from '../../cms/src/seed/data';
import { accessibilityViolations, closeBrowser, openBrowser, openMap, screenshot, scrollsSideways, webUrl } from './browser';

const PARIS = groups.find((g) => g.slug === 'paris-user-group')!;

/** The text of every script and stylesheet a page loaded. */
async function loadedCode(context: BrowserContext, path: string, ready?: string): Promise<string> {
  const page = await context.newPage();
  const responses: Promise<string>[] = [];
  page.on('response', (response) => {
    if (['script', 'stylesheet'].includes(response.request().resourceType())) responses.push(response.text().catch(() => ''));
  });
  await page.goto(webUrl(path), { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready);
  const code = (await Promise.all(responses)).join('\n');
  await page.close();
  return code;
}

describe('the map in a real browser', () => {
  let desktop: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    desktop = await openBrowser({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    phone = await openBrowser({ width: 390, height: 844, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  });

  afterAll(async () => {
    await closeBrowser(desktop);
    await closeBrowser(phone);
  });

  it('draws the groups in clusters, and a cluster opens up when clicked', async () => {
    const page = await openMap(desktop, '/fr/map');
    const clusters = page.locator('.marker-cluster');
    expect(await clusters.count()).toBeGreaterThan(0);
    const label = await clusters.first().getAttribute('aria-label');
    expect(label).toMatch(/^\d+ groupes? : zoomer$/);
    await screenshot(page, 'map-fr-desktop');

    const cluster = await clusters.first().elementHandle();
    await cluster!.click();
    // The cluster either gives way to its groups (zoom) or fans them out where it stands (spiderfy).
    await page.waitForFunction((el) => !el.isConnected || document.querySelector('.leaflet-cluster-spider-leg'), cluster);
    await page.close();
  });

  it('centres on ?group= and opens its popup, whose link leads to the group page', async () => {
    const page = await openMap(desktop, `/fr/map?group=${PARIS.slug}`);
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    const link = popup.getByRole('link', { name: PARIS.name });
    expect(await link.getAttribute('href')).toBe(`/fr/groups/${PARIS.slug}`);
    expect(await popup.textContent()).toContain('Groupe d’utilisateurs');
    expect(await popup.textContent()).toContain('Paris, France');
    expect(await popup.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('Fermer');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'map-fr-popup');
    await link.click();
    await page.waitForURL(`**/fr/groups/${PARIS.slug}`);
    expect(await page.locator('h1').textContent()).toContain(PARIS.name);
    await page.close();
  });

  it('opens a group from the keyboard: Tab reaches the map, then its groups', async () => {
    const page = await openMap(desktop, '/fr/map');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          map: el?.classList.contains('group-map') ?? false,
          marker: el?.classList.contains('leaflet-marker-icon') ?? false,
          role: el?.getAttribute('role'),
          name: el?.getAttribute('aria-label') ?? el?.getAttribute('alt') ?? '',
        };
      });
    let presses = 0;
    while (!(await focused()).map && presses++ < 40) await page.keyboard.press('Tab');
    expect((await focused()).map).toBe(true);
    expect(await page.locator('.group-map').getAttribute('aria-label')).toBe('Carte des groupes');

    // Zoom in from the keyboard until single groups show, then Tab to one and open it.
    await page.keyboard.press('Tab');
    let target = await focused();
    expect(target.marker).toBe(true);
    expect(target.role).toBe('button');
    expect(target.name).not.toBe('');
    for (let i = 0; i < 10 && target.name.match(/^\d+ groupes? : zoomer$/); i++) {
      const cluster = await page.evaluateHandle(() => document.activeElement!);
      await page.keyboard.press('Enter');
      // Once the zoom has ended, the cluster has given way to the clusters and groups of the next level.
      await page.waitForFunction((el) => !el.isConnected && !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim'), cluster);
      await page.locator('.group-map').focus();
      await page.keyboard.press('Tab');
      target = await focused();
    }
    expect(target.name).not.toMatch(/zoomer$/);
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    expect(await popup.getByRole('link', { name: target.name }).count()).toBe(1);
    await page.close();
  });

  it('lets keyboard users skip the map to the list of groups, which works without JavaScript', async () => {
    const page = await openMap(desktop, '/fr/map');
    await page.getByRole('link', { name: 'Passer la carte : groupes par pays' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('.map-list') && el.getAttribute('href');
    });
    expect(link).toMatch(/^\/fr\/groups\/[\w-]+$/);

    // Without the skip link, Tab still leads through the map and on to the list: no trap.
    await page.locator('.group-map').focus();
    let inList = false;
    for (let presses = 0; !inList && presses < 200; presses++) {
      await page.keyboard.press('Tab');
      inList = await page.evaluate(() => Boolean(document.activeElement?.closest('.map-list a')));
    }
    expect(inList).toBe(true);
    await page.close();

    // Without its scripts the page still lists every group, and says why the map is empty.
    const plain = await desktop.newPage();
    await plain.route('**/*.js', (route) => route.abort());
    await plain.goto(webUrl('/fr/map'));
    expect(await plain.locator(`.map-list a[href="/fr/groups/${PARIS.slug}"]`).count()).toBe(1);
    expect(await plain.locator('.map-status').textContent()).toContain('JavaScript');
    await plain.close();
  });

  it('has no accessibility violations in Japanese and fits a phone screen', async () => {
    const page = await openMap(phone, '/ja/map');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.locator('.marker-cluster').count()).toBeGreaterThan(0);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'map-ja-phone');
    await page.close();
  });

  it('has no accessibility violations in French', async () => {
    const page = await openMap(desktop, '/fr/map');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws 10,000 groups, added in chunks', async () => {
    const page = await desktop.newPage();
    // A pseudo-random but repeatable spread of points over the inhabited latitudes.
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const lat = ((i * 7919) % 12000) / 100 - 55;
      const lng = ((i * 104729) % 36000) / 100 - 180;
      return [`group-${i}`, `Group ${i}`, 'user-group', lat, lng, `City ${i % 500}`, 'FR'];
    });
    await page.route('**/map/points.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ groups: rows }) }));
    await page.goto(webUrl('/fr/map'));
    await page.waitForSelector('.group-map[data-status="ready"]');
    const labels = await page.locator('.marker-cluster').evaluateAll((els) => els.map((el) => Number(el.textContent?.replace(/\D/g, ''))));
    expect(labels.length).toBeGreaterThan(0);
    // Only clusters and a few markers are in the page, not 10,000 elements.
    expect(await page.locator('.leaflet-marker-icon').count()).toBeLessThan(500);
    await screenshot(page, 'map-10000-groups');
    await page.close();
  });

  it('loads Leaflet on the map page only', async () => {
    const home = await loadedCode(desktop, '/fr');
    expect(home).not.toContain('MarkerClusterGroup');
    expect(home).not.toContain('.leaflet-container');
    const map = await loadedCode(desktop, '/fr/map', '.group-map[data-status="ready"]');
    expect(map).toContain('MarkerClusterGroup');
    expect(map).toContain('.leaflet-container');
  });
});

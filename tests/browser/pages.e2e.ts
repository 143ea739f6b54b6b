import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { accessibilityViolations, closeBrowser, openBrowser, screenshot, scrollsSideways, webUrl } from './browser';

/** Every page type, in two locales; each is checked with axe, at phone width, and photographed. */
const PAGES = [
  { name: 'home', path: '' },
  { name: 'groups', path: '/groups' },
  { name: 'groups-filtered', path: '/groups?kind=user-group&q=berlin' },
  { name: 'groups-none', path: '/groups?q=zzzzzz' },
  { name: 'groups-forming', path: '/groups?status=forming' },
  { name: 'group', path: '/groups/paris-user-group' },
  { name: 'working-group', path: '/groups/documentation-working-group' },
  { name: 'working-groups', path: '/working-groups' },
  { name: 'region', path: '/regions/europe' },
  { name: 'page', path: '/pages/brand-assets' },
  { name: 'start-a-group', path: '/start-a-group' },
  { name: 'forgot-password', path: '/forgot-password' },
  { name: 'reset-password', path: '/reset-password?code=0123abcd' },
];

describe('every page in a real browser', () => {
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

  for (const { name, path } of PAGES) {
    for (const locale of ['fr', 'ja']) {
      it(`${name} in ${locale}: no accessibility violations`, async () => {
        const page = await desktop.newPage();
        const response = await page.goto(webUrl(`/${locale}${path}`));
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `${name}-${locale}-desktop`);
        await page.close();
      });
    }

    it(`${name} fits a phone screen`, async () => {
      const page = await phone.newPage();
      await page.goto(webUrl(`/ja${path}`));
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `${name}-ja-phone`);
      await page.close();
    });
  }

  it('keeps the visitor on the same page when switching language', async () => {
    const page = await desktop.newPage();
    await page.goto(webUrl('/fr/groups?page=2'));
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL('**/de/groups?page=2');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.close();
  });

  it('answers an unknown page with a localized 404', async () => {
    const page = await desktop.newPage();
    const response = await page.goto(webUrl('/es/groups/no-such-group-anywhere'));
    expect(response?.status()).toBe(404);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'not-found-es');
    await page.close();
  });
});

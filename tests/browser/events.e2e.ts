import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { events } from '../../cms/src/seed/data';
import { accessibilityViolations, closeBrowser, openBrowser, screenshot, scrollsSideways, webUrl } from './browser';

/** An upcoming one-off event held in Paris time, for comparing the event's zone with the viewer's. */
const parisEvent = events.find((e) => e.timezone === 'Europe/Paris' && e.dayOffset > 1 && !e.recurrence && !e.allDay)!;

describe('events in a real browser', () => {
  let farAway: BrowserContext;
  let local: BrowserContext;

  beforeAll(async () => {
    farAway = await openBrowser({ locale: 'fr-FR', timezoneId: 'America/Los_Angeles' });
    local = await openBrowser({ width: 390, height: 844, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  });

  afterAll(async () => {
    await closeBrowser(farAway);
    await closeBrowser(local);
  });

  it('lists upcoming events accessibly, in French and in Japanese', async () => {
    for (const locale of ['fr', 'ja']) {
      const page = await farAway.newPage();
      expect((await page.goto(webUrl(`/${locale}/events`)))?.status()).toBe(200);
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `events-${locale}-desktop`);
      await page.close();
    }
  });

  it('shows an event in its own time zone and, labelled, in the viewer’s', async () => {
    const page = await farAway.newPage();
    expect((await page.goto(webUrl(`/fr/events/${parisEvent.slug}`)))?.status()).toBe(200);
    await expect.poll(() => page.locator('.viewer-time').count()).toBeGreaterThan(0);
    const viewer = page.locator('.viewer-time').first();
    expect(await viewer.getAttribute('data-viewer-zone')).toBe('America/Los_Angeles');
    // Both zones as French names them (CLDR's generic names).
    expect(await viewer.textContent()).toContain('heure du Pacifique nord-américain');
    expect(await page.locator('main').textContent()).toContain('heure d’Europe centrale');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'event-fr-los-angeles');
    await page.close();
  });

  it('shows one time only to a viewer in the event’s zone, and fits a phone', async () => {
    const page = await local.newPage();
    expect((await page.goto(webUrl(`/fr/events/${parisEvent.slug}`)))?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.viewer-time').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'event-fr-phone');
    await page.close();
  });
});

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
    expect(await viewer.textContent()).toContain('Los Angeles');
    expect(await page.locator('main').textContent()).toContain('Europe/Paris');
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

  it('shows a month accessibly in two locales, as a list of days on a phone, with the same events as the list for the same filters', async () => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    for (const locale of ['fr', 'ja']) {
      const page = await farAway.newPage();
      expect((await page.goto(webUrl(`/${locale}/events?view=month&month=${month}`)))?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('table.month-calendar thead th').count()).toBe(7);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `events-month-${locale}-desktop`);
      await page.close();
    }

    const phone = await local.newPage();
    expect((await phone.goto(webUrl(`/fr/events?view=month&month=${month}&format=online`)))?.status()).toBe(200);
    await phone.waitForLoadState('networkidle');
    expect(await scrollsSideways(phone)).toBe(false);
    // No squeezed grid: the weekday row is gone and every day shown is one with events, its date written out.
    expect(await phone.locator('table.month-calendar thead').isVisible()).toBe(false);
    const days = phone.locator('table.month-calendar td:visible');
    expect(await days.count()).toBeGreaterThan(0);
    for (const day of await days.all()) {
      expect(await day.locator('li').count()).toBeGreaterThan(0);
      expect(await day.locator('.day-long').isVisible()).toBe(true);
    }
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, 'events-month-fr-phone');

    // The list with the same filter, page after page: each event once, at its next occurrence.
    const inMonth = new Set(await phone.locator('table.month-calendar li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)));
    const listed = new Map<string, string>();
    for (let n = 1; ; n += 1) {
      expect((await phone.goto(webUrl(`/fr/events?format=online&page=${n}`)))?.status()).toBe(200);
      const cards = await phone.locator('ul.event-list > li').evaluateAll((items) =>
        items.map((li) => [li.querySelector('a')!.getAttribute('href')!, li.querySelector('time')!.getAttribute('datetime')!] as [string, string]),
      );
      for (const [href, start] of cards) listed.set(href, start);
      if (!(await phone.locator('a[rel="next"]').count())) break;
    }
    expect(inMonth.size).toBeGreaterThan(0);
    // Next month lies ahead: an event held in it comes next then at the latest, so the list has it.
    for (const href of inMonth) expect(listed.has(href), href).toBe(true);
    // An event listed at a date well inside the month is in the month.
    const first = Date.parse(`${month}-01T00:00:00Z`) + 86_400_000;
    const last = Date.parse(`${new Date(Date.UTC(+month.slice(0, 4), +month.slice(5), 1)).toISOString().slice(0, 10)}T00:00:00Z`) - 86_400_000;
    for (const [href, start] of listed) {
      if (Date.parse(start) >= first && Date.parse(start) < last) expect(inMonth.has(href), href).toBe(true);
    }
    await phone.close();
  });
});

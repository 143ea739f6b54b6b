import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ROOT } from '../setup/strapi';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'tests', '.artifacts', 'screenshots');

/** A one-pixel PNG, answered for map tiles so that no test reaches a tile server. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface BrowserOptions {
  width?: number;
  height?: number;
  locale?: string;
  timezoneId?: string;
  /** False for a browser with JavaScript switched off (forms must work without it). */
  javaScript?: boolean;
}

/**
 * A fresh Chromium profile with the given viewport, language and time zone. Every
 * request that would leave this machine is answered locally or refused.
 */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'UTC',
    javaScriptEnabled: options.javaScript ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The website, the CMS and the feed fixture server (imported photos are served from it).
  const allowed = [new URL(inject('webUrl')).host, new URL(inject('cmsUrl')).host, `127.0.0.1:${inject('feedPort')}`];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (allowed.includes(url.host) || url.protocol === 'data:') return route.continue();
    if (/\.(png|jpg)$/.test(url.pathname)) return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    return route.abort();
  });
  profiles.set(context, profile);
  return context;
}

const profiles = new WeakMap<BrowserContext, string>();

/** Closes the browser and removes its profile. */
export async function closeBrowser(context: BrowserContext | undefined) {
  if (!context) return;
  await context.close();
  const profile = profiles.get(context);
  if (profile) fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** Runs axe on the page and returns its violations, each with the failing selectors, for a readable failure. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Saves a full-page screenshot under tests/.artifacts/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** True when the page is wider than its viewport (it would scroll sideways). */
export async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export const webUrl = (pathname: string) => `${inject('webUrl')}${pathname}`;

/** Opens a map page and waits until every group is on the map. */
export async function openMap(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(webUrl(path));
  expect(response?.status()).toBe(200);
  await page.waitForSelector('.group-map[data-status="ready"]');
  // Clusters glide into place as the points are added and the view fits them: check the map once they have stopped.
  const positions = () => page.evaluate(() => Array.from(document.querySelectorAll('.marker-cluster')).map((m) => m.getBoundingClientRect()).map((r) => `${r.x},${r.y}`).join(' '));
  let before = '';
  for (let tries = 0; tries < 40; tries++) {
    const now = await positions();
    if (now === before && !(await page.locator('.leaflet-zoom-anim, .leaflet-cluster-anim').count())) break;
    before = now;
    await page.waitForTimeout(250);
  }
  return page;
}

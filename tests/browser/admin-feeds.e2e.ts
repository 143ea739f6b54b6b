import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin } from '../api/client';
import { builtAdminPanel } from '../setup/admin-panel';
import { SCREENSHOTS, closeBrowser, openBrowser, screenshot } from './browser';

/** The admin is a single-page app: on a busy machine logging in and drawing the table can take seconds. */
const PAGE_LOAD = { timeout: 15_000 };

/** The first admin, registered by the global setup. */
const EDITOR = { email: 'editor@example.org', password: 'Editor-passw0rd' };
/** An editor whose role may see feed health but not import. */
const WATCHER = { email: 'watcher@example.org', password: 'Watcher-passw0rd' };

const HEALTH_LABEL = { ok: 'OK', 'not-modified': 'Not modified', failing: 'Failing', 'backing-off': 'Backing off', pending: 'Pending' } as const;

interface FeedStatus {
  id: number | null;
  group: { slug: string; name: string };
  url: string;
  health: keyof typeof HEALTH_LABEL;
  lastError: string | null;
}

const cmsUrl = (pathname: string) => `${inject('cmsUrl')}${pathname}`;

/**
 * Answers the admin panel's own files from the build, by the rules of Strapi's
 * serve-admin-panel route (a file by its name, any other page the app shell); everything
 * else, the admin API included, goes to the real CMS, which runs without its panel.
 */
async function serveAdminPanel(context: BrowserContext, build: string) {
  const cms = new URL(inject('cmsUrl'));
  await context.route(
    (url) => url.host === cms.host && url.pathname.startsWith('/admin'),
    async (route) => {
      const request = route.request();
      const { pathname } = new URL(request.url());
      const file = path.join(build, path.basename(pathname));
      if (request.method() === 'GET' && path.extname(pathname) && fs.existsSync(file)) return route.fulfill({ path: file });
      if (request.method() === 'GET' && request.resourceType() === 'document') return route.fulfill({ path: path.join(build, 'index.html') });
      return route.fallback();
    },
  );
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto(cmsUrl('/admin/auth/login'));
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'));
}

/** A role that may only read feed health, and an editor with only that role. */
async function createWatcher() {
  const role = await admin.send('POST', '/admin/roles', { name: 'Feed watcher', description: 'Sees feed health' });
  expect(role.status, role.text).toBe(201);
  const permissions = await admin.send('PUT', `/admin/roles/${role.body.data.id}/permissions`, {
    permissions: [{ action: 'plugin::community.feeds.read', subject: null, properties: {}, conditions: [] }],
  });
  expect(permissions.status, permissions.text).toBe(200);
  const user = await admin.send('POST', '/admin/users', { firstname: 'Wanda', lastname: 'Watcher', email: WATCHER.email, roles: [role.body.data.id] });
  expect(user.status, user.text).toBe(201);
  const registered = await admin.send('POST', '/admin/register', {
    registrationToken: user.body.data.registrationToken,
    userInfo: { firstname: 'Wanda', lastname: 'Watcher', password: WATCHER.password },
  });
  expect(registered.status, registered.text).toBe(200);
}

async function feedsFromApi(): Promise<FeedStatus[]> {
  const response = await admin.get<{ data: FeedStatus[] }>('/community/feeds');
  expect(response.status).toBe(200);
  return response.body.data;
}

/**
 * The progress as shown while a run is going: its words and the progress bar's, read from
 * the first frame that shows them (a run of failing feeds may end within a second).
 */
async function whileRunning(page: Page) {
  const shown = await page.waitForSelector('[data-progress="running"]');
  return shown.evaluate((element) => ({
    text: element.textContent,
    bar: element.parentElement?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext') ?? null,
  }));
}

const row = (page: Page, feed: FeedStatus) => page.locator(`tr[data-feed="${feed.url}"]`).filter({ hasText: feed.group.name });

describe('the Feeds page in the Strapi admin', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const build = await builtAdminPanel();
    context = await openBrowser({ width: 1440, height: 900 });
    await serveAdminPanel(context, build);
    page = await context.newPage();
    await logIn(page, EDITOR);
  }, 300_000);

  afterAll(async () => {
    await closeBrowser(context);
  });

  it("lists every feed of the demo groups with the API's health, reached from the main menu", async () => {
    const feeds = await feedsFromApi();
    expect(feeds.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Feeds' }).click();
    await page.waitForURL('**/admin/plugins/community');
    await expect.poll(() => page.locator('tr[data-feed]').count(), PAGE_LOAD).toBe(feeds.length);
    for (const feed of feeds) {
      await expect.poll(() => row(page, feed).locator('[data-health]').textContent(), PAGE_LOAD).toBe(HEALTH_LABEL[feed.health]);
    }
    await screenshot(page, 'admin-feeds');
  });

  it('imports every feed now, showing "n of m feeds" until the run ends, then the new health', async () => {
    const before = await feedsFromApi();
    await page.getByRole('button', { name: 'Import all now' }).click();
    const running = await whileRunning(page);
    expect(running.text).toMatch(new RegExp(`^Importing: \\d+ of ${before.length} feeds`));
    expect(running.bar).toBe(running.text?.split(' · ')[0]);
    const progress = page.locator('[data-progress]');
    await expect.poll(() => progress.getAttribute('data-progress'), { timeout: 60_000 }).toBe('finished');
    expect(await progress.innerText()).toContain(`${before.length} feeds`);

    const after = await feedsFromApi();
    expect(after.every((feed) => feed.health !== 'pending')).toBe(true);
    for (const feed of after) {
      const shown = row(page, feed);
      await expect.poll(() => shown.locator('[data-health]').textContent(), PAGE_LOAD).toBe(HEALTH_LABEL[feed.health]);
      // Failures are said in words, the same words the API gives.
      if (feed.lastError) expect(await shown.locator('[data-error]').innerText()).toBe(feed.lastError);
    }
    await screenshot(page, 'admin-feeds-imported');
  });

  it('shows only the feeds that need attention when asked', async () => {
    const feeds = await feedsFromApi();
    const troubled = feeds.filter((feed) => feed.health === 'failing' || feed.health === 'backing-off');
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: `Failing or backing off (${troubled.length})` }).click();
    await expect.poll(() => page.locator('tr[data-feed]').count(), PAGE_LOAD).toBe(troubled.length);
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: `All feeds (${feeds.length})` }).click();
    await expect.poll(() => page.locator('tr[data-feed]').count(), PAGE_LOAD).toBe(feeds.length);
  });

  it('imports a single feed from its row', async () => {
    const [feed] = (await feedsFromApi()).filter((candidate) => candidate.id !== null);
    expect(feed).toBeDefined();
    await row(page, feed!).getByRole('button', { name: /^Import now/ }).click();
    expect((await whileRunning(page)).text).toMatch(/^Importing: \d of 1 feed ·/);
    const progress = page.locator('[data-progress]');
    await expect.poll(() => progress.getAttribute('data-progress'), { timeout: 30_000 }).toBe('finished');
    expect(await progress.innerText()).toContain('1 feed,');
  });

  it('has no accessibility violations of its own (those of the surrounding Strapi UI are reported apart)', async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const summarise = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
      violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    const ours = await new AxeBuilder({ page }).include('main').withTags(tags).analyze();
    const strapis = await new AxeBuilder({ page }).exclude('main').withTags(tags).analyze();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOTS, '..', 'admin-axe-strapi-ui.json'), `${JSON.stringify(summarise(strapis.violations), null, 2)}\n`);
    expect(summarise(ours.violations)).toEqual([]);
  });

  it('speaks Arabic to an editor whose admin is in Arabic', async () => {
    // Strapi keeps the interface language an editor picked in their profile here.
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'ar'));
    try {
      await page.goto(cmsUrl('/admin/plugins/community'));
      await expect.poll(() => page.locator('main h1').textContent(), PAGE_LOAD).toBe('الخلاصات');
      expect(await page.getByRole('button', { name: 'استيراد الكل الآن' }).count()).toBe(1);
      const labels = ['سليمة', 'لم تتغير', 'مُخفقة', 'مؤجَّلة', 'قيد الانتظار'];
      const shown = await page.locator('tr[data-feed] [data-health]').allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      for (const label of shown) expect(labels).toContain(label);
      await screenshot(page, 'admin-feeds-ar');
    } finally {
      await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
    }
  });

  it('lets an editor who may only read feed health see it, without import buttons', async () => {
    await createWatcher();
    // A second browser profile, so the two editors do not share a session.
    const other = await openBrowser({ width: 1440, height: 900 });
    try {
      await serveAdminPanel(other, await builtAdminPanel());
      const view = await other.newPage();
      await logIn(view, WATCHER);
      await view.goto(cmsUrl('/admin/plugins/community'));
      await expect.poll(() => view.locator('tr[data-feed]').count(), PAGE_LOAD).toBe((await feedsFromApi()).length);
      expect(await view.getByRole('button', { name: /Import/ }).count()).toBe(0);
      await screenshot(view, 'admin-feeds-read-only');
      // Hiding the buttons is a courtesy: the admin API refuses the import itself.
      const login = await fetch(cmsUrl('/admin/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(WATCHER) });
      const { data } = (await login.json()) as { data: { token: string } };
      const refused = await fetch(cmsUrl('/community/feeds/import'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${data.token}` },
        body: '{}',
      });
      expect(refused.status).toBe(403);
    } finally {
      await closeBrowser(other);
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closeBrowser, openBrowser, webUrl } from './browser';

/** Every CSP violation the page reports, and every console line about the policy. */
async function watchPolicy(page: Page): Promise<string[]> {
  const reports: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

describe('the website’s security policy in a real browser', () => {
  let browser: BrowserContext;
  let framer: http.Server;
  let framerUrl: string;

  beforeAll(async () => {
    browser = await openBrowser({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    // Another site (another origin) that puts a page of its own and the start-a-group form in frames.
    framer = http.createServer((request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      if (request.url === '/own') return response.end('<!doctype html><title>own</title><p id="own">a page of the framing site</p>');
      response.end(
        `<!doctype html><title>framer</title>` +
          `<iframe id="own" src="/own"></iframe>` +
          `<iframe id="form" src="${webUrl('/fr/start-a-group')}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await new Promise((resolve) => framer?.close(resolve));
  });

  it('refuses to show the start-a-group form inside another site’s frame', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refusals.push(message.text());
    });
    // This test's own server is the one other host the page may reach.
    await page.route(`${framerUrl}/**`, (route) => route.continue());
    const formAnswer = page.waitForResponse((response) => response.url() === webUrl('/fr/start-a-group'));
    await page.goto(framerUrl, { waitUntil: 'load' });
    // The website answered the framed request; the browser then refused to show it.
    expect((await formAnswer).status()).toBe(200);

    const own = await (await page.$('iframe#own'))!.contentFrame();
    expect(await own!.locator('#own').textContent()).toBe('a page of the framing site');
    const form = await (await page.$('iframe#form'))!.contentFrame();
    expect(form!.url()).not.toBe(webUrl('/fr/start-a-group'));
    expect(await form!.locator('form').count()).toBe(0);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await page.close();
  });

  it('hydrates pages, fresh and reused, with no policy violation: links navigate in place, the form and the language switcher work', async () => {
    const page = await browser.newPage();
    const violations = await watchPolicy(page);
    // The directory twice: the second answer is the page cache's copy, with the header it was rendered with.
    for (let visit = 0; visit < 2; visit++) {
      const response = await page.goto(webUrl('/fr/groups'), { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
    }
    // A hydrated page navigates without a reload: a value set on the window survives the click.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const card = page.locator('.card-title a').first();
    const [name, href] = [await card.textContent(), await card.getAttribute('href')];
    await card.click();
    await page.waitForURL(`**${href}`);
    expect(await page.locator('h1').textContent()).toContain(name);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await page.getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(`**${href!.replace('/fr/', '/de/')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await page.goto(webUrl('/fr/start-a-group'), { waitUntil: 'networkidle' });
    expect(await page.locator('form').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('draws the map, its tiles and a group’s popup with no policy violation', async () => {
    const page = await browser.newPage();
    const violations = await watchPolicy(page);
    const tiles: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'image') tiles.push(request.url());
    });
    await page.goto(webUrl('/fr/map?group=paris-user-group'));
    await page.waitForSelector('.group-map[data-status="ready"]');
    await page.locator('.leaflet-popup').waitFor();
    expect(await page.locator('.leaflet-popup').textContent()).toContain('Paris User Group');
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startFeedServer, type FeedServer } from '../fixtures/feed-server';
import { createGroupWithFeeds, deleteGroup, importNow } from '../api/feed-import';
import { accessibilityViolations, closeBrowser, openBrowser, screenshot, scrollsSideways, webUrl } from './browser';

const SLUG = 'feed-showcase';

/**
 * A photostream whose images the fixture server itself serves, so the browser can show them:
 * three single photos, one with Pixelfed's "No caption", and an album of three.
 */
const photostream = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Photos</title><link>${base}/</link>
<item><title>Hack night finale</title><link>${base}/photos/album</link><guid>photo-album</guid><pubDate>Thu, 05 Nov 2026 18:00:00 GMT</pubDate>
<media:content url="${base}/feeds/photo-4.svg" medium="image"><media:description>Stickers on a laptop lid</media:description></media:content>
<media:content url="${base}/feeds/photo-5.svg" medium="image"><media:description>A whiteboard full of diagrams</media:description></media:content>
<media:content url="${base}/feeds/photo-6.svg" medium="image"/></item>
<item><title>No caption</title><link>${base}/photos/uncaptioned</link><guid>photo-uncaptioned</guid><pubDate>Wed, 04 Nov 2026 18:00:00 GMT</pubDate>
<media:content url="${base}/feeds/photo-7.svg" medium="image"/></item>
${[1, 2, 3]
  .map(
    (n) => `<item><title>Hack night ${n}</title><link>${base}/photos/${n}</link><guid>photo-${n}</guid>
<pubDate>Tue, 0${n} Nov 2026 18:00:00 GMT</pubDate><media:content url="${base}/feeds/photo-${n}.svg" medium="image"/></item>`,
  )
  .join('\n')}
</channel></rss>`;

const image = (hue: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="hsl(${hue} 50% 45%)"/></svg>`;

describe('imported posts and photos on the group page', () => {
  let server: FeedServer;
  let browser: BrowserContext;
  let documentId: string | undefined;

  beforeAll(async () => {
    server = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    server.setFeed('photostream.xml', photostream(server.url), 'application/rss+xml');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) server.setFeed(`photo-${n}.svg`, image(n * 50), 'image/svg+xml');
    documentId = await createGroupWithFeeds(SLUG, [
      { kind: 'blog', url: `${server.url}/feeds/script-injection.xml` },
      { kind: 'blog', url: `${server.url}/feeds/wordpress.xml` },
      { kind: 'photos', url: `${server.url}/feeds/photostream.xml` },
    ]);
    await importNow();
    browser = await openBrowser({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  });

  afterAll(async () => {
    if (documentId) await deleteGroup(documentId);
    await closeBrowser(browser);
    await server?.close();
  });

  it('shows the posts and photos, and no script from a feed runs', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(webUrl(`/fr/groups/${SLUG}`));
    expect(response?.status()).toBe(200);

    const posts = page.locator('.group-posts li');
    expect(await posts.count()).toBe(4);
    await expect.poll(() => page.locator('.group-posts').textContent()).toContain('Hello world');
    expect(await page.locator('.group-posts').textContent()).toContain('Retour sur la rencontre');
    // Every link out of the page is a web address and says it is not endorsed.
    for (const link of await page.locator('.group-posts a, .group-photos a').all()) {
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('rel')).toContain('nofollow');
    }

    const photos = page.locator('.group-photos img');
    expect(await photos.count()).toBe(7);
    await expect.poll(() => photos.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Newest first: the album, each picture with its own alt text (the last has none, so its caption and place stand in).
    const album = page.locator('.group-photos .album');
    expect(await album.locator('img').evaluateAll((images) => images.map((img) => img.getAttribute('alt')))).toEqual([
      'Stickers on a laptop lid',
      'A whiteboard full of diagrams',
      'Hack night finale, photo 3 sur 3',
    ]);
    expect(await album.locator('figcaption').textContent()).toMatch(/Hack night finale\s*·\s*3\s*photos/);
    // "No caption" is no caption: the photo says whose it is instead.
    expect(await photos.nth(3).getAttribute('alt')).toBe('Photo de feed showcase');
    expect(await photos.nth(4).getAttribute('alt')).toBe('Hack night 3');

    await page.locator('.group-posts a').first().hover();
    expect(dialogs).toEqual([]);
    expect(await page.locator('.group-posts script, .group-posts iframe').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'group-with-feeds-fr-desktop');
    await page.close();
  });

  it('lists the posts and photos among the latest activity on the home page', async () => {
    const page = await browser.newPage();
    await page.goto(webUrl('/fr'));
    const activity = (await page.locator('.activity').textContent()) ?? '';
    expect(activity).toContain('Nouvel article');
    expect(activity).toContain('Nouvelle photo');
    expect(activity).toContain('Retour sur la rencontre');
    await page.close();
  });

  it('fits a phone screen', async () => {
    const phone = await openBrowser({ width: 390, height: 844, locale: 'ja-JP' });
    try {
      const page = await phone.newPage();
      await page.goto(webUrl(`/ja/groups/${SLUG}`));
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'group-with-feeds-ja-phone');
    } finally {
      await closeBrowser(phone);
    }
  });
});

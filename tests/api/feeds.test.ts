import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FEED_FIXTURES, startFeedServer, type FeedServer } from '../fixtures/feed-server';
import { largeFeed, relativeCalendar } from '../fixtures/large-feed';
import { api } from './client';
import { createGroupWithFeeds, deleteGroup, feedsOf, importNow, setFeeds, type FeedInput, type FeedStatus } from './feed-import';

const SLUG = 'feed-import-check';

const fixture = (name: string) => fs.readFileSync(path.join(FEED_FIXTURES, name), 'utf8');

/** An RSS feed with one post whose title says which version of it the server has. */
const changingFeed = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Changing</title><link>https://changing.example.org/</link>
<item><title>${title}</title><link>https://changing.example.org/post-1</link><guid>changing-post-1</guid>
<pubDate>Tue, 03 Nov 2026 18:00:00 GMT</pubDate><description>Same post, edited upstream.</description></item>
</channel></rss>`;

async function posts(slug = SLUG) {
  const response = await api.get(`/api/community/posts?group=${slug}&pagination[pageSize]=100`);
  expect(response.status, response.text).toBe(200);
  return response.body as { data: { title: string; link: string | null; summary: string | null; language: string | null }[]; meta: { pagination: { total: number } } };
}

async function photos(slug = SLUG) {
  const response = await api.get(`/api/community/photos?group=${slug}&pagination[pageSize]=100`);
  expect(response.status, response.text).toBe(200);
  return response.body as { data: { imageUrl: string; thumbnailUrl: string | null }[]; meta: { pagination: { total: number } } };
}

async function importedEvents(feedUrl: string) {
  const response = await api.get(
    `/api/events?filters[group][slug][$eq]=${SLUG}&filters[importedFrom][$eq]=${encodeURIComponent(feedUrl)}&pagination[pageSize]=100&fields[0]=title&fields[1]=startsAt&fields[2]=timezone&fields[3]=recurrence&fields[4]=state&fields[5]=importedFrom`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.data as { title: string; startsAt: string; timezone: string; recurrence: string | null; state: string }[];
}

/** The group's feeds: good ones of each kind, and ones the importer must refuse or reject. */
const feedUrls = (server: FeedServer, elsewhere: FeedServer) => ({
  wordpress: `${server.url}/feeds/wordpress.xml`,
  copy: `${server.url}/feeds/wordpress-copy.xml`,
  hostile: `${server.url}/feeds/script-injection.xml`,
  changing: `${server.url}/feeds/changing.xml`,
  flickr: `${server.url}/feeds/flickr.xml`,
  calendar: `${server.url}/feeds/calendar.ics`,
  metadata: `${server.url}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
  otherPort: `${elsewhere.url}/feeds/rdf.xml`,
  byName: `http://localhost:${server.port}/feeds/medium.xml`,
  laughs: `${server.url}/feeds/billion-laughs.xml`,
  html: `${server.url}/feeds/html-page.html`,
});

describe('feed import, end to end', () => {
  let server: FeedServer;
  let elsewhere: FeedServer;
  let feeds: ReturnType<typeof feedUrls>;
  let health: Map<string, FeedStatus>;
  let documentId: string | undefined;
  let groupFeeds: FeedInput[];

  beforeAll(async () => {
    server = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    // A second server on another port of the same host: the allowlist names only the first.
    elsewhere = await startFeedServer({ host: '127.0.0.1' });
    server.setFeed('changing.xml', changingFeed('First title'), 'application/rss+xml');
    server.setFeed('wordpress-copy.xml', fixture('wordpress.xml'), 'application/rss+xml');
    feeds = feedUrls(server, elsewhere);
    groupFeeds = [
      { kind: 'blog', url: feeds.wordpress, title: 'Blog' },
      { kind: 'blog', url: feeds.copy },
      { kind: 'blog', url: feeds.hostile },
      { kind: 'blog', url: feeds.changing },
      { kind: 'photos', url: feeds.flickr },
      { kind: 'calendar', url: feeds.calendar },
      { kind: 'blog', url: feeds.metadata },
      { kind: 'blog', url: feeds.otherPort },
      { kind: 'blog', url: feeds.byName },
      { kind: 'blog', url: feeds.laughs },
      { kind: 'blog', url: feeds.html },
    ];
    documentId = await createGroupWithFeeds(SLUG, groupFeeds);
    const run = await importNow();
    expect(run.total).toBeGreaterThanOrEqual(11);
    health = await feedsOf(SLUG);
  });

  afterAll(async () => {
    if (documentId) await deleteGroup(documentId);
    await server?.close();
    await elsewhere?.close();
  });

  it('imports posts once each, with sanitized summaries', async () => {
    const { data, meta } = await posts();
    // wordpress (2) + its copy at another URL (the same 2) + hostile (2) + changing (1).
    expect(meta.pagination.total).toBe(5);
    const titles = data.map((post) => post.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const post of data) {
      expect(post.summary ?? '').not.toMatch(/<script|onerror|onload|javascript:|<iframe/i);
      if (post.link) expect(post.link).toMatch(/^https?:\/\//);
    }
    // WordPress gives the language only for the whole feed.
    expect(data.filter((post) => post.language === 'fr-FR')).toHaveLength(2);
    const french = await api.get(`/api/community/posts?group=${SLUG}&language=fr`);
    expect(french.body.data.map((post: { language: string }) => post.language)).toEqual(['fr-FR', 'fr-FR']);
  });

  it('imports photos with their image and thumbnail', async () => {
    const { data } = await photos();
    expect(data.length).toBeGreaterThan(0);
    for (const photo of data) expect(photo.imageUrl).toMatch(/^https:\/\//);
  });

  it('imports calendar events into the event model, published, with their zone and recurrence', async () => {
    const events = await importedEvents(feeds.calendar);
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((event) => event.recurrence)).toBe(true);
    expect(events.some((event) => event.timezone !== 'UTC')).toBe(true);
  });

  it("lists imported posts in the group's Atom feed", async () => {
    const atom = await api.get(`/api/community/groups/${SLUG}/activity.atom`);
    expect(atom.status, atom.text).toBe(200);
    const entries = atom.text.split('<entry').slice(1);
    const post = entries.find((entry) => entry.includes('Retour sur la rencontre'));
    expect(post).toMatch(/<id>tag:[^<]+:post:[^<]+<\/id>/);
    expect(post).toContain('href="https://lyon-users.example.org/2026/11/03/retour-rencontre-octobre/"');
    expect(atom.text).not.toMatch(/<script|javascript:/i);
  });

  it("records each feed's health, and explains failures in words", () => {
    expect(health.get(feeds.wordpress)).toMatchObject({ health: 'ok', lastError: null });
    expect(health.get(feeds.wordpress)!.itemsImported).toBe(2);
    expect(health.get(feeds.calendar)).toMatchObject({ health: 'ok' });
    for (const name of ['metadata', 'otherPort', 'byName', 'laughs', 'html'] as const) {
      const feed = health.get(feeds[name])!;
      expect(feed.health, name).toBe('failing');
      expect(feed.lastError, name).toMatch(/\w+ \w+/);
    }
    expect(health.get(feeds.metadata)!.lastError).toMatch(/private|not allowed|refused|blocked/i);
  });

  it('reaches no private address but the one allowed', () => {
    expect(elsewhere.hits.size).toBe(0);
    expect(server.hits.get('/feeds/medium.xml') ?? 0).toBe(0);
    expect(server.hits.get('/redirect')).toBe(1);
  });

  it('imports nothing twice and asks conditionally the second time', async () => {
    const before = { posts: (await posts()).meta.pagination.total, photos: (await photos()).meta.pagination.total, events: (await importedEvents(feeds.calendar)).length };
    const requestsBefore = server.requests.length;
    await importNow();
    const after = { posts: (await posts()).meta.pagination.total, photos: (await photos()).meta.pagination.total, events: (await importedEvents(feeds.calendar)).length };
    expect(after).toEqual(before);
    // (Other suites' groups may list the same fixture; every request for it is conditional now.)
    const again = server.requests.slice(requestsBefore).filter((request) => request.path === '/feeds/wordpress.xml');
    expect(again.length).toBeGreaterThanOrEqual(1);
    for (const request of again) expect(request.headers['if-none-match']).toBeTruthy();
    expect((await feedsOf(SLUG)).get(feeds.wordpress)!.health).toBe('not-modified');
  });

  it('updates a post that changed upstream instead of adding one', async () => {
    server.setFeed('changing.xml', changingFeed('Second title'), 'application/rss+xml');
    const feed = (await feedsOf(SLUG)).get(feeds.changing)!;
    await importNow(feed.id!);
    const titles = (await posts()).data.map((post) => post.title);
    expect(titles).toContain('Second title');
    expect(titles).not.toContain('First title');
    expect(titles).toHaveLength(5);
  });

  it('removes the upcoming events and series of a calendar the group no longer lists', async () => {
    const now = Date.now();
    const upcoming = (event: { startsAt: string; recurrence: string | null }) => Boolean(event.recurrence) || Date.parse(event.startsAt) >= now;
    const before = await importedEvents(feeds.calendar);
    expect(before.some(upcoming)).toBe(true);
    await setFeeds(documentId!, groupFeeds.filter((feed) => feed.url !== feeds.calendar));
    await importNow();
    const after = await importedEvents(feeds.calendar);
    expect(after.filter(upcoming)).toEqual([]);
    expect(after).toHaveLength(before.filter((event) => !upcoming(event)).length);
  });

  it('answers bad input with a 4xx that says what is wrong', async () => {
    const bad = {
      'group=Not%20A%20Slug': /"group"/,
      'pagination[pageSize]=1000': /pagination\[pageSize\].*1 to 100/,
      'pagination[page]=0': /pagination\[page\]/,
      'pagination[start]=0': /Unknown pagination parameter.*start/,
      'pagination=2': /pagination\[page\]/,
      'pageSize=10': /Unknown query parameter.*pageSize.*Allowed: .*pagination\[pageSize\]/,
      'sort=title': /Unknown query parameter.*sort/,
      'language=fr_FR%3B': /"language"/,
    };
    for (const [query, message] of Object.entries(bad)) {
      const response = await api.get(`/api/community/posts?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(message);
    }
    const { admin } = await import('./client');
    expect((await admin.send('POST', '/community/feeds/import', { feed: 'all' })).status).toBe(400);
    expect((await admin.send('POST', '/community/feeds/import', { feed: 99999999 })).status).toBe(404);
  });

  it('keeps feed health for editors and token holders', async () => {
    expect((await api.get('/api/community/feeds')).status).toBe(403);
    const anonymousImport = await api.send('POST', '/community/feeds/import', {});
    expect(anonymousImport.status).toBe(401);
  });
});

describe('feed import of real-world shapes: full posts, albums, placeholder captions, the calendar window, a huge feed', () => {
  const REAL = 'feed-real-world';
  const BIG = 'feed-twenty-thousand';
  let server: FeedServer;
  let groups: string[] = [];
  let health: Map<string, FeedStatus>;
  let bigHealth: Map<string, FeedStatus>;
  const url = (name: string) => `${server.url}/feeds/${name}`;

  beforeAll(async () => {
    server = await startFeedServer({ host: '127.0.0.1', port: inject('feedPort') });
    server.setFeed('window.ics', relativeCalendar(new Date(), [
      { uid: 'ended-184-days-ago', days: 184 },
      { uid: 'ended-182-days-ago', days: 182 },
      { uid: 'ended-10-days-ago', days: 10 },
      { uid: 'ends-in-10-days', days: -10 },
    ]), 'text/calendar; charset=utf-8');
    server.setFeed('twenty-thousand.xml', largeFeed(20_000), 'application/rss+xml');
    groups = [
      await createGroupWithFeeds(REAL, [
        { kind: 'blog', url: url('wordpress-full-content.xml') },
        { kind: 'photos', url: url('pixelfed-album.xml') },
        { kind: 'photos', url: url('media-rss-album.xml') },
        { kind: 'calendar', url: url('window.ics') },
      ]),
      await createGroupWithFeeds(BIG, [{ kind: 'blog', url: url('twenty-thousand.xml') }]),
    ];
    await importNow();
    health = await feedsOf(REAL);
    bigHealth = await feedsOf(BIG);
  });

  afterAll(async () => {
    for (const documentId of groups) await deleteGroup(documentId);
    await server?.close();
  });

  it('takes a WordPress excerpt from the whole post and keeps the post, sanitized', async () => {
    const { data } = await api.get(`/api/community/posts?group=${REAL}`).then((response) => response.body as { data: { title: string; excerpt: string | null; summary: string | null }[] });
    const recap = data.find((post) => post.title === 'Spring sprint recap')!;
    expect(recap.excerpt).toBe(
      'Twelve of us spent the weekend of 18 April fixing documentation bugs in the installer guide. We closed thirty-one issues, ' +
        'reviewed nine pull requests and wrote a new chapter on upgrading between releases. The most popular session was the pairing ' +
        'hour on Sunday morning, when newcomers picked an issue…',
    );
    // The full post is not in the list; editors find it on the post in the admin.
    expect(recap).not.toHaveProperty('content');
    const { admin } = await import('./client');
    const stored = await admin.get(`/content-manager/collection-types/plugin::community.post?filters[$and][0][title][$eq]=${encodeURIComponent('Spring sprint recap')}`);
    expect(stored.status, stored.text).toBe(200);
    const content = (stored.body.results as { content: string }[])[0]!.content;
    expect(content).toContain('<p>Thanks to the city library for the room, and to everyone who brought pastéis de nata.</p>');
    expect(content).not.toMatch(/<script|onerror/);
  });

  it('keeps every picture of an album in order with its own alt text, and no placeholder as a title', async () => {
    const response = await api.get(`/api/community/photos?group=${REAL}&pagination[pageSize]=20`);
    expect(response.status, response.text).toBe(200);
    const photos = response.body.data as { title: string | null; pageUrl: string; imageUrl: string; images: { url: string; alt: string | null }[] }[];
    expect(photos).toHaveLength(6);
    const byPage = new Map(photos.map((photo) => [photo.pageUrl.split('/').pop(), photo]));
    const demos = byPage.get('801000000000000003')!;
    expect(demos.title).toBe('Hackathon day two: demos');
    expect(demos.images.map((image) => image.alt)).toEqual(['Speaker presenting a command-line tool, slides behind her', 'About forty people seated, watching the demos', null]);
    expect(demos.imageUrl).toBe('https://pix.example.community/storage/m/_v2/77/aa/demo-stage.jpg');
    expect(byPage.get('install-fest-march')!.images.map((image) => image.url.split('/').pop())).toEqual(['queue.jpg', 'usb.jpg', 'group.jpg']);
    for (const page of ['801000000000000002', '801000000000000001', '801000000000000000', 'dsc-0042']) expect(byPage.get(page)!.title, page).toBeNull();
  });

  it('imports the events of the last 183 days and says how many ended before', async () => {
    const calendar = url('window.ics');
    const events = await api.get(`/api/events?filters[importedFrom][$eq]=${encodeURIComponent(calendar)}&fields[0]=title&sort=startsAt&pagination[pageSize]=10`);
    expect(events.status, events.text).toBe(200);
    expect(events.body.data.map((event: { title: string }) => event.title)).toEqual(['Event ended-182-days-ago', 'Event ended-10-days-ago', 'Event ends-in-10-days']);
    expect(health.get(calendar)).toMatchObject({
      health: 'ok',
      leftOut: { outsideWindow: 1, beyondLimit: 0 },
      note: '1 event ended more than 183 days ago and was not imported.',
    });
    expect(health.get(url('wordpress-full-content.xml'))!.note).toBeNull();
  });

  it('takes the newest 500 items of a 20,000-item feed and says so', async () => {
    const first = await api.get(`/api/community/posts?group=${BIG}&pagination[pageSize]=100`);
    expect(first.body.meta.pagination.total).toBe(500);
    expect(first.body.data[0].title).toBe('Post 19999');
    const last = await api.get(`/api/community/posts?group=${BIG}&pagination[pageSize]=100&pagination[page]=5`);
    expect(last.body.data.at(-1).title).toBe('Post 19500');
    expect(bigHealth.get(url('twenty-thousand.xml'))).toMatchObject({
      health: 'ok',
      itemsImported: 500,
      leftOut: { outsideWindow: 0, beyondLimit: 19_500 },
      note: 'The feed holds 20,000 items; only the newest 500 were imported.',
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_FIXTURES } from '../../../../../tests/fixtures/feed-server';
import { FeedError } from './feed-error';
import { parseFeed } from './parse-feed';

const EXPECTED = path.join(FEED_FIXTURES, 'expected');
const read = (name: string) => fs.readFileSync(path.join(FEED_FIXTURES, name));
const urlOf = (name: string) => `https://feeds.example.net/${name}`;

/** Compares with the committed expected JSON; UPDATE_GOLDEN=1 rewrites it (review the diff). */
function golden(name: string, actual: unknown) {
  const file = path.join(EXPECTED, `${name}.json`);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, json);
  expect(JSON.parse(json)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function parse(name: string, kind: 'blog' | 'photos' = 'blog', contentType: string | null = 'application/xml') {
  return parseFeed(read(name), { url: urlOf(name), contentType, kind });
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the feed to be refused');
    },
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

const rss = (items: string, channel = '') =>
  Buffer.from(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://example.org/</link>${channel}${items}</channel></rss>`);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('parseFeed: fixtures of every kind match their expected records', () => {
  it.each([
    ['wordpress.xml', 'blog'],
    ['blogger.xml', 'blog'],
    ['medium.xml', 'blog'],
    ['atom-xml-base.xml', 'blog'],
    ['rdf.xml', 'blog'],
    ['latin1.xml', 'blog'],
    ['flickr.xml', 'photos'],
    ['pixelfed.xml', 'photos'],
    ['script-injection.xml', 'blog'],
  ] as const)('%s as %s', async (name, kind) => {
    golden(name.replace(/\.xml$/, ''), await parse(name, kind));
  });
});

describe('parseFeed: what editors and visitors see', () => {
  it('reads a WordPress feed: author, date in UTC, image, links without tracking, sanitized summary', async () => {
    const feed = await parse('wordpress.xml');
    expect(feed).toMatchObject({ title: 'Lyon User Group', link: 'https://lyon-users.example.org/', language: 'fr-FR' });
    const [first] = feed.items;
    expect(first).toMatchObject({
      key: 'https://lyon-users.example.org/?p=412',
      link: 'https://lyon-users.example.org/2026/11/03/retour-rencontre-octobre/',
      author: 'Camille',
      publishedAt: '2026-11-03T19:12:44.000Z',
      // The author's avatar comes first among the media; the post's picture is the one shown.
      imageUrl: 'https://lyon-users.example.org/wp-content/uploads/2026/11/rencontre.jpg',
    });
    expect(feed.items[1]!.publishedAt).toBe('2026-10-20T06:00:00.000Z');
  });

  it('resolves relative links against xml:base at every level of an Atom feed', async () => {
    const feed = await parse('atom-xml-base.xml');
    const [guide, sprint, , rentree] = feed.items;
    expect(feed.link).toBe('https://docs-wg.example.org/blog/');
    expect(guide!.link).toBe('https://docs-wg.example.org/blog/2026/11/guide-traduction.html');
    expect(guide!.imageUrl).toBe('https://docs-wg.example.org/blog/images/guide.png');
    expect(guide!.summaryHtml).toContain('src="https://docs-wg.example.org/blog/images/guide-small.png"');
    expect(sprint!.link).toBe('https://docs-wg.example.org/de/blog/sprint.html');
    expect(rentree!.summaryHtml).toContain('src="https://docs-wg.example.org/blog/2026/09/media/photo-rentree.jpg"');
    expect(rentree!.summaryHtml).toContain('href="https://docs-wg.example.org/blog/2026/09/rentree-suite.html"');
  });

  it('takes the language from the item, else gives the feed’s separately', async () => {
    const atom = await parse('atom-xml-base.xml');
    expect(atom.language).toBe('fr');
    expect(atom.items.map((item) => item.language)).toEqual([null, 'de', null, null]);
    const rdf = await parse('rdf.xml');
    expect(rdf.language).toBe('ja');
    expect(rdf.items.map((item) => item.language)).toEqual([null, 'en']);
    expect((await parse('latin1.xml')).language).toBe('fr-CA');
  });

  it('escapes Atom text content instead of reading it as HTML', async () => {
    const sprint = (await parse('atom-xml-base.xml')).items[1]!;
    expect(sprint.summaryHtml).toBe('Wir treffen uns am 5. November. Bitte bringt Laptops mit &lt;3 und gute Laune.<br />Die Anmeldung ist offen.');
    expect(sprint.title).toBe('Übersetzungssprint & Treffen');
  });

  it('turns missing or unreadable dates into null (an Atom entry falls back to updated)', async () => {
    const atom = await parse('atom-xml-base.xml');
    expect(atom.items[1]!.publishedAt).toBe('2026-10-28T18:00:00.000Z');
    expect(atom.items[2]!.publishedAt).toBeNull();
    const feed = await parseFeed(rss('<item><title>a</title><guid>1</guid><pubDate>someday soon</pubDate></item><item><title>b</title><guid>2</guid><dc:date>2026-11-01T10:00:00+01:00</dc:date></item>'), {
      url: 'https://example.org/feed',
      contentType: null,
      kind: 'blog',
    });
    expect(feed.items.map((item) => item.publishedAt)).toEqual([null, '2026-11-01T09:00:00.000Z']);
    const broken = Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>e1</id><title>t</title><published>31/12/2026</published></entry></feed>');
    expect((await parseFeed(broken, { url: 'https://example.org/', contentType: null, kind: 'blog' })).items[0]!.publishedAt).toBeNull();
  });

  it('reads RSS 1.0 (RDF)', async () => {
    const feed = await parse('rdf.xml');
    expect(feed.title).toBe('東京ユーザーグループ');
    expect(feed.items[0]).toMatchObject({
      guid: 'https://tokyo-users.example.jp/blog/2026/11/meetup-42.html',
      author: '佐藤',
      publishedAt: '2026-11-12T11:00:00.000Z',
      imageUrl: 'https://tokyo-users.example.jp/images/meetup-42.jpg',
    });
  });

  it('shortens a whole article given as the summary to an excerpt, and ignores tracking pixels', async () => {
    const [long, short] = (await parse('medium.xml')).items;
    expect(long!.summaryHtml).toMatch(/^<p>Running a user group for five years.*…<\/p>$/);
    expect(long!.imageUrl).toBe('https://cdn-images-1.medium.com/max/1024/1*Qm9vbXRvd24.jpeg');
    expect(short!.imageUrl).toBeNull();
    expect(short!.summaryHtml).not.toContain('medium.com/_/stat');
  });

  it('gives photo feeds’ pictures and thumbnails, and skips items without a picture', async () => {
    const flickr = await parse('flickr.xml', 'photos');
    expect(flickr.items.map((item) => item.title)).toEqual(['Meetup #12: the panel', 'Hack night']);
    expect(flickr.items[0]).toMatchObject({
      imageUrl: 'https://live.staticflickr.com/65535/53311112222_5f1e2d3c4b_b.jpg',
      thumbnailUrl: 'https://live.staticflickr.com/65535/53311112222_5f1e2d3c4b_s.jpg',
      author: 'nairobi-users',
      takenAt: '2026-11-06T02:42:10.000Z',
    });
    const pixelfed = await parse('pixelfed.xml', 'photos');
    expect(pixelfed.items.map((item) => item.imageUrl)).toEqual([
      'https://pixelfed.example.social/storage/m/_v2/5551/a1b2c3/taller.jpg',
      // The widest picture of a media:group.
      'https://pixelfed.example.social/storage/m/_v2/5551/d4e5f6/sala.jpg',
    ]);
    expect((await parse('pixelfed.xml', 'blog')).items).toHaveLength(3);
    expect((await parse('flickr.xml', 'blog')).items).toHaveLength(3);
  });

  it('neutralises script injection in titles, links and summaries', async () => {
    const feed = await parse('script-injection.xml');
    expect(feed.title).toBe('Innocent blog');
    const [first, second] = feed.items;
    expect(first!.title).toBe('Hello world');
    expect(first!.link).toBeNull();
    const all = feed.items.map((item) => item.summaryHtml ?? '').join('\n');
    for (const bad of ['<script', 'onerror', 'onclick', 'onload', 'onmouseover', 'javascript:', 'vbscript:', 'data:text', 'data:image/svg', '<iframe', '<object', '<embed', '<form', '<svg', '<math', '<style', 'style=', '<meta', '<base', 'target=', 'srcset', '<noscript']) {
      expect(all.toLowerCase()).not.toContain(bad);
    }
    const anchors = all.match(/<a\b[^>]*>/g) ?? [];
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of anchors) expect(anchor).toContain('rel="nofollow noopener"');
    expect(first!.summaryHtml).toContain('<a href="https://feeds.example.net/relative/page" rel="nofollow noopener">a relative link</a>');
    expect(first!.summaryHtml).toContain('<img src="data:image/png;base64,');
    expect(second!.summaryHtml).toContain('<p>Plain text.</p>');
  });
});

describe('parseFeed: keys and hashes', () => {
  it('keys by GUID, else the normalised link, else a hash of title, date and summary', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>a</title><guid isPermaLink="false">urn:x:1</guid><link>https://example.org/a</link></item>' +
          '<item><title>b</title><link>/b?utm_source=rss#top</link></item>' +
          '<item><title>c</title><description>only text</description></item>',
      ),
      { url: 'https://example.org/feed.xml', contentType: null, kind: 'blog' },
    );
    expect(feed.items.map((item) => item.key)).toEqual(['urn:x:1', 'https://example.org/b', expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    expect(feed.items[1]!.link).toBe('https://example.org/b');
  });

  it('gives the same hash for the same item and a new one when what is stored changes', async () => {
    const item = (title: string) => rss(`<item><title>${title}</title><guid>g1</guid><description>&lt;p&gt;Body&lt;/p&gt;</description></item>`);
    const options = { url: 'https://example.org/feed.xml', contentType: null, kind: 'blog' as const };
    const [a] = (await parseFeed(item('First title'), options)).items;
    const [b] = (await parseFeed(item('First title'), options)).items;
    const [c] = (await parseFeed(item('Corrected title'), options)).items;
    expect(a!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b!.contentHash).toBe(a!.contentHash);
    expect(c!.key).toBe(a!.key);
    expect(c!.contentHash).not.toBe(a!.contentHash);
  });
});

describe('parseFeed: broken and hostile feeds are refused with a reason', () => {
  it('an empty body', async () => {
    expect((await failure(parse('empty.xml'))).code).toBe('empty');
    expect((await failure(parseFeed(Buffer.from(' \n\t '), { url: urlOf('x'), contentType: null, kind: 'blog' }))).code).toBe('empty');
  });

  it('a web page instead of a feed', async () => {
    const error = await failure(parse('html-page.html', 'blog', 'text/html; charset=utf-8'));
    expect(error.code).toBe('not-a-feed');
    expect(error.message).toMatch(/web page/);
    expect((await failure(parse('html-page.html', 'blog', 'application/rss+xml'))).code).toBe('not-a-feed');
  });

  it('XML that is not a feed, or not XML at all', async () => {
    expect((await failure(parse('sitemap.xml'))).code).toBe('not-a-feed');
    expect((await failure(parseFeed(Buffer.from('{"version":"https://jsonfeed.org/version/1.1"}'), { url: urlOf('x'), contentType: 'application/json', kind: 'blog' }))).code).toBe('not-a-feed');
  });

  it('truncated XML', async () => {
    const error = await failure(parse('truncated.xml'));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/line \d+/);
  });

  it('bytes that do not fit the declared encoding, unless the server names the right one', async () => {
    expect((await failure(parse('wrong-encoding.xml'))).code).toBe('encoding');
    const feed = await parse('wrong-encoding.xml', 'blog', 'text/xml; charset=ISO-8859-1');
    expect(feed.items[0]!.title).toBe("Réunion à l'hôtel de ville");
  });

  it('reads a feed in ISO-8859-1', async () => {
    const [item] = (await parse('latin1.xml')).items;
    expect(item!.title).toBe('Café-rencontre à Montréal : ça déménage !');
    expect(item!.author).toBe('Élodie Gagné');
  });

  it('billion laughs: refused without expanding anything', async () => {
    const error = await failure(parse('billion-laughs.xml'));
    expect(error.code).toBe('unsafe-xml');
    expect(error.message).not.toMatch(/lol/);
  });

  it('external entities: refused, and nothing of the file or the metadata address leaks', async () => {
    const error = await failure(parse('xxe.xml'));
    expect(error.code).toBe('unsafe-xml');
    const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'root:';
    expect(`${error.message} ${String(error.cause)}`).not.toContain(passwd.slice(0, 5));
  });

  it('survives a thousand hostile parses without an unhandled rejection', { timeout: 30_000 }, async () => {
    const names = ['billion-laughs.xml', 'xxe.xml', 'truncated.xml', 'empty.xml', 'wrong-encoding.xml', 'sitemap.xml'];
    const results = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => parse(names[i % names.length]!)));
    expect(results.every((result) => result.status === 'rejected' && result.reason instanceof FeedError)).toBe(true);
  });

  it('a feed whose structure cannot be walked is malformed, not a crash', async () => {
    for (const odd of [
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link>no attributes</link><title>t</title></entry></feed>',
      '<rss version="2.0"></rss>',
    ]) {
      expect((await failure(parseFeed(Buffer.from(odd), { url: urlOf('odd'), contentType: null, kind: 'blog' }))).code).toBe('malformed');
    }
  });

  it('leaves out items with nothing to show', async () => {
    const feed = await parseFeed(rss('<item><description>   </description></item><item><title>kept</title></item>'), { url: urlOf('x'), contentType: null, kind: 'blog' });
    expect(feed.items.map((item) => item.title)).toEqual(['kept']);
  });
});

describe('parseFeed: full content, albums and placeholder captions', () => {
  const SPRINT = 'https://porto-contrib.example.org/2026/04/20/spring-sprint-recap/';

  it('takes the excerpt from the full content a WordPress feed carries, not the cut description, and keeps the content sanitized', async () => {
    const [recap, call] = (await parse('wordpress-full-content.xml')).items;
    expect(recap!.link).toBe(SPRINT);
    // The heading and the figure's caption are skipped; the first 300 characters of the prose end with "issue".
    expect(recap!.excerpt).toBe(
      'Twelve of us spent the weekend of 18 April fixing documentation bugs in the installer guide. We closed thirty-one issues, ' +
        'reviewed nine pull requests and wrote a new chapter on upgrading between releases. The most popular session was the pairing ' +
        'hour on Sunday morning, when newcomers picked an issue…',
    );
    const content = recap!.contentHtml!;
    expect(content).toContain('<h2>Saturday and Sunday at the library</h2>');
    expect(content).toContain('<img src="https://porto-contrib.example.org/wp-content/uploads/2026/04/sprint-1024x683.jpg" alt="Twelve people around two tables covered with laptops" />');
    expect(content).toContain('<p>Thanks to the city library for the room, and to everyone who brought pastéis de nata.</p>');
    expect(content).not.toMatch(/<script|onerror|srcset|document\.write/);
    expect(recap!.imageUrl).toBe('https://porto-contrib.example.org/wp-content/uploads/2026/04/sprint-1024x683.jpg');
    // A post with only its description: the excerpt is that, WordPress's "[…]" made an ellipsis, and no content is kept.
    expect(call!.excerpt).toBe('The autumn meetup takes place on 8 October. Send us a title and two sentences by 31 May…');
    expect(call!.contentHtml).toBeNull();
  });

  it('keeps every picture of a Pixelfed entry in order, each with its own alt text', async () => {
    const [demos] = (await parse('pixelfed-album.xml', 'photos')).items;
    const storage = 'https://pix.example.community/storage/m/_v2/77/aa';
    expect(demos!.title).toBe('Hackathon day two: demos');
    expect(demos!.images).toEqual([
      // The media description wins over the HTML's alt.
      { url: `${storage}/demo-stage.jpg`, thumbnailUrl: `${storage}/demo-stage_thumb.jpg`, alt: 'Speaker presenting a command-line tool, slides behind her' },
      { url: `${storage}/demo-crowd.jpg`, thumbnailUrl: `${storage}/demo-crowd_thumb.jpg`, alt: 'About forty people seated, watching the demos' },
      // A file name as description and an empty alt: no alt.
      { url: `${storage}/demo-prize.jpg`, thumbnailUrl: null, alt: null },
    ]);
    expect(demos!.imageUrl).toBe(`${storage}/demo-stage.jpg`);
    expect(demos!.thumbnailUrl).toBe(`${storage}/demo-stage_thumb.jpg`);
  });

  it('keeps every picture of a media-RSS item: media:content and enclosures, once each, pictures only', async () => {
    const [fest, single] = (await parse('media-rss-album.xml', 'photos')).items;
    const base = 'https://photos.accra-lug.example.net/i';
    expect(fest!.images).toEqual([
      { url: `${base}/install-fest/queue.jpg`, thumbnailUrl: null, alt: 'People queueing at the registration desk with their laptops' },
      { url: `${base}/install-fest/usb.jpg`, thumbnailUrl: `${base}/install-fest/usb_s.jpg`, alt: 'A pile of USB sticks with installer images' },
      { url: `${base}/install-fest/group.jpg`, thumbnailUrl: null, alt: null },
    ]);
    // A media:group is one picture in several sizes.
    expect(single!.images).toEqual([{ url: `${base}/feb/dsc-0042-l.jpg`, thumbnailUrl: `${base}/feb/dsc-0042-s.jpg`, alt: null }]);
  });

  it('treats "No caption", file names and blank captions as no caption', async () => {
    const photos = (await parse('pixelfed-album.xml', 'photos')).items;
    expect(photos.map((photo) => photo.title)).toEqual(['Hackathon day two: demos', '', '', '']);
    expect(photos[1]!.images).toEqual([{ url: 'https://pix.example.community/storage/m/_v2/77/bb/morning.jpg', thumbnailUrl: null, alt: null }]);
    expect(photos[2]!.images.map((image) => image.alt)).toEqual(['The hackathon banner hanging over the entrance', null]);
    expect((await parse('media-rss-album.xml', 'photos')).items[1]!.title).toBe('');
  });
});

describe('parseFeed: an album has bounds', () => {
  it('keeps at most 50 pictures of one entry, in order', async () => {
    const contents = Array.from({ length: 80 }, (_, n) => `<media:content url="https://example.org/p/${n}.jpg" medium="image"/>`).join('');
    const body = Buffer.from(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><item><title>Big album</title><guid>a</guid>${contents}</item></channel></rss>`);
    const [album] = (await parseFeed(body, { url: 'https://example.org/feed', contentType: null, kind: 'photos' })).items;
    expect(album!.images).toHaveLength(50);
    expect(album!.images[49]!.url).toBe('https://example.org/p/49.jpg');
  });
});

import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { LOCALE_CODES } from '@chapterhouse/config';
import { events, groups, pages, regions } from '../../cms/src/seed/data';

/**
 * Sends one GET with exactly these bytes as its request target, over a plain socket (fetch
 * would normalise the address first), and gives the status line's code and the whole answer.
 */
function rawGet(target: string): Promise<{ status: number; head: string }> {
  const base = new URL(inject('webUrl'));
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(target.slice(0, 200))}`)));
    socket.on('connect', () => {
      socket.write(
        Buffer.concat([
          Buffer.from('GET ', 'latin1'),
          Buffer.from(target, 'latin1'),
          Buffer.from(` HTTP/1.1\r\nHost: ${base.host}\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n`, 'latin1'),
        ]),
      );
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!status) reject(new Error(`not an HTTP answer to ${JSON.stringify(target.slice(0, 200))}: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status: Number(status[1]), head: text.slice(0, text.indexOf('\r\n\r\n')) });
    });
  });
}

/** A string as the raw bytes of its UTF-8 encoding, one latin1 character per byte. */
const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const HUGE_NUMBERS = ['99999999999999999999999', '1e308', '-1e308', '9007199254740993', '-0', '0', '-1', 'NaN', 'Infinity', '0x10', '1.5', '1_000', '٣'];
const BAD_ENCODINGS = ['%', '%0', '%ZZ', '%%', '%E0%A4%A', '%C0%80', '%C0%AF', '%ED%A0%80', '%FF%FE', '%F4%90%80%80', '%00', '%2F', '%2e%2e', '%5C', '%u0041', '%25'];
// Raw bytes that are not UTF-8 at all, and a NUL, straight in the address.
const BAD_BYTES = ['\xff', '\xc0\x80', '\xe0\xa4', '\xed\xa0\x80', '\xfe\xff', '\x00', '\x7f', '\x01'];
const CMS_SLUGS = [groups[0]!.slug, events[0]!.slug, pages[0]!.slug, regions[0]!.slug, 'paris-user-group'];

/** Path segments the website's routes meet in odd addresses. */
const oddSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, ...HUGE_NUMBERS, ...BAD_ENCODINGS, ...BAD_BYTES, '', '.', '..', '...', 'a_b', 'a--b', '-a'),
  fc.constantFrom(...CMS_SLUGS).chain((slug) =>
    fc.constantFrom(slug.toUpperCase(), `${slug}%00`, `${slug}\x00`, `${slug}.`, `${slug}/`, `${slug}%20`, `${slug}~`, `-${slug}`, slug),
  ),
  fc.constantFrom('groups-1.xml', 'groups-0.xml', 'groups-99999999999999999999.xml', 'events-1.xml', 'pages.xml', '__proto__.xml', 'event.ics', '__data.json'),
  fc.stringMatching(/^[A-Za-z0-9_.~-]{1,40}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((text) => encodeURIComponent(text)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map(utf8Bytes),
  fc.integer({ min: 256, max: 6000 }).map((length) => 'a'.repeat(length)),
  fc.integer({ min: 100, max: 2000 }).map((length) => 'ab-'.repeat(length).slice(0, -1)),
);

const locale = fc.constantFrom(...LOCALE_CODES, 'xx', 'EN', 'pt-br', 'zh-hans', 'zh', 'en-US', 'i-klingon', '__proto__', '');
const route = fc.constantFrom(
  '',
  'groups',
  'events',
  'pages',
  'regions',
  'working-groups',
  'map',
  'start-a-group',
  'sitemap',
  'map/points.json',
  'sitemap.xml',
  'robots.txt',
  '_app',
  '_app/immutable',
);

const validLocale = fc.constantFrom(...LOCALE_CODES);
const slugRoute = fc.constantFrom('groups', 'events', 'pages', 'regions');

/**
 * Addresses of pages at odd spellings, or of no page: most in a slug's place under a
 * real language, the rest anywhere, up to a few hundred segments deep.
 */
const oddPath: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(validLocale, slugRoute, oddSegment, fc.constantFrom('', '', '', '/event.ics', '/__data.json', '/x'))
      .map(([l, r, slug, tail]) => `/${l}/${r}/${slug}${tail}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(locale, route, fc.array(oddSegment, { maxLength: 4 }))
      .map(([l, r, rest]) => `/${[l, r, ...rest].filter((s, i) => s || i < 2).join('/')}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('', 'sitemap', 'map', '_app'), fc.array(oddSegment, { maxLength: 3 })).map(([r, rest]) => `/${[r, ...rest].join('/')}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(locale, fc.integer({ min: 20, max: 300 }), fc.constantFrom('groups', 'a', '..', '%2e%2e', ''))
      .map(([l, depth, s]) => `/${l}${`/${s}`.repeat(depth)}`),
  },
);

/** The query parameters the pages read, and others. */
const name = fc.oneof(
  fc.constantFrom('page', 'near', 'country', 'region', 'language', 'kind', 'status', 'q', 'group', 'format', 'locale', 'pageSize'),
  // SvelteKit's own, read on client-side navigations.
  fc.constantFrom('x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'),
  fc.constantFrom(...PROTOTYPE_KEYS, ...BAD_ENCODINGS),
  fc.tuple(fc.constantFrom('page', 'near', 'q', 'filters', 'x', '__proto__'), fc.array(fc.constantFrom('0', '__proto__', 'a', '$or', ''), { minLength: 1, maxLength: 40 })).map(
    ([root, path]) => `${root}${path.map((key) => `[${key}]`).join('')}`,
  ),
);
const value = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS, ...PROTOTYPE_KEYS, ...BAD_ENCODINGS, ...BAD_BYTES, '', ' ', '+', ','),
  fc.constantFrom('1e308,1', '91,0', '0,181', 'NaN,NaN', ',', '1,2,3', ' 48.85 , 2.35 ', '48.85,2.35', '-90,-180', '90.000000001,0'),
  fc.constantFrom('fr', 'FR', 'ZZ', 'xx', 'pt-br', 'PT-BR', 'en-u-ca-gregory', 'x-private', 'zh-min-nan', 'europe', 'Europe', 'user-group', 'online', 'ARCHIVED'),
  fc.constantFrom(...CMS_SLUGS).map((slug) => slug.toUpperCase()),
  fc.string({ maxLength: 30 }).map((text) => encodeURIComponent(text)),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(utf8Bytes),
  fc.integer({ min: 100, max: 4000 }).map((length) => 'q'.repeat(length)),
);
/** Values that have broken a page before, or could: NUL, bad encodings, raw bytes, numbers past any range, long text. */
const sharpValue = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '\x00', '%C0%80', '%ED%A0%80', '%FF', '%', '%E0%A4%A', '99999999999999999999999', '1e308', '-1', '__proto__'),
  fc.integer({ min: 100, max: 4000 }).map((length) => '%00'.repeat(length / 3)),
);
const query = fc.oneof(
  fc
    .tuple(fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 12 }), fc.constantFrom('&', ';', '&&'))
    .map(([pairs, separator]) => pairs.map(([n, v]) => `${n}=${v}`).join(separator)),
  // One parameter a page reads, with a value aimed at it.
  fc
    .tuple(fc.constantFrom('page', 'near', 'country', 'region', 'language', 'kind', 'status', 'q', 'group', 'format'), sharpValue)
    .map(([n, v]) => `${n}=${v}`),
);
const pathWithQuery = fc.constantFrom(
  '/en/groups',
  '/en/groups/__data.json',
  '/fr/groups',
  '/ja/groups',
  '/en/events',
  '/de/events',
  '/en/map',
  '/en/working-groups',
  '/en/start-a-group',
  '/en',
  '/',
  '/map/points.json',
  '/sitemap.xml',
  `/en/groups/paris-user-group`,
  `/en/events/${events[0]!.slug}`,
  `/en/events/${events[0]!.slug}/event.ics`,
  `/en/pages/${pages[0]!.slug}`,
  `/en/regions/${regions[0]!.slug}`,
);

const RUNS = 500;

describe('the website under odd addresses', () => {
  it(`answers ${RUNS} odd paths with no 5xx`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(oddPath, async (path) => {
        const { status, head } = await rawGet(path);
        expect(status, `${JSON.stringify(path.slice(0, 300))}\n${head}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} odd query strings with no 5xx`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(pathWithQuery, query, async (path, search) => {
        const { status, head } = await rawGet(`${path}?${search}`);
        expect(status, `${JSON.stringify(`${path}?${search}`.slice(0, 300))}\n${head}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('sends other spellings of a slug to its lower-case address and gives odd slugs a 404', async () => {
    const paris = await rawGet('/en/groups/Paris-User-Group?from=x');
    expect(paris.status).toBe(308);
    expect(paris.head).toMatch(/\r\nlocation: \/en\/groups\/paris-user-group\?from=x\r\n/i);
    for (const path of ['/en/groups/a_b', '/en/groups/paris-user-group%00', `/en/groups/${'a'.repeat(256)}`, '/en/pages/..%2f..%2f', '/en/regions/__proto__x_']) {
      expect((await rawGet(path)).status, path).toBe(404);
    }
  });

  it('is still healthy afterwards: pages render from the CMS as before', async () => {
    for (const path of ['/en', '/en/groups/paris-user-group', '/fr/groups?page=2', `/en/events/${events[0]!.slug}`, '/en/map?group=paris-user-group']) {
      expect((await rawGet(path)).status, path).toBe(200);
    }
  });
});

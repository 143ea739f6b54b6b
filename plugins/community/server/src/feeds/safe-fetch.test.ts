import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FEED_FIXTURES, startFeedServer, type FeedServer } from '../../../../../tests/fixtures/feed-server';
import { FeedError } from './feed-error';
import { parseFeed } from './parse-feed';
import { createFeedFetcher, type FeedFetcher, type FetchPolicy } from './safe-fetch';

const USER_AGENT = 'Chapterhouse feed importer (+https://portal.example.org)';
const POLICY: FetchPolicy = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
  allowPrivate: [],
  concurrency: 10,
  perHost: 2,
};
const wordpress = fs.readFileSync(path.join(FEED_FIXTURES, 'wordpress.xml'));

let server: FeedServer;
let other: FeedServer;
const fetchers: FeedFetcher[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

function fetcher(policy: Partial<FetchPolicy> = {}): FeedFetcher {
  const created = createFeedFetcher({ ...POLICY, ...policy });
  fetchers.push(created);
  return created;
}

/** A fetcher that may reach the fixture server (and nothing else private). */
const allowed = (policy: Partial<FetchPolicy> = {}) => fetcher({ allowPrivate: [server.hostPort], ...policy });

async function refusal(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

const totalHits = (target: FeedServer) => [...target.hits.values()].reduce((sum, n) => sum + n, 0);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFeedServer();
  other = await startFeedServer();
});

afterEach(() => {
  server.reset();
  other.reset();
});

afterAll(async () => {
  fetchers.forEach((created) => created.close());
  await Promise.all([server.close(), other.close()]);
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('fetching from an allowed host', () => {
  it('fetches the bytes with the portal’s User-Agent, a feed Accept header and compression offered', async () => {
    const outcome = await allowed().fetch(`${server.url}/feeds/wordpress.xml`);
    expect(outcome.kind).toBe('fetched');
    if (outcome.kind !== 'fetched') return;
    expect(outcome.body.equals(wordpress)).toBe(true);
    expect(outcome.url).toBe(`${server.url}/feeds/wordpress.xml`);
    expect(outcome.contentType).toBe('application/xml');
    expect(outcome.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(outcome.lastModified).toMatch(/GMT$/);
    const [request] = server.requests;
    expect(request!.headers['user-agent']).toBe(USER_AGENT);
    expect(request!.headers.accept).toMatch(/application\/rss\+xml/);
    expect(request!.headers.accept).toMatch(/application\/atom\+xml/);
    expect(request!.headers.accept).toMatch(/text\/calendar/);
    expect(request!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request!.headers.host).toBe(server.hostPort);
  });

  it('connects by name when the listed host:port is a name (resolved once, by the system resolver)', async () => {
    const outcome = await fetcher({ allowPrivate: [`localhost:${server.port}`] }).fetch(`http://localhost:${server.port}/feeds/rdf.xml`);
    expect(outcome.kind).toBe('fetched');
    expect(server.requests[0]!.headers.host).toBe(`localhost:${server.port}`);
  });

  it('sends If-None-Match and If-Modified-Since and reports 304 as not modified', async () => {
    const client = allowed();
    const first = await client.fetch(`${server.url}/feeds/wordpress.xml`);
    if (first.kind !== 'fetched') throw new Error('expected the first fetch to bring the feed');
    const second = await client.fetch(`${server.url}/feeds/wordpress.xml`, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ kind: 'not-modified', url: `${server.url}/feeds/wordpress.xml`, etag: first.etag, lastModified: first.lastModified });
    expect(server.requests[1]!.headers['if-none-match']).toBe(first.etag);
    expect(server.requests[1]!.headers['if-modified-since']).toBe(first.lastModified);
    const byDate = await client.fetch(`${server.url}/feeds/wordpress.xml`, { lastModified: first.lastModified });
    expect(byDate.kind).toBe('not-modified');
    expect(server.hits.get('/feeds/wordpress.xml')).toBe(3);
  });

  it('sees an item that changed upstream: new ETag, new body, new content hash for the same key', async () => {
    const client = allowed();
    const url = `${server.url}/feeds/changing.xml`;
    const feed = (title: string) => wordpress.toString().replace('Appel à présentations pour décembre', title);
    server.setFeed('changing.xml', feed('Appel à présentations pour décembre'));
    const first = await client.fetch(url);
    if (first.kind !== 'fetched') throw new Error('expected the feed');
    expect((await client.fetch(url, first)).kind).toBe('not-modified');
    server.setFeed('changing.xml', feed('Appel à présentations : date limite repoussée'));
    const second = await client.fetch(url, first);
    if (second.kind !== 'fetched') throw new Error('expected the changed feed');
    expect(second.etag).not.toBe(first.etag);
    const before = await parseFeed(first.body, { url, contentType: first.contentType, kind: 'blog' });
    const after = await parseFeed(second.body, { url, contentType: second.contentType, kind: 'blog' });
    expect(after.items[1]!.key).toBe(before.items[1]!.key);
    expect(after.items[1]!.title).toBe('Appel à présentations : date limite repoussée');
    expect(after.items[1]!.contentHash).not.toBe(before.items[1]!.contentHash);
    expect(after.items[0]!.contentHash).toBe(before.items[0]!.contentHash);
  });

  it.each(['gzip', 'deflate', 'br'])('decodes a %s response', async (encoding) => {
    const outcome = await allowed().fetch(`${server.url}/feeds/wordpress.xml?encoding=${encoding}`);
    expect(outcome.kind === 'fetched' && outcome.body.equals(wordpress)).toBe(true);
  });

  it('follows redirects, up to five, and reports the final address', async () => {
    const outcome = await allowed().fetch(`${server.url}/chain/5?to=${encodeURIComponent('/feeds/rdf.xml')}`);
    expect(outcome).toMatchObject({ kind: 'fetched', url: `${server.url}/feeds/rdf.xml` });
    expect(server.hits.get('/feeds/rdf.xml')).toBe(1);
    const moved = await allowed().fetch(`${server.url}/redirect?status=301&to=${encodeURIComponent(`${server.url}/feeds/rdf.xml`)}`);
    expect(moved.url).toBe(`${server.url}/feeds/rdf.xml`);
  });

  it('stops after five redirects', async () => {
    const error = await refusal(allowed().fetch(`${server.url}/chain/6`));
    expect(error.code).toBe('too-many-redirects');
    expect(server.hits.get('/feeds/wordpress.xml')).toBeUndefined();
  });

  it.each([404, 410, 500, 503])('reports HTTP status %i', async (status) => {
    const error = await refusal(allowed().fetch(`${server.url}/status/${status}`));
    expect(error).toMatchObject({ code: 'http-status', status });
    expect(error.message).toContain(String(status));
  });

  it('reports a refused connection', async () => {
    const gone = await startFeedServer();
    const { hostPort, url } = gone;
    await gone.close();
    const error = await refusal(fetcher({ allowPrivate: [hostPort] }).fetch(`${url}/feeds/wordpress.xml`));
    expect(error.code).toBe('network');
  });

  it('reports a host name that does not resolve', async () => {
    const error = await refusal(fetcher().fetch('http://no-such-host.invalid/feed.xml'));
    expect(error.code).toBe('dns');
  });
});

describe('time and size caps', { timeout: 30_000 }, () => {
  it('gives up on a server that never answers', async () => {
    expect((await refusal(allowed({ timeoutMs: 300 }).fetch(`${server.url}/hang`))).code).toBe('timeout');
  });

  it('gives up on slow headers', async () => {
    expect((await refusal(allowed({ timeoutMs: 300 }).fetch(`${server.url}/slow-headers?delay=5000`))).code).toBe('timeout');
  });

  it('counts the whole body against the time limit: a slow body and a never-ending one', async () => {
    expect((await refusal(allowed({ timeoutMs: 400 }).fetch(`${server.url}/slow-body?delay=200`))).code).toBe('timeout');
    expect((await refusal(allowed({ timeoutMs: 400 }).fetch(`${server.url}/never-ending`))).code).toBe('timeout');
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const error = await refusal(allowed().fetch(`${server.url}/large?mb=50&declare=1`));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('5 MiB');
  });

  it('stops reading a 50 MB body without Content-Length at the cap', async () => {
    expect((await refusal(allowed().fetch(`${server.url}/large?mb=50`))).code).toBe('too-large');
  });

  it('stops a never-ending body at the cap when that comes first', async () => {
    expect((await refusal(allowed({ maxBytes: 2048, timeoutMs: 10_000 }).fetch(`${server.url}/never-ending`))).code).toBe('too-large');
  });

  it.each(['gzip', 'deflate', 'br'])('counts decompressed bytes: a small %s bomb hits the cap', async (encoding) => {
    const error = await refusal(allowed().fetch(`${server.url}/bomb?mb=50&encoding=${encoding}`));
    expect(error.code).toBe('too-large');
  });
});

describe('concurrency', { timeout: 30_000 }, () => {
  it('keeps to the per-host and overall limits', async () => {
    const perHost = allowed({ concurrency: 10, perHost: 2 });
    await Promise.all(Array.from({ length: 6 }, () => perHost.fetch(`${server.url}/slow-headers?delay=300`)));
    expect(server.concurrency.max).toBe(2);

    server.reset();
    const byName = `http://localhost:${server.port}`;
    const overall = fetcher({ allowPrivate: [server.hostPort, `localhost:${server.port}`], concurrency: 3, perHost: 2 });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => overall.fetch(`${i % 2 ? byName : server.url}/slow-headers?delay=300`)),
    );
    expect(server.concurrency.max).toBe(3);
  });
});

describe('private addresses are refused (the real resolver path, nothing contacted)', () => {
  it.each([
    ['the fixture server by address', () => `${server.url}/feeds/wordpress.xml`],
    ['localhost, resolved by the system resolver', () => `http://localhost:${server.port}/feeds/wordpress.xml`],
    ['a decimal address', () => `http://2130706433:${server.port}/feeds/wordpress.xml`],
    ['an octal address', () => `http://0177.0.0.1:${server.port}/feeds/wordpress.xml`],
    ['a hex short form', () => `http://0x7f.1:${server.port}/feeds/wordpress.xml`],
    ['a short form', () => `http://127.1:${server.port}/feeds/wordpress.xml`],
    ['IPv6 loopback', () => `http://[::1]:${server.port}/feeds/wordpress.xml`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${server.port}/feeds/wordpress.xml`],
    ['NAT64 of loopback', () => `http://[64:ff9b::127.0.0.1]:${server.port}/feeds/wordpress.xml`],
    ['6to4 of loopback', () => `http://[2002:7f00:1::1]:${server.port}/feeds/wordpress.xml`],
    ['0.0.0.0', () => `http://0.0.0.0:${server.port}/feeds/wordpress.xml`],
    ['the IPv6 unspecified address', () => `http://[::]:${server.port}/feeds/wordpress.xml`],
  ])('%s', async (_label, url) => {
    const error = await refusal(fetcher().fetch(url()));
    expect(error.code).toBe('blocked-address');
    expect(error.message).toMatch(/private or reserved/);
    expect(totalHits(server)).toBe(0);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://10.0.0.1/feed',
    'http://172.16.5.4/feed',
    'http://192.168.1.1/feed',
    'http://100.64.0.1/feed',
    'http://224.0.0.1/feed',
    'http://255.255.255.255/feed',
    'https://[fd00::1]/feed',
    'https://[fe80::1]/feed',
    'https://[ff02::1]/feed',
  ])('%s', async (url) => {
    expect((await refusal(fetcher({ timeoutMs: 2000 }).fetch(url))).code).toBe('blocked-address');
  });

  it('refuses other schemes and addresses with credentials', async () => {
    for (const url of ['ftp://example.org/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://example.org/', 'not a url', 'http://user:secret@example.org/feed']) {
      expect((await refusal(fetcher().fetch(url))).code).toBe('bad-url');
    }
  });
});

describe('allowPrivate lets through exactly the host:port it lists', () => {
  it('refuses another port on the same host', async () => {
    const error = await refusal(allowed().fetch(`${other.url}/feeds/wordpress.xml`));
    expect(error.code).toBe('blocked-address');
    expect(totalHits(other)).toBe(0);
  });

  it('refuses the same server under another name, and another private address', async () => {
    expect((await refusal(allowed().fetch(`http://localhost:${server.port}/feeds/wordpress.xml`))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch(`http://127.0.0.2:${server.port}/feeds/wordpress.xml`))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch('http://169.254.169.254/latest/meta-data/'))).code).toBe('blocked-address');
    expect(totalHits(server)).toBe(0);
  });

  it('checks every redirect again: to the metadata address, to another port, to another name, to file:', async () => {
    const hop = (to: string) => `${server.url}/redirect?to=${encodeURIComponent(to)}`;
    expect((await refusal(allowed().fetch(hop('http://169.254.169.254/latest/meta-data/')))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch(hop(`${other.url}/feeds/wordpress.xml`)))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch(hop(`http://localhost:${server.port}/feeds/wordpress.xml`)))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch(hop(`http://[::ffff:7f00:1]:${other.port}/`)))).code).toBe('blocked-address');
    expect((await refusal(allowed().fetch(hop('file:///etc/passwd')))).code).toBe('bad-url');
    expect(totalHits(other)).toBe(0);
    expect(server.hits.get('/feeds/wordpress.xml')).toBeUndefined();
  });

  it('is empty by default, so even the fixture server is refused', async () => {
    expect(POLICY.allowPrivate).toEqual([]);
    expect((await refusal(fetcher().fetch(`${server.url}/feeds/wordpress.xml`))).code).toBe('blocked-address');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFrom } from '../api/client';
import { FEED_FIXTURES, startFeedServer, type FeedServer } from '../fixtures/feed-server';
import { createTestDatabase, type TestDatabase } from '../setup/database';
import { testSecrets } from '../setup/secrets';
import { startWeb, type RunningWeb } from '../setup/web';
import { startCmsInstance, type CmsInstance } from './instances';

const GROUP = 'api::group.group';
const CM = '/content-manager/collection-types';
const wordpress = fs.readFileSync(path.join(FEED_FIXTURES, 'wordpress.xml'), 'utf8');
const WORDPRESS_POSTS = wordpress.split('<item>').length - 1;

async function call(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { connection: 'close', ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** The editors' admin API of one instance, signed in with a token any instance accepts (same secrets, same database). */
function adminOf(cmsUrl: string, token: () => string) {
  const send = (method: string, route: string, data?: unknown) =>
    call(`${cmsUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
      ...(data === undefined ? {} : { body: JSON.stringify(data) }),
    });
  return {
    send,
    async createGroup(slug: string, extra: Record<string, unknown> = {}) {
      const created = await send('POST', `${CM}/${GROUP}?locale=en`, {
        name: slug.replace(/-/g, ' '),
        slug,
        kind: 'user-group',
        state: 'active',
        languages: ['en'],
        country: 'FR',
        timezone: 'Europe/Paris',
        ...extra,
      });
      expect(created.status, created.text).toBe(201);
      const documentId = created.body.data.documentId as string;
      const published = await send('POST', `${CM}/${GROUP}/${documentId}/actions/publish?locale=en`);
      expect(published.status, published.text).toBe(200);
      return documentId;
    },
    async feeds() {
      const response = await send('GET', '/community/feeds');
      expect(response.status, response.text).toBe(200);
      return response.body.data as { url: string; health: string; group: { slug: string } }[];
    },
  };
}

describe('two CMS and two web instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let feeds: FeedServer;
  let sql: pg.Client;
  let cmsA: CmsInstance;
  let cmsB: CmsInstance;
  let webA: RunningWeb;
  let webB: RunningWeb;
  let token = '';
  let adminA: ReturnType<typeof adminOf>;
  let adminB: ReturnType<typeof adminOf>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    feeds = await startFeedServer({ host: '127.0.0.1' });
    const env = {
      ...database.env,
      ...testSecrets(),
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      // Both instances run the schedule, every two seconds here instead of every hour.
      CRON_ENABLED: 'true',
      FEEDS_SCHEDULE: '*/2 * * * * *',
      FEEDS_LEASE_MS: '4000',
      FEEDS_ALLOW_PRIVATE_HOSTS: feeds.hostPort,
      // Far longer than the test: an instance can learn of the other's writes only by being told (NOTIFY).
      CONTENT_VERSION_TTL_MS: '600000',
      GROUP_APPLICATION_LIMIT: '3',
    };
    // The first instance creates the tables; the second starts on them.
    cmsA = await startCmsInstance(env);
    cmsB = await startCmsInstance(env);
    [webA, webB] = await Promise.all([
      startWeb(cmsA.url, { CONTENT_VERSION_TTL_MS: '1000' }),
      startWeb(cmsB.url, { CONTENT_VERSION_TTL_MS: '1000' }),
    ]);
    const registered = await call(`${cmsA.url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstname: 'Eda', lastname: 'Editor', email: 'editor@example.org', password: 'Editor-passw0rd' }),
    });
    expect(registered.status, registered.text).toBe(200);
    token = registered.body.data.token;
    adminA = adminOf(cmsA.url, () => token);
    adminB = adminOf(cmsB.url, () => token);
    sql = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await Promise.all([webA?.stop(), webB?.stop()]);
    await Promise.all([cmsA?.stop(), cmsB?.stop()]);
    await feeds?.close();
    await database?.drop();
  });

  it('imports each feed once and records it once, although both instances run every scheduled import', async () => {
    const slugs = Array.from({ length: 6 }, (_, n) => `cluster-feeds-${n}`);
    for (const [n, slug] of slugs.entries()) {
      feeds.setFeed(`${slug}.xml`, wordpress, 'application/rss+xml');
      // Half through each instance: editors reach whichever the load balancer picks.
      await (n % 2 ? adminB : adminA).createGroup(slug, { feeds: [{ kind: 'blog', url: `${feeds.url}/feeds/${slug}.xml` }] });
    }
    await expect
      .poll(async () => (await adminB.feeds()).filter((feed) => slugs.includes(feed.group.slug) && feed.health === 'ok').length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(slugs.length);
    // Several more rounds of both schedules: nothing is due, so nothing is fetched again.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    for (const slug of slugs) expect(feeds.hits.get(`/feeds/${slug}.xml`), slug).toBe(1);

    const duplicates = await sql.query(
      'select group_document_id, feed_url from community_feed_states group by group_document_id, feed_url having count(*) > 1',
    );
    expect(duplicates.rows).toEqual([]);
    const [one] = (await sql.query('select group_document_id, feed_url, kind, health from community_feed_states limit 1')).rows;
    await expect(
      sql.query('insert into community_feed_states (group_document_id, feed_url, kind, health) values ($1, $2, $3, $4)', [
        one.group_document_id,
        one.feed_url,
        one.kind,
        one.health,
      ]),
    ).rejects.toMatchObject({ code: '23505' });

    for (const slug of slugs) {
      const posts = await call(`${cmsA.url}/api/community/posts?group=${slug}&pagination[pageSize]=100`);
      expect(posts.body.meta.pagination.total, slug).toBe(WORDPRESS_POSTS);
    }
  });

  it('shows a publish made through CMS A on web B, which reads CMS B, as soon as web B reads the version again', async () => {
    const documentId = await adminA.createGroup('cluster-news', { summary: 'First words' });
    const page = () => fetch(`${webB.url}/en/groups/cluster-news`).then(async (r) => `${r.status} ${await r.text()}`);
    await expect.poll(page, { timeout: 10_000, interval: 100 }).toMatch(/^200 [\s\S]*First words/);

    const summary = `Meets on Thursdays now ${Date.now()}`;
    expect((await adminA.send('PUT', `${CM}/${GROUP}/${documentId}?locale=en`, { summary })).status).toBe(200);
    expect((await adminA.send('POST', `${CM}/${GROUP}/${documentId}/actions/publish?locale=en`)).status).toBe(200);
    // CMS B trusts its reading of the version for ten minutes: only the notice from A can make it read again.
    await expect.poll(page, { timeout: 10_000, interval: 100 }).toContain(summary);
    const api = await call(`${cmsB.url}/api/groups?filters[slug][$eq]=cluster-news&fields[0]=summary`);
    expect(api.body.data[0].summary).toBe(summary);
  });

  it('counts rate limits across both instances', async () => {
    const application = (n: number) =>
      JSON.stringify({
        data: {
          proposedName: `Cluster Town User Group ${n}`,
          city: 'Cluster Town',
          country: 'FR',
          languages: ['fr'],
          contactName: 'Camille Martin',
          contactEmail: 'camille@example.org',
          message: 'We are about twenty people and would like to become a group of the community.',
        },
      });
    // Six at once from one address, three through each instance: the limit of three holds for all of them together.
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        requestFrom('127.0.21.1', 'POST', `${n % 2 ? cmsB.url : cmsA.url}/api/group-applications`, { 'content-type': 'application/json' }, application(n)).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);

    // Sign-in allows ten attempts per address and minute (users-permissions' default), wherever they land.
    const signIns: number[] = [];
    for (let n = 0; n < 11; n++) {
      const answer = await requestFrom(
        '127.0.21.2',
        'POST',
        `${n % 2 ? cmsB.url : cmsA.url}/api/auth/local`,
        { 'content-type': 'application/json' },
        JSON.stringify({ identifier: 'nobody@example.org', password: 'wrong-password' }),
      );
      signIns.push(answer.status);
    }
    expect(signIns).toEqual([...Array.from({ length: 10 }, () => 400), 429]);
  });

  it('loses nothing when an instance dies mid-import: the other takes its feed up once the lease expires', async () => {
    const feedUrl = `${feeds.url}/slow-body?delay=1000&path=/feeds/wordpress.xml`;
    await adminA.createGroup('cluster-slow', { feeds: [{ kind: 'blog', url: feedUrl }] });
    // Whichever instance took the feed is downloading it (a kilobyte a second): that one dies.
    let owner = '';
    await expect
      .poll(
        async () => {
          const { rows } = await sql.query('select lease_owner from community_feed_states where feed_url = $1 and lease_owner is not null', [feedUrl]);
          owner = rows[0]?.lease_owner ?? '';
          return Boolean(owner) && (feeds.hits.get('/slow-body') ?? 0) > 0;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    const pid = Number(owner.split(':')[1]);
    expect([cmsA.pid, cmsB.pid]).toContain(pid);
    const [dying, surviving] = pid === cmsA.pid ? [cmsA, cmsB] : [cmsB, cmsA];
    await dying.kill();

    const survivor = adminOf(surviving.url, () => token);
    await expect
      .poll(async () => (await survivor.feeds()).find((feed) => feed.url === feedUrl)?.health, { timeout: 40_000, interval: 500 })
      .toBe('ok');
    expect(feeds.hits.get('/slow-body')).toBeGreaterThanOrEqual(2);
    const posts = await call(`${surviving.url}/api/community/posts?group=cluster-slow&pagination[pageSize]=100`);
    expect(posts.body.meta.pagination.total).toBe(WORDPRESS_POSTS);
    expect(new Set(posts.body.data.map((post: { link: string }) => post.link)).size).toBe(WORDPRESS_POSTS);
  });
});

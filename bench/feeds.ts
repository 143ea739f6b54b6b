/**
 * Feed import benchmark: 500 feeds served locally (20 items each: blogs, photostreams
 * and calendars), imported by the real CMS with at most 10 requests at once; then the
 * same import again, which should be answered mostly by 304s and create nothing.
 * Prints the time of each run, how the feeds answered, the records created and the
 * CMS process's peak memory.
 *
 *   npm run build -w config && npm run build -w plugins/community && npx tsc -p cms/tsconfig.json && npx tsx bench/feeds.ts [feeds=500]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { serveFeeds, type FeedGroup } from '../scripts/demo-feeds';
import { createTestDatabase } from '../tests/setup/database';
import { testSecrets } from '../tests/setup/secrets';
import { startCms } from '../tests/setup/strapi';

const serving = process.argv[2] === 'serve';
const FEEDS = Number((serving ? process.argv[3] : process.argv[2]) ?? 500);
const ITEMS = 20;
const KINDS = ['blog', 'photos', 'blog', 'photos', 'blog', 'photos', 'blog', 'photos', 'blog', 'calendar'] as const;
const FILES = { blog: 'blog.xml', photos: 'photos.xml', calendar: 'calendar.ics' } as const;
const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt-BR', 'ja', 'zh'];

const benchGroups: FeedGroup[] = Array.from({ length: FEEDS }, (_, n) => ({
  slug: `feed-bench-${n}`,
  name: `Feed Bench ${n}`,
  city: `City ${n}`,
  languages: [LANGUAGES[n % LANGUAGES.length]!],
}));

/** The feed server runs in a child process, so it never shares the CMS's event loop. */
async function serveInChild(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'serve', String(FEEDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /^FEEDS (\S+)$/m.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the feed server exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

function peakMemoryMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const feeds = await serveInChild();
  const database = await createTestDatabase('sqlite');
  Object.assign(process.env, database.env, testSecrets(), {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    SEED_DEMO: 'false',
    FEEDS_ALLOW_PRIVATE_HOSTS: new URL(feeds.url).host,
    FEEDS_CONCURRENCY: '10',
  });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  try {
    let t0 = performance.now();
    for (const [n, group] of benchGroups.entries()) {
      const kind = KINDS[n % KINDS.length]!;
      const created = await strapi.documents('api::group.group').create({
        locale: 'en',
        data: {
          name: group.name,
          slug: group.slug,
          kind: 'user-group',
          state: 'active',
          languages: group.languages,
          country: 'FR',
          city: group.city,
          timezone: 'Europe/Paris',
          feeds: [{ kind, url: `${feeds.url}/feeds/${group.slug}/${FILES[kind]}` }],
        },
      });
      await strapi.documents('api::group.group').publish({ documentId: created.documentId, locale: 'en' });
    }
    console.log(`${FEEDS} groups with one feed each created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const importer = strapi.plugin('community').service('feed-import');
    const records = async () => ({
      posts: await strapi.db.query('plugin::community.post').count(),
      photos: await strapi.db.query('plugin::community.photo').count(),
      events: await strapi.db.query('api::event.event').count({ where: { importedFrom: { $notNull: true }, publishedAt: { $notNull: true } } }),
    });
    const health = async () => {
      const rows = (await strapi.db.query('plugin::community.feed-state').findMany({ select: ['health'] })) as { health: string }[];
      return rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.health]: (counts[row.health] ?? 0) + 1 }), {});
    };

    for (const label of ['first import', 'second import']) {
      const before = await records();
      t0 = performance.now();
      const run = await importer.run({ force: true });
      const seconds = (performance.now() - t0) / 1000;
      const after = await records();
      const states = await health();
      const created = Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key as keyof typeof before]]));
      console.log(
        `${label.padEnd(14)} ${run.total} feeds in ${seconds.toFixed(1)} s  (${run.failed} failed)  health ${JSON.stringify(states)}  new records ${JSON.stringify(created)}  ` +
          `not modified: ${(((states['not-modified'] ?? 0) / run.total) * 100).toFixed(0)} %`,
      );
    }
    console.log(`peak memory of the CMS process: ${peakMemoryMb().toFixed(0)} MB`);
  } finally {
    await cms.stop();
    await database.drop();
    feeds.stop();
  }
}

if (serving) {
  void serveFeeds(benchGroups, { items: ITEMS }).then((server) => console.log(`FEEDS ${server.url}`));
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Reads during a huge import: the CMS (with the demo community) imports one blog feed of
 * ITEMS items while a load generator reads the public API at a fixed concurrency. Prints
 * the latency of those reads — idle first, then during the import — and what the import
 * stored. The feed server, the CMS and the load generator each run in their own process,
 * so that only the CMS's own event loop is measured.
 *
 *   npm run build -w config && npm run build -w plugins/community && npx tsc -p cms/tsconfig.json && npx tsx bench/feed-import-load.ts [items=20000] [concurrency=4]
 *
 * BENCH_DB=postgres (with TEST_DATABASE_URL) runs the CMS on PostgreSQL instead of SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { startFeedServer } from '../tests/fixtures/feed-server';
import { largeFeed } from '../tests/fixtures/large-feed';
import { createTestDatabase } from '../tests/setup/database';
import { testSecrets } from '../tests/setup/secrets';
import { startCms } from '../tests/setup/strapi';

const argv = process.argv.slice(2);
const mode = argv[0] === 'serve' || argv[0] === 'cms' ? argv[0] : null;
const args = mode ? argv.slice(1) : argv;
const SLUG = 'busy-blog-group';

/** Starts this script in another process in `childMode` and waits for its line `<tag> <value>`. */
async function child(childMode: string, childArgs: string[], tag: string, env: NodeJS.ProcessEnv = {}): Promise<{ process: ChildProcess; value: string; lines: readline.Interface }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', __filename, childMode, ...childArgs], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const lines = readline.createInterface({ input: proc.stdout! });
  const value = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith(`${tag} `)) resolve(line.slice(tag.length + 1));
    });
    proc.once('exit', (code) => reject(new Error(`${childMode} exited (${code})`)));
  });
  return { process: proc, value, lines };
}

/** The feed server's process: one feed of `items` items at /feeds/busy.xml. */
async function serveFeed(items: number) {
  const server = await startFeedServer({ host: '127.0.0.1' });
  server.setFeed('busy.xml', largeFeed(items), 'application/rss+xml');
  console.log(`FEED ${server.url}/feeds/busy.xml`);
}

/** The CMS's process: a fresh database with the demo, a group listing the feed; imports when told to on stdin. */
async function runCms(feedUrl: string) {
  const database = await createTestDatabase(process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite');
  Object.assign(process.env, database.env, testSecrets(), {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    FEEDS_ALLOW_PRIVATE_HOSTS: new URL(feedUrl).host,
  });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  const created = await strapi.documents('api::group.group').create({
    locale: 'en',
    data: { name: 'Busy Blog Group', slug: SLUG, kind: 'user-group', state: 'active', languages: ['en'], country: 'FR', city: 'Lyon', timezone: 'Europe/Paris', feeds: [{ kind: 'blog', url: feedUrl }] },
  });
  await strapi.documents('api::group.group').publish({ documentId: created.documentId, locale: 'en' });
  const stop = async () => {
    // Strapi may already be shutting itself down on the same signal.
    await cms.stop().catch(() => undefined);
    await database.drop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const loopDelay = () => ({ p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 });
  readline.createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line === 'idle') {
      delay.reset();
      delay.enable();
      return;
    }
    if (line !== 'import') return;
    const idle = loopDelay();
    const importer = strapi.plugin('community').service('feed-import');
    // Only this feed: the demo groups' feeds point at a server that is not running here.
    await importer.run({ only: [] });
    const id = (await importer.status()).find((feed: { group: { slug: string } }) => feed.group.slug === SLUG).id;
    delay.reset();
    const t0 = performance.now();
    const run = await importer.run({ only: [id] });
    const seconds = (performance.now() - t0) / 1000;
    const loop = { idle, importing: loopDelay() };
    const [status] = (await importer.status()).filter((feed: { group: { slug: string } }) => feed.group.slug === SLUG);
    const posts = await strapi.db.query('plugin::community.post').count({ where: { feedUrl } });
    console.log(`IMPORTED ${JSON.stringify({ seconds, failed: run.failed, posts, health: status.health, note: status.note, loop })}`);
  });
  console.log(`CMS ${cms.url}`);
}

/** Reads the API with `concurrency` clients until `until` resolves; returns each read's latency. */
async function load(base: string, concurrency: number, until: Promise<unknown>) {
  let done = false;
  void until.then(() => (done = true));
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  // A mix of what visitors and integrators ask: cached lists, uncached health, and pages the cache has not seen.
  const paths = (i: number) =>
    [
      `/api/community/posts?group=${SLUG}&pagination[pageSize]=10&pagination[page]=${(i % 40) + 1}`,
      '/api/groups?locale=fr&pagination[pageSize]=20',
      '/api/community/health',
      `/api/events?locale=de&pagination[page]=${(i % 7) + 1}&pagination[pageSize]=10`,
    ][i % 4]!;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!done) {
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}${paths(n++)}`);
          await response.arrayBuffer();
          if (!response.ok) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

function report(label: string, { latencies, failures }: { latencies: number[]; failures: number }, seconds: number) {
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `${label.padEnd(22)} ${String(latencies.length).padStart(6)} reads in ${seconds.toFixed(1)} s  p50 ${pct(50)} ms  p95 ${pct(95)} ms  ` +
      `p99 ${pct(99)} ms  max ${latencies.at(-1)!.toFixed(1)} ms  failures ${failures}`,
  );
}

async function main() {
  const items = Number(args[0] ?? 20_000);
  const concurrency = Number(args[1] ?? 4);
  const feed = await child('serve', [String(items)], 'FEED');
  const cms = await child('cms', [feed.value], 'CMS');
  try {
    // Warm-up, then the idle baseline.
    await load(cms.value, concurrency, new Promise((resolve) => setTimeout(resolve, 2000)));
    cms.process.stdin!.write('idle\n');
    let t0 = performance.now();
    report('idle', await load(cms.value, concurrency, new Promise((resolve) => setTimeout(resolve, 5000))), (performance.now() - t0) / 1000);

    const imported = new Promise<string>((resolve) => cms.lines.on('line', (line) => line.startsWith('IMPORTED ') && resolve(line.slice(9))));
    t0 = performance.now();
    cms.process.stdin!.write('import\n');
    const during = await load(cms.value, concurrency, imported);
    report(`during the import`, during, (performance.now() - t0) / 1000);
    const result = JSON.parse(await imported) as { seconds: number; failed: number; posts: number; health: string; note: string | null; loop: Record<'idle' | 'importing', { p99: number; max: number }> };
    console.log(
      `import of a ${items.toLocaleString('en')}-item feed: ${result.seconds.toFixed(1)} s, ${result.posts} posts stored, health ${result.health}` +
        `${result.note ? ` — "${result.note}"` : ''}${result.failed ? ' (failed)' : ''}`,
    );
    const { idle, importing } = result.loop;
    console.log(
      `the CMS's event-loop delay: idle p99 ${idle.p99.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms; ` +
        `during the import p99 ${importing.p99.toFixed(1)} ms, max ${importing.max.toFixed(1)} ms`,
    );
  } finally {
    cms.process.kill('SIGTERM');
    feed.process.kill('SIGTERM');
  }
}

if (mode === 'serve') void serveFeed(Number(args[0]));
else if (mode === 'cms') void runCms(args[0]!);
else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

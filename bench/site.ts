/**
 * Website benchmark on the demo community plus generated groups: starts a CMS on a
 * throwaway SQLite database and the built website, then measures
 *  - the group list and group pages under concurrent load (throughput, p50/p95/p99),
 *  - the size of the map's GeoJSON for 10,000 groups (raw and gzipped) and its time
 *    cold and cached,
 *  - the JavaScript the home, directory and map pages load in Chromium (gzipped).
 *
 * The CMS runs in its own process (bench/cms-server.ts) and the website in another, so
 * the load generator here shares a core with them but not an event loop.
 *
 *   npm run build -w web && npx tsc -p cms/tsconfig.json && npx tsx bench/site.ts [requests=3000] [concurrency=50]
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startWeb } from '../tests/setup/web';
import { startBenchCms } from './cms-process';

const requests = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 50);

/** One GET over a kept-alive connection; resolves with the status once the body is read. */
function get(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * `requests` GETs over `concurrency` kept-alive connections, cycling through `urls`. The
 * client is Node's own http module, the cheapest one at hand, since it shares the cores.
 */
async function load(name: string, urls: string[], count = requests) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const url = urls[next++ % urls.length]!;
        const t0 = performance.now();
        const status = await get(agent, url);
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(34)} ${(count / seconds).toFixed(0).padStart(5)} req/s  p50 ${pct(50).padStart(6)} ms  p95 ${pct(95).padStart(6)} ms  p99 ${pct(99).padStart(6)} ms  statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

async function main() {
  let cms = await startBenchCms(5000);
  const web = await startWeb(cms.url);
  try {
    const total = await fetch(`${cms.url}/api/groups?fields[0]=slug&pagination[pageSize]=1`).then((r) => r.json());
    console.log(`${total.meta.pagination.total} published groups; ${requests} requests per row at concurrency ${concurrency}\n`);

    const pages = Math.ceil(total.meta.pagination.total / 20);
    const listPages = Array.from({ length: 250 }, (_, i) => `${web.url}/fr/groups?page=${(i % pages) + 1}`);
    const slugs = Array.from({ length: 200 }, (_, i) => `generated-group-${i * 25}`);
    const groupPages = slugs.map((slug) => `${web.url}/de/groups/${slug}`);
    // First visits: every page rendered from the CMS (nothing cached yet), 50 at a time.
    await load('first visits: list pages 1–250 (fr)', listPages, listPages.length);
    await load('first visits: 200 group pages (de)', groupPages, groupPages.length);
    // Steady state: the same pages again, now rendered within this minute and content version.
    await load('group list /en/groups', [`${web.url}/en/groups`]);
    await load('group list, pages 1–250 (fr)', listPages);
    await load('group page (de), 200 groups', groupPages);
    await load('CMS API group list (pt-BR)', [`${cms.url}/api/groups?locale=pt-BR&sort[0]=name:asc&pagination[pageSize]=20`]);

    for (const page of ['/en', '/en/groups', '/en/map']) {
      const js = await shippedJavaScript(`${web.url}${page}`);
      console.log(`JavaScript loaded by ${page.padEnd(11)} ${js.files} files, ${(js.gzipped / 1024).toFixed(1)} KB gzipped`);
    }
  } finally {
    await web.stop();
    await cms.stop();
  }

  cms = await startBenchCms(10_000 - 66);
  try {
    const geoUrl = `${cms.url}/api/community/groups.geojson`;
    let t0 = performance.now();
    const geo = await fetch(geoUrl);
    const body = Buffer.from(await geo.arrayBuffer());
    const cold = performance.now() - t0;
    t0 = performance.now();
    await fetch(geoUrl).then((r) => r.arrayBuffer());
    const warm = performance.now() - t0;
    const features = JSON.parse(body.toString()).features.length;
    console.log(
      `map GeoJSON: ${features} groups, ${(body.length / 1024).toFixed(0)} KB raw, ${(gzipSync(body).length / 1024).toFixed(0)} KB gzipped; cold ${cold.toFixed(0)} ms, cached ${warm.toFixed(1)} ms`,
    );
  } finally {
    await cms.stop();
  }
}

/** Gzipped size of every script a real browser loads to show the page (module preloads and lazy route chunks included). */
async function shippedJavaScript(pageUrl: string): Promise<{ files: number; gzipped: number }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-bench-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(scripts);
    return { files: sizes.length, gzipped: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

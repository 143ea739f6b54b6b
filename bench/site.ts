/**
 * Website benchmark on the demo community plus generated groups: starts a CMS on a
 * throwaway SQLite database and the built website, then prints side by side
 *  - first visits (nothing cached, on the website or in the CMS): 250 distinct directory
 *    pages and 200 distinct group pages at the given concurrency, against the goal
 *    (p95 < 500 ms, at least 150 req/s), with the CPU time the CMS and the website spent per
 *    page, twice (the content version is changed in between, which is what a publish does);
 *  - steady state (pages already rendered in this minute and content version);
 *  - the CMS's cached anonymous answer to the website's group-page request and to a page of
 *    `/api/groups`, next to a bare Node server sending the same bytes from memory, under the
 *    same load generator (goal: at least 0.3 of the bare server's throughput);
 *  - database queries and CMS requests per first visit of the directory, a group page and
 *    the events page with 500 and with 5,000 generated groups (they should not grow);
 *  - the JavaScript the home, directory and map pages load in Chromium (gzipped), and the
 *    size of the map's GeoJSON for 10,000 groups and its time cold and cached.
 *
 * The CMS runs in its own process (bench/cms-server.ts) and the website in another, so
 * the load generator here shares the cores with them but not an event loop. On a shared
 * machine the figures move with the neighbours' load: repeat a run before trusting a change.
 *
 *   npm run build && npx tsx bench/site.ts [requests=3000] [concurrency=50]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startWeb, type RunningWeb } from '../tests/setup/web';
import { startBenchCms, type BenchCms } from './cms-process';
import { load as loadUrls, type Figures } from './http-load';

const requests = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 50);
// The website's own setting: it reads the CMS's content version at most this often.
const WEB_VERSION_TTL_MS = 1000;
// The benchmark CMS is alone: the versions it bumps itself it knows at once, so it never needs to read one back.
const CMS_ENV = { CONTENT_VERSION_TTL_MS: String(3_600_000) };

/** `count` GETs at the run's concurrency, cycling through `urls`. */
const load = (urls: string[], count = requests) => loadUrls(urls, { count, concurrency });

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/** CPU time a process has used so far, in milliseconds (Linux), or NaN where /proc is missing. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * A first-visit row, with the CPU time the CMS and the website spent per page: on a shared
 * machine throughput follows the neighbours' load, CPU per page much less.
 */
async function firstVisits(name: string, urls: string[], cms: BenchCms, web: RunningWeb, goal: { p95: number; rps: number }) {
  const before = { cms: cpuMs(cms.pid), web: cpuMs(web.pid) };
  const figures = await load(urls, urls.length);
  row(name, figures, goal);
  const per = (now: number, then: number) => ((now - then) / urls.length).toFixed(1);
  console.log(`${''.padEnd(44)} CPU per page: CMS ${per(cpuMs(cms.pid), before.cms)} ms, website ${per(cpuMs(web.pid), before.web)} ms`);
}

function row(name: string, figures: Figures, goal?: { p95: number; rps: number }) {
  const verdict = goal ? (figures.p95 < goal.p95 && figures.rps >= goal.rps ? '  meets the goal' : '  misses the goal') : '';
  console.log(
    `${name.padEnd(44)} ${figures.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}  ${JSON.stringify(figures.statuses)}${verdict}`,
  );
}

/** A server that answers each URL's path and query with bytes it holds in memory, and nothing else. */
async function bareServer(answers: Map<string, { type: string; body: Buffer }>) {
  const server = http.createServer((request, response) => {
    const answer = answers.get(request.url ?? '');
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': answer.type, 'content-length': answer.body.length });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The CMS's cached answers to `paths` next to the same bytes from a bare server, rows alternating so that noise hits both. */
async function cachedReadAgainstBare(cms: BenchCms, rows: [string, string][]) {
  const answers = new Map<string, { type: string; body: Buffer }>();
  for (const [, pathAndQuery] of rows) {
    const response = await fetch(`${cms.url}${pathAndQuery}`, { headers: { 'accept-encoding': 'identity' } });
    answers.set(pathAndQuery, { type: response.headers.get('content-type') ?? 'application/json', body: Buffer.from(await response.arrayBuffer()) });
  }
  const bare = await bareServer(answers);
  try {
    for (const [name, pathAndQuery] of rows) {
      const bytes = answers.get(pathAndQuery)!.body.length;
      const ratios: number[] = [];
      for (let round = 1; round <= 2; round++) {
        const alone = await load([`${bare.url}${pathAndQuery}`]);
        const cached = await load([`${cms.url}${pathAndQuery}`]);
        row(`bare Node server, ${name} (${(bytes / 1024).toFixed(1)} KB)`, alone);
        row(`CMS cached answer, ${name}`, cached);
        ratios.push(cached.rps / alone.rps);
      }
      console.log(`${''.padEnd(44)} CMS/bare: ${ratios.map((r) => r.toFixed(2)).join(', ')} (goal ≥ 0.30)\n`);
    }
  } finally {
    await bare.close();
  }
}

/** Queries and CMS requests of one first visit: the content version is changed first, so nothing is reused. */
async function firstVisitCost(cms: BenchCms, url: string) {
  await cms.bump();
  await sleep(WEB_VERSION_TTL_MS + 100);
  const before = await cms.counts();
  const response = await fetch(url);
  await response.arrayBuffer();
  const after = await cms.counts();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { queries: after.queries - before.queries, requests: after.requests - before.requests };
}

const COST_PAGES: [string, string][] = [
  ['directory', '/en/groups'],
  ['directory, page 3', '/en/groups?page=3'],
  ['directory, language and kind', '/fr/groups?language=pt-BR&kind=user-group'],
  ['directory, search', '/de/groups?q=berlin'],
  ['directory, near me', '/en/groups?near=48.8566,2.3522'],
  ['directory, near me, page 5', '/ja/groups?near=-33.87,151.21&page=5'],
  ['group page', '/de/groups/paris-user-group'],
  ['working group page', '/fr/groups/documentation-working-group'],
  ['events page', '/en/events'],
];

async function queriesPerPage(sizes: { groups: number; cms: BenchCms; web: RunningWeb }[]) {
  console.log(`\nPer first visit: database queries (CMS requests, the content-version read included), by number of generated groups`);
  console.log(`${'page'.padEnd(34)} ${sizes.map((size) => `${size.groups} groups`.padStart(18)).join('')}`);
  for (const [name, page] of COST_PAGES) {
    const cells: string[] = [];
    for (const size of sizes) {
      const cost = await firstVisitCost(size.cms, `${size.web.url}${page}`);
      cells.push(`${String(cost.queries).padStart(6)} (${cost.requests} req)`.padStart(18));
    }
    console.log(`${name.padEnd(34)} ${cells.join('')}`);
  }
}

async function main() {
  const cms = await startBenchCms(5000, CMS_ENV);
  const web = await startWeb(cms.url, { CONTENT_VERSION_TTL_MS: String(WEB_VERSION_TTL_MS) });
  const small = { groups: 500, cms: await startBenchCms(500, CMS_ENV) };
  const smallWeb = await startWeb(small.cms.url, { CONTENT_VERSION_TTL_MS: String(WEB_VERSION_TTL_MS) });
  try {
    const total = await fetch(`${cms.url}/api/groups?fields[0]=slug&pagination[pageSize]=1`).then((r) => r.json());
    console.log(
      `${total.meta.pagination.total} published groups; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${requests} requests per steady row, concurrency ${concurrency}\n`,
    );

    const pageCount = Math.ceil(total.meta.pagination.total / 20);
    const listPages = Array.from({ length: 250 }, (_, i) => `${web.url}/fr/groups?page=${(i % pageCount) + 1}`);
    const groupPages = Array.from({ length: 200 }, (_, i) => `${web.url}/de/groups/generated-group-${i * 25}`);
    const goal = { p95: 500, rps: 150 };
    for (let round = 1; round <= 2; round++) {
      // Nothing cached: a changed content version makes every answer of the CMS and the website a first one.
      await cms.bump();
      await sleep(WEB_VERSION_TTL_MS + 100);
      await firstVisits(`first visits ${round}: 250 list pages (fr)`, listPages, cms, web, goal);
      await firstVisits(`first visits ${round}: 200 group pages (de)`, groupPages, cms, web, goal);
    }

    console.log('');
    row('steady: group list /en/groups', await load([`${web.url}/en/groups`]));
    row('steady: group list, pages 1–250 (fr)', await load(listPages));
    row('steady: group page (de), 200 groups', await load(groupPages));
    console.log('');

    await cachedReadAgainstBare(cms, [
      [
        'group page request (de)',
        '/api/groups?locale=de&filters%5Bslug%5D%5B%24eq%5D=paris-user-group&populate%5Bregion%5D%5Bfields%5D%5B0%5D=slug&populate%5Bregion%5D%5Bfields%5D%5B1%5D=name&populate%5Bresources%5D%5Bfields%5D%5B0%5D=type&populate%5Bresources%5D%5Bfields%5D%5B1%5D=title&populate%5Bresources%5D%5Bfields%5D%5B2%5D=url&populate%5Bresources%5D%5Bfields%5D%5B3%5D=language&populate%5BworkingGroup%5D%5Bpopulate%5D%5B0%5D=chairs&populate%5BworkingGroup%5D%5Bpopulate%5D%5B1%5D=channels&populate%5Bcoordinators%5D=true&populate%5Bposts%5D=true&populate%5Bphotos%5D=true&pagination%5BpageSize%5D=1',
      ],
      ['/api/groups, a page of 20 (fr)', '/api/groups?locale=fr&sort[0]=name:asc&pagination[pageSize]=20'],
    ]);

    await queriesPerPage([
      { ...small, web: smallWeb },
      { groups: 5000, cms, web },
    ]);

    console.log('');
    for (const page of ['/en', '/en/groups', '/en/map']) {
      const js = await shippedJavaScript(`${web.url}${page}`);
      console.log(`JavaScript loaded by ${page.padEnd(11)} ${js.files} files, ${(js.gzipped / 1024).toFixed(1)} KB gzipped`);
    }
  } finally {
    await smallWeb.stop();
    await small.cms.stop();
    await web.stop();
    await cms.stop();
  }

  const large = await startBenchCms(10_000 - 66);
  try {
    const geoUrl = `${large.url}/api/community/groups.geojson`;
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
    await large.stop();
  }
}

/** Gzipped size of every script a real browser loads to show the page (module preloads, lazy route chunks and the map's Leaflet included). */
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
    // The map loads Leaflet once the page runs: counted when the map says it is drawn (or failed).
    if (await page.locator('.group-map').count()) {
      await page.locator('.group-map:is([data-status="ready"], [data-status="failed"])').waitFor();
      await page.waitForLoadState('networkidle');
    }
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

/**
 * Website benchmark on the demo community plus generated groups: starts a CMS on a
 * throwaway SQLite database and the built website, then measures
 *  - the group list and group pages under concurrent load (throughput, p50/p95/p99),
 *  - the size of the map's GeoJSON for 10,000 groups (raw and gzipped) and its time
 *    cold and cached,
 *  - the JavaScript the home page ships (gzipped).
 *
 *   npm run build -w web && npx tsc -p cms/tsconfig.json && npx tsx bench/site.ts [requests=3000] [concurrency=50]
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createTestDatabase } from '../tests/setup/database';
import { testSecrets } from '../tests/setup/secrets';
import { startCms } from '../tests/setup/strapi';
import { startWeb } from '../tests/setup/web';

const requests = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 50);

async function load(name: string, urls: string[]) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const url = urls[next++ % urls.length]!;
        const t0 = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(28)} ${(requests / seconds).toFixed(0).padStart(5)} req/s  p50 ${pct(50).padStart(6)} ms  p95 ${pct(95).padStart(6)} ms  p99 ${pct(99).padStart(6)} ms  statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

const COUNTRIES = ['FR', 'DE', 'BR', 'JP', 'IN', 'KE', 'US', 'AU', 'MX', 'ID', 'NG', 'PL', 'VN', 'AR', 'EG'];
const KINDS = ['user-group', 'user-group', 'user-group', 'working-group', 'special-interest-group'];
const STATES = ['active', 'active', 'active', 'forming', 'dormant', 'archived'];

/** Inserts generated, published groups straight into the tables (a draft and a published row each, as Strapi keeps them). */
async function generateGroups(strapi: any, count: number, offset: number) {
  const now = new Date();
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const n = offset + i;
      const documentId = randomBytes(12).toString('hex').slice(0, 24);
      const base = {
        documentId,
        locale: 'en',
        name: `Generated Group ${n}`,
        slug: `generated-group-${n}`,
        kind: KINDS[n % KINDS.length],
        state: STATES[n % STATES.length],
        summary: `A generated group number ${n}, for measuring the directory at scale.`,
        languages: ['en'],
        country: COUNTRIES[n % COUNTRIES.length],
        city: `City ${n}`,
        latitude: -60 + ((n * 7919) % 12000) / 100,
        longitude: -179 + ((n * 104729) % 35800) / 100,
        timezone: 'UTC',
        createdAt: now,
        updatedAt: now,
      };
      rows.push({ ...base, publishedAt: null }, { ...base, publishedAt: now });
    }
    await strapi.db.query('api::group.group').createMany({ data: rows });
  }
  // Rows written around the Document Service must announce themselves to the caches.
  await strapi.plugin('community').service('content-version').bump();
}

async function main() {
  const database = await createTestDatabase('sqlite');
  Object.assign(process.env, database.env, testSecrets(), { HOST: '127.0.0.1', LOG_LEVEL: 'warn', CRON_ENABLED: 'false' });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  const web = await startWeb(cms.url);
  try {
    await generateGroups(strapi, 5000, 0);
    const total = await fetch(`${cms.url}/api/groups?fields[0]=slug&pagination[pageSize]=1`).then((r) => r.json());
    console.log(`${total.meta.pagination.total} published groups; ${requests} requests per row at concurrency ${concurrency}\n`);

    const pages = Math.ceil(total.meta.pagination.total / 20);
    await load('group list /en/groups', [`${web.url}/en/groups`]);
    await load('group list, pages 1–250 (fr)', Array.from({ length: 250 }, (_, i) => `${web.url}/fr/groups?page=${(i % pages) + 1}`));
    const slugs = Array.from({ length: 200 }, (_, i) => `generated-group-${i * 25}`);
    await load('group page (de)', slugs.map((slug) => `${web.url}/de/groups/${slug}`));
    await load('CMS API group list (pt-BR)', [`${cms.url}/api/groups?locale=pt-BR&sort[0]=name:asc&pagination[pageSize]=20`]);

    await generateGroups(strapi, 10_000 - total.meta.pagination.total, 5000);
    const geoUrl = `${cms.url}/api/community/groups.geojson`;
    let t0 = performance.now();
    const geo = await fetch(geoUrl);
    const body = Buffer.from(await geo.arrayBuffer());
    const cold = performance.now() - t0;
    t0 = performance.now();
    const again = await fetch(geoUrl);
    await again.arrayBuffer();
    const warm = performance.now() - t0;
    if (geo.ok) {
      const features = JSON.parse(body.toString()).features.length;
      console.log(
        `\nmap GeoJSON: ${features} groups, ${(body.length / 1024).toFixed(0)} KB raw, ${(gzipSync(body).length / 1024).toFixed(0)} KB gzipped; cold ${cold.toFixed(0)} ms, cached ${warm.toFixed(1)} ms`,
      );
    } else {
      console.log(`\nmap GeoJSON: ${geoUrl} answered ${geo.status}`);
    }

    const home = await fetch(`${web.url}/en`).then((r) => r.text());
    const scripts = [...new Set([...home.matchAll(/(?:src|href)="([^"]+\.js)"|import\("([^"]+\.js)"\)/g)].map((m) => m[1] ?? m[2]))];
    let gzipped = 0;
    for (const src of scripts) {
      const js = Buffer.from(await fetch(new URL(src!, `${web.url}/en/`)).then((r) => r.arrayBuffer()));
      gzipped += gzipSync(js).length;
    }
    console.log(`home page JavaScript: ${scripts.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped (first load; lazy chunks excluded)`);
  } finally {
    await web.stop();
    await cms.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

/**
 * Occurrences benchmark. Starts a CMS on a throwaway SQLite database (the demo community
 * plus one group with 5,000 published events, 500 of them recurring weekly) in its own
 * process, then measures `GET /api/community/occurrences` for the next 90 days of the
 * whole community calendar, first page of 100:
 *  - cold: the first request after an editor's write (the content version changed),
 *  - cached: later requests for the same URL,
 *  - 304: requests that send the ETag they hold.
 *
 *   npm run build -w config && npm run build -w plugins/community && npx tsc -p cms/tsconfig.json && npx tsx bench/occurrences.ts [rounds=10]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { gzipSync } from 'node:zlib';

const EVENTS = 5000;
const SLUG = 'bench-occurrences-group';
const rounds = Number(process.argv.find((arg, i) => i > 1 && /^\d+$/.test(arg)) ?? 10);

// ── the CMS side (run with --cms, in its own process) ─────────────────────────────────────

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Africa/Casablanca', 'UTC'];

async function createEvents(strapi: any) {
  const group = await strapi.documents('api::group.group').create({
    data: { name: 'Bench Occurrences Group', slug: SLUG, kind: 'user-group', state: 'active', summary: 'A group with five thousand events.', languages: ['en'], timezone: 'Europe/Paris' },
    status: 'published',
  });
  const first = Date.now() - 100 * 86_400_000;
  const ids: string[] = [];
  for (let n = 0; n < EVENTS; n++) {
    const recurring = n % 10 === 0;
    // A weekly series starts on a Tuesday, its rule's own day; one-off events spread over about 14 months.
    let start = new Date(Math.floor((first + (n % 420) * 86_400_000) / 86_400_000) * 86_400_000 + 17 * 3_600_000);
    if (recurring) start = new Date(start.getTime() + ((2 - start.getUTCDay() + 7) % 7) * 86_400_000);
    const event = await strapi.documents('api::event.event').create({
      data: {
        title: `Bench event ${n}`,
        slug: `bench-occurrence-${n}`,
        group: group.documentId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        timezone: recurring ? 'UTC' : ZONES[n % ZONES.length],
        recurrence: recurring ? 'FREQ=WEEKLY;BYDAY=TU' : undefined,
        format: n % 3 ? 'in-person' : 'online',
        type: 'meetup',
        state: 'scheduled',
        language: 'en',
      },
      status: 'published',
    });
    ids.push(event.documentId);
  }
  return ids;
}

async function serveCms() {
  const { createTestDatabase } = await import('../tests/setup/database');
  const { testSecrets } = await import('../tests/setup/secrets');
  const { startCms } = await import('../tests/setup/strapi');
  const database = await createTestDatabase('sqlite');
  Object.assign(process.env, database.env, testSecrets(), { HOST: '127.0.0.1', LOG_LEVEL: 'error', CRON_ENABLED: 'false' });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  const started = performance.now();
  const ids = await createEvents(strapi);
  console.error(`created ${EVENTS} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const stop = async () => {
    await cms.stop();
    await database.drop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  // Each "write" line is an editor's change to one event: saved and published, as in the admin.
  let writes = 0;
  readline.createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line !== 'write') return;
    const documentId = ids[writes++ % ids.length];
    await strapi.documents('api::event.event').update({ documentId, data: { title: `Bench event, edited ${writes}` } });
    await strapi.documents('api::event.event').publish({ documentId });
    console.log('WROTE');
  });
  console.log(`CMS ${cms.url}`);
}

// ── the measuring side ─────────────────────────────────────────────────────────────────────

function spawnCms(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return {
    child,
    async url(): Promise<string> {
      const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the benchmark CMS exited (${code})`))));
      for (;;) {
        const line = await Promise.race([next(), exited]);
        const match = /^CMS (\S+)$/.exec(line);
        if (match) return match[1]!;
      }
    },
    async write() {
      child.stdin!.write('write\n');
      while ((await next()) !== 'WROTE');
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - t0, response, body };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `median ${at(50).toFixed(1).padStart(6)} ms   p95 ${at(95).toFixed(1).padStart(6)} ms   max ${sorted[sorted.length - 1]!.toFixed(1).padStart(6)} ms`;
};

async function measure(name: string, url: string, cms: ReturnType<typeof spawnCms>) {
  // The first answer of a fresh process also compiles code and reads zone data: not what a running site pays.
  await timed(url);
  const cold: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await cms.write();
    cold.push((await timed(url)).ms);
  }
  const cached: number[] = [];
  let last = await timed(url);
  for (let i = 0; i < 200; i++) cached.push((last = await timed(url)).ms);
  const etag = last.response.headers.get('etag')!;
  const revalidated: number[] = [];
  let status = 0;
  for (let i = 0; i < 200; i++) {
    const answer = await timed(url, { 'if-none-match': etag });
    status = answer.response.status;
    revalidated.push(answer.ms);
  }
  const plain = await timed(url, { 'accept-encoding': 'identity' });
  console.log(`${name}: ${(plain.body.length / 1024).toFixed(0)} KB, ${(gzipSync(plain.body).length / 1024).toFixed(0)} KB gzipped`);
  console.log(`  cold (first request after a write, ${rounds}×)  ${stats(cold)}`);
  console.log(`  cached (200×)                            ${stats(cached)}`);
  console.log(`  304 with If-None-Match (200×, ${status})       ${stats(revalidated)}`);
}

async function main() {
  const cms = spawnCms([path.join(__dirname, 'occurrences.ts'), '--cms']);
  try {
    const url = await cms.url();
    const from = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const to = new Date(from.getTime() + 90 * 86_400_000);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}&pagination[pageSize]=100`;
    const first = await (await fetch(`${url}/api/community/occurrences?${query}`)).json();
    console.log(`\n${first.meta.pagination.total} occurrences in the next 90 days; requests from this process, one at a time\n`);
    await measure('occurrences, community, first page of 100', `${url}/api/community/occurrences?${query}`, cms);
    await measure('occurrences, community, page 10', `${url}/api/community/occurrences?${query}&pagination[page]=10`, cms);
    await measure('occurrences, online only (fr)', `${url}/api/community/occurrences?${query}&format=online&locale=fr`, cms);
  } finally {
    await cms.stop();
  }
}

const run = process.argv.includes('--cms') ? serveCms : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});

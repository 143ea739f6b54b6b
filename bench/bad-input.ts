/**
 * Public reads under hostile traffic: SECONDS of CONCURRENCY connections reading the
 * public API (lists, one group, events, calendars, Atom, GeoJSON), once alone and once
 * while ATTACKERS connections send malformed queries, deep populates, stray uploads and
 * broken bodies. Prints the readers' throughput, percentiles and errors for both runs,
 * and what the bad input was answered with.
 *
 *   npx tsx bench/bad-input.ts [seconds=60] [concurrency=50] [attackers=10]
 */
import { startBenchCms } from './cms-process';

const seconds = Number(process.argv[2] ?? 60);
const concurrency = Number(process.argv[3] ?? 50);
const attackers = Number(process.argv[4] ?? 10);

const stray = new Uint8Array(2 * 1024 * 1024);
const deepJson = `{"data":{"message":${'['.repeat(5000)}${']'.repeat(5000)}}}`;

/** One bad request after another, cycling through the kinds the review found. */
function badRequest(base: string, n: number): [string, RequestInit] {
  const kinds: Array<() => [string, RequestInit]> = [
    () => [`${base}/api/groups?filters[$or]=${n}`, {}],
    () => [`${base}/api/events?filters[id][$between]=${n}`, {}],
    () => [`${base}/api/resources?populate[group][populate][events][populate][group][populate]=*&pagination[pageSize]=100`, {}],
    () => [`${base}/api/groups?filters[id][$eq]=99999999999999999999${n}`, {}],
    () => [`${base}/api/pages?${Array.from({ length: 60 }, (_, i) => `filters[$and][${i}][title][$containsi]=x${n}`).join('&')}`, {}],
    () => {
      const form = new FormData();
      form.append('x', new Blob([stray]), 'z.bin');
      return [`${base}/this/does/not/exist`, { method: 'POST', body: form }];
    },
    () => [`${base}/api/group-applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepJson }],
    () => [`${base}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identifier":' }],
    () => [`${base}/api/group-applications`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'data[proposedName]=x' }],
  ];
  return kinds[n % kinds.length]!();
}

function readPaths(base: string, ids: string[]): string[] {
  return [
    `${base}/api/groups?locale=pt-BR&sort[0]=name:asc&pagination[pageSize]=20`,
    `${base}/api/groups?locale=fr&filters[country][$eq]=FR&populate[region][fields][0]=name`,
    ...ids.slice(0, 10).map((id) => `${base}/api/groups/${id}?locale=de&populate[resources]=true&populate[coordinators]=true`),
    `${base}/api/events?locale=ja&sort[0]=startsAt:asc&populate[group][fields][0]=name`,
    `${base}/api/community/calendar.ics`,
    `${base}/api/community/activity.atom?locale=es`,
    `${base}/api/community/groups.geojson`,
    `${base}/api/community/posts?pagination[pageSize]=10`,
  ];
}

interface Figures {
  latencies: number[];
  errors: number;
}

async function readers(paths: string[], until: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const url = paths[next++ % paths.length]!;
        const t0 = performance.now();
        try {
          const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, errors };
}

async function attack(base: string, until: number): Promise<Map<number | string, number>> {
  const statuses = new Map<number | string, number>();
  let n = 0;
  await Promise.all(
    Array.from({ length: attackers }, async () => {
      while (performance.now() < until) {
        const [url, init] = badRequest(base, n++);
        let status: number | string;
        try {
          const response = await fetch(url, init);
          await response.arrayBuffer();
          status = response.status;
        } catch (error) {
          status = (error as Error).name;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

function report(name: string, { latencies, errors }: Figures) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(28)} ${(sorted.length / seconds).toFixed(0).padStart(5)} req/s  p50 ${pct(50).padStart(6)} ms  p95 ${pct(95).padStart(6)} ms  p99 ${pct(99).padStart(6)} ms  errors ${errors} of ${sorted.length}`,
  );
}

async function main() {
  const cms = await startBenchCms(0);
  try {
    const list = await fetch(`${cms.url}/api/groups?fields[0]=slug&pagination[pageSize]=20`).then((r) => r.json());
    const paths = readPaths(cms.url, list.data.map((g: { documentId: string }) => g.documentId));
    for (const url of paths) await fetch(url).then((r) => r.arrayBuffer());
    console.log(`${seconds} s per run, ${concurrency} reading connections, ${attackers} sending bad input in the second run\n`);

    report('reads alone', await readers(paths, performance.now() + seconds * 1000));
    const until = performance.now() + seconds * 1000;
    const [figures, statuses] = await Promise.all([readers(paths, until), attack(cms.url, until)]);
    report('reads beside bad input', figures);
    const bad = [...statuses.values()].reduce((a, b) => a + b, 0);
    const serverErrors = [...statuses.entries()].filter(([s]) => typeof s === 'number' && s >= 500).reduce((a, [, c]) => a + c, 0);
    console.log(`bad input: ${bad} requests, answered ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${serverErrors} with a 5xx`);
    const health = await fetch(`${cms.url}/api/community/health`).then((r) => r.json());
    console.log(`health afterwards: ${JSON.stringify(health)}`);
  } finally {
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Read-path benchmark of the public API: the localized group list (with fallback),
 * one group, and the event list, each under a fixed concurrency for a fixed number of
 * requests against a running CMS. Prints throughput and latency percentiles.
 *
 *   CMS_URL=http://127.0.0.1:1337 npx tsx bench/api-read.ts [requests=2000] [concurrency=50]
 */
const base = process.env.CMS_URL ?? 'http://127.0.0.1:1337';
const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);

async function measure(name: string, paths: string[]) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const path = paths[next++ % paths.length]!;
        const t0 = performance.now();
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!response.ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(34)} ${String(total).padStart(6)} req  ${(total / seconds).toFixed(0).padStart(5)} req/s  ` +
      `p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  failures ${failures}`,
  );
}

async function main() {
  const first = await fetch(`${base}/api/groups?fields[0]=slug&pagination[pageSize]=100`).then((r) => r.json());
  const ids: string[] = first.data.map((g: { documentId: string }) => g.documentId);
  if (!ids.length) throw new Error(`No groups at ${base}: start the portal with its demo content first`);
  console.log(`CMS ${base}, ${ids.length} groups on the first page, concurrency ${concurrency}`);
  const list = (locale: string) =>
    `/api/groups?locale=${locale}&sort[0]=name:asc&pagination[pageSize]=20&fields[0]=name&fields[1]=slug&fields[2]=summary&fields[3]=city&fields[4]=country`;
  await measure('group list, en (no fallback)', [list('en')]);
  await measure('group list, pt-BR (fallback chain)', [list('pt-BR'), list('fr'), list('ja')]);
  await measure('one group, fr, populated', ids.map((id) => `/api/groups/${id}?locale=fr&populate[region]=true&populate[resources]=true`));
  await measure('upcoming events, de', [`/api/events?locale=de&filters[startsAt][$gte]=${new Date().toISOString()}&sort[0]=startsAt:asc&populate[group][fields][0]=name`]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

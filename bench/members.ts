/**
 * A group page for a signed-in member against the same page for anonymous visitors, on the
 * demo community plus 5,000 generated groups: 200 distinct group pages at the given
 * concurrency. The anonymous pages come from the website's page cache (rendered once
 * before the run); a member's page is rendered for that member on every request (their
 * session resolved with the CMS, their membership of the group read, nothing cached).
 * Goal: the member's p95 under 200 ms on two cores.
 *
 *   npm run build && npx tsx bench/members.ts [requests=3000] [concurrency=20]
 */
import http from 'node:http';
import { startWeb } from '../tests/setup/web';
import { startBenchCms } from './cms-process';
import { get, load as loadUrls } from './http-load';

const requests = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 20);
const GOAL_P95_MS = 200;

/** `requests` GETs over `concurrency` kept-alive connections, cycling through `urls`. */
const load = (urls: string[], cookie?: string) => loadUrls(urls, { count: requests, concurrency, cookie });

async function main() {
  // The benchmark CMS is alone: the versions it bumps itself it knows at once.
  const cms = await startBenchCms(5000, { CONTENT_VERSION_TTL_MS: String(3_600_000) });
  const web = await startWeb(cms.url, { CONTENT_VERSION_TTL_MS: '1000' });
  try {
    const session = await cms.memberSession();
    const urls = Array.from({ length: 200 }, (_, i) => `${web.url}/de/groups/generated-group-${i * 25}`);
    // The language cookie as a returning visitor sends it, so no answer sets one.
    const anonymous = 'locale=de';
    const member = `locale=de; chapterhouse_session=${session}`;
    for (const url of urls) await get(new http.Agent(), url, anonymous);
    await load(urls.slice(0, 20), member);

    console.log(`Group pages, 5,000 generated groups, ${requests} requests over ${concurrency} connections (200 distinct pages)\n`);
    console.log(`${''.padEnd(30)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  statuses`);
    for (const [name, cookie] of [
      ['anonymous (page cache)', anonymous],
      ['signed-in member', member],
    ] as const) {
      const f = await load(urls, cookie);
      const goal = cookie === member ? `  goal p95 < ${GOAL_P95_MS} ms: ${f.p95 < GOAL_P95_MS ? 'met' : 'NOT met'}` : '';
      console.log(
        `${name.padEnd(30)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)}  ${JSON.stringify(f.statuses)}${goal}`,
      );
    }
  } finally {
    await web.stop();
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

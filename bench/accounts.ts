/**
 * How long the account routes take for an address that has an account and for one that
 * has none: password reset and confirmation requests (whose e-mail fails here, as it does
 * without a mail server) and sign-in with a wrong password. The two columns of a row
 * should be alike (the e-mail work runs up to a second after the answer, so it falls on
 * later requests of either column). Runs its own CMS (bench/cms-server.ts, demo accounts, rate limit off).
 *
 *   npx tsx bench/accounts.ts [rounds=100]
 */
import { people } from '../cms/src/seed/data';
import { startBenchCms } from './cms-process';

const rounds = Number(process.argv[2] ?? 100);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[], statuses: Set<number>) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  status ${[...statuses].join(',')}`;
};

async function main() {
  const cms = await startBenchCms(0, { RATE_LIMIT_ENABLED: 'false' });
  try {
    const post = async (route: string, body: unknown) => {
      const t0 = performance.now();
      const response = await fetch(`${cms.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await response.arrayBuffer();
      return { ms: performance.now() - t0, status: response.status };
    };
    const rows: [string, string, (email: string) => unknown][] = [
      ['password reset request', '/api/auth/forgot-password', (email) => ({ email })],
      // The demo accounts are confirmed, so neither column sends anything here.
      ['confirmation e-mail request', '/api/auth/send-email-confirmation', (email) => ({ email })],
      ['sign-in, wrong password', '/api/auth/local', (email) => ({ identifier: email, password: 'Wrong-passw0rd' })],
    ];
    console.log(`CMS ${cms.url}, ${rounds} requests per cell, one at a time, existing and unknown addresses taking turns\n`);
    for (const [name, route, body] of rows) {
      const existing = { ms: [] as number[], statuses: new Set<number>() };
      const unknown = { ms: [] as number[], statuses: new Set<number>() };
      await post(route, body('warm-up@example.org'));
      for (let i = 0; i < rounds; i++) {
        for (const [cell, email] of [
          [existing, people[i % people.length]!.email],
          [unknown, `nobody.${i}@example.org`],
        ] as const) {
          const { ms, status } = await post(route, body(email));
          cell.ms.push(ms);
          cell.statuses.add(status);
        }
      }
      console.log(`${name.padEnd(28)} existing: ${summary(existing.ms, existing.statuses)}   unknown: ${summary(unknown.ms, unknown.statuses)}`);
    }
  } finally {
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

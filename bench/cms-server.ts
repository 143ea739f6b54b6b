/**
 * Runs a benchmark CMS in its own process: a throwaway SQLite database with the demo
 * community plus GROUPS generated groups, served on a free port. Prints `CMS <url>` when
 * ready and cleans up on SIGTERM. Used by site.ts, so that the load generator never
 * shares an event loop with the server it measures. Over IPC it answers `counts` with the
 * database queries (knex query events) and HTTP requests it has seen, and `bump` by
 * changing the content version, which makes every cached answer a first one again, and
 * `member` with a session token of a demo member, as the website holds one in its cookie.
 * (Queries are counted by knex's query events, without transactions' BEGIN and COMMIT.)
 */
import { randomBytes } from 'node:crypto';
import { people } from '../cms/src/seed/data';
import { createTestDatabase } from '../tests/setup/database';
import { testSecrets } from '../tests/setup/secrets';
import { startCms } from '../tests/setup/strapi';

const COUNTRIES = ['FR', 'DE', 'BR', 'JP', 'IN', 'KE', 'US', 'AU', 'MX', 'ID', 'NG', 'PL', 'VN', 'AR', 'EG'];
const KINDS = ['user-group', 'user-group', 'user-group', 'working-group', 'special-interest-group'];
const STATES = ['active', 'active', 'active', 'forming', 'dormant', 'archived'];
const LANGUAGES = [['en'], ['fr', 'en'], ['pt-BR'], ['de'], ['es', 'en'], ['pt', 'en']];

/** Inserts generated, published groups straight into the table (a draft and a published row each, as Strapi keeps them). */
async function generateGroups(strapi: any, count: number) {
  const now = new Date();
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let n = start; n < Math.min(count, start + 500); n++) {
      const base = {
        documentId: randomBytes(12).toString('hex'),
        locale: 'en',
        name: `Generated Group ${n}`,
        slug: `generated-group-${n}`,
        kind: KINDS[n % KINDS.length],
        state: STATES[n % STATES.length],
        summary: `A generated group number ${n}, for measuring the directory at scale.`,
        languages: LANGUAGES[n % LANGUAGES.length],
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
  Object.assign(process.env, database.env, testSecrets(), { HOST: '127.0.0.1', LOG_LEVEL: 'error', CRON_ENABLED: 'false' });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  await generateGroups(strapi, Number(process.env.GROUPS ?? 5000));
  const counts = { queries: 0, requests: 0 };
  // Statements that read or write; the BEGIN and COMMIT around each Document Service call are not counted.
  strapi.db.connection.on('query', (query: { sql: string }) => {
    if (!/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.sql.trim())) counts.queries += 1;
  });
  strapi.server.httpServer.on('request', () => (counts.requests += 1));
  process.on('message', async (message: unknown) => {
    if (message === 'counts') process.send?.({ counts });
    if (message === 'member') {
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: people[0]!.email }, select: ['id'] });
      const { token } = await strapi.plugin('community').service('sessions').create(user.id);
      process.send?.({ member: token });
    }
    if (message === 'bump') {
      await strapi.plugin('community').service('content-version').bump();
      process.send?.({ bumped: true });
    }
  });
  const stop = async () => {
    await cms.stop();
    await database.drop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`CMS ${cms.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { spawnSync } from 'node:child_process';

/**
 * Runs the cross-package suites once per database: always SQLite, and PostgreSQL
 * when TEST_DATABASE_URL names a server. In CI the PostgreSQL run is required.
 */
const databases = ['sqlite'];
if (process.env.TEST_DATABASE_URL) databases.push('postgres');
else if (process.env.CI) {
  console.error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL suite must run in CI.');
  process.exit(1);
} else {
  console.log('TEST_DATABASE_URL is not set: running the SQLite suite only.');
}

for (const database of databases) {
  console.log(`\n── cross-package suites on ${database} ──`);
  const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: database },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

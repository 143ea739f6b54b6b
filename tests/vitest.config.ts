import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser suites exercise the website, which reads the CMS the same way on either
    // database: they run in the SQLite pass only. Several instances share one database only
    // on PostgreSQL: the cluster suite runs in that pass.
    include: process.env.TEST_DB === 'postgres' ? ['**/*.test.ts'] : ['**/*.test.ts', '**/*.e2e.ts'],
    exclude: process.env.TEST_DB === 'postgres' ? ['node_modules/**'] : ['node_modules/**', 'cluster/**'],
    globalSetup: ['./setup/global-setup.ts'],
    testTimeout: 60_000,
    // One CMS serves every file; running them one after another keeps each file's writes from racing another's reads.
    fileParallelism: false,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});

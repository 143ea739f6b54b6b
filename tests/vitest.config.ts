import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['./setup/global-setup.ts'],
    testTimeout: 60_000,
    // One CMS serves every file; running them one after another keeps each file's writes from racing another's reads.
    fileParallelism: false,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});

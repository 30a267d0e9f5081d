import { defineConfig } from 'vitest/config';

// PostgreSQL: tests against a real PostgreSQL cluster (15 or newer). `npm run test:pg`. The global
// setup starts one throwaway cluster and provides its URL as `postgresUrl`; files run one at a
// time, each in its own process, so server processes and connections never overlap.
export default defineConfig({
  test: {
    include: ['tests/pg/**/*.pg.test.ts'],
    environment: 'node',
    globalSetup: ['tests/pg/globalSetup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

// Durability: `npm run server` as its own process on a data folder of its own: restarts, SIGKILL
// in the middle of a burst, SIGTERM draining. `npm run test:durability`. Slow (each start opens a
// database in a new process), so it is its own CI gate rather than part of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/durability/**/*.durability.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});

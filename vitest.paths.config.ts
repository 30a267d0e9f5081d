import { defineConfig } from 'vitest/config';

// Exhaustive flow paths: every simple path through every shipped flow replayed on the real
// machine (tens of thousands, minutes). `npm run test:paths`; its own gate in CI, outside npm test,
// which replays a set of paths covering every edge instead (tests/unit/flows/flowPaths.test.ts).
export default defineConfig({
  test: {
    include: ['tests/paths/**/*.paths.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 600_000,
  },
});

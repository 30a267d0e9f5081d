import { defineConfig } from 'vitest/config';

// Exhaustive flow paths: the simple paths through every shipped flow replayed on the real machine
// (up to 60,000 per variant, minutes), and the demo route finder that the Chromium every-step gate
// relies on (a search over thousands of demo sessions). `npm run test:paths`; its own gate in CI,
// outside npm test, which replays a set of paths covering every edge instead
// (tests/unit/flows/flowPaths.test.ts).
export default defineConfig({
  test: {
    include: ['tests/paths/**/*.paths.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 600_000,
  },
});

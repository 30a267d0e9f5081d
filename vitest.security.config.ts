import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The server's attack-surface suites (`npm run test:security`): authentication and keys, hostile
// input, enumeration, limits and secrets, each against an in-process server over PGlite. No
// browser, no outside server; apart from `npm test` for its time (3 minutes), as test:providers,
// test:paths and test:fuzz are. The one that mocks modules runs isolated.
const isolatedTests = ['tests/unit/server/security.auth.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'security-isolated', include: isolatedTests } },
      { extends: true, test: { name: 'security', include: ['tests/unit/server/security.*.test.ts'], exclude: isolatedTests, isolate: false } },
    ],
  },
});

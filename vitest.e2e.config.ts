import { defineConfig } from 'vitest/config';

// End-to-end: the built SPA in headless Chromium. `npm run test:e2e`. The global setup builds
// the app once and serves it on a free port; specs drive it with playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    // After every test: nothing secret left in localStorage (tests/e2e/support/assertNoSecretsInStorage.ts).
    setupFiles: ['tests/e2e/support/checkStorageAfterEachTest.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});

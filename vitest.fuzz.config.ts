import { defineConfig } from 'vitest/config';

// Fuzzing: 10,000 generated inputs each for the flow loader, the diagnostics and the server's
// request handling (no 5xx, every refusal our error shape). `npm run test:fuzz`; its own CI gate,
// outside npm test, whose time budget it would take most of.
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.fuzz.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'threads',
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});

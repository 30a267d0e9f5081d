import { defineConfig } from 'vitest/config';

// Identity systems that run here for real, started and stopped by the tests: better-auth in-process
// on a real database, cognito-local, and the Firebase Auth emulator (firebase-tools lives in its own
// package, tests/identity/firebase, installed by its CI gate). `npm run test:identity`. Each suite
// says plainly when its system is missing outside CI and fails loudly in CI.
export default defineConfig({
  test: {
    include: ['tests/identity/**/*.identity.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

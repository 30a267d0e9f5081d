import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { startShellPlugin } from './scripts/startShellPlugin.ts';

// Node-environment suites that mock modules (vi.mock): they need a module registry of their own.
// The recorded provider suites patch fetch and http with msw only between their own listen and
// close, so they share workers; the two that spy on console or stub the environment do not.
const mockingNodeTests = ['tests/unit/server/openapiRoutes.test.ts'];

// The provider integrations (identity adapters, delivery sources, webhook receivers) run in
// `npm run test:providers` (vitest.providers.config.ts), which CI runs beside this suite.
const providerTests = ['tests/unit/server/{identity,delivery,webhooks}/**'];
// The server's security suites run in `npm run test:security` (vitest.security.config.ts), likewise.
const securityTests = ['tests/unit/server/security.*.test.ts'];

// In dev, the Invite Doctor server answers on the app's own origin (`VITE_BACKEND=server`, see scripts/start.ts).
const serverTarget = `http://127.0.0.1:${process.env.INVITE_DOCTOR_PORT ?? 8787}`;

export default defineConfig({
  plugins: [react(), startShellPlugin()],
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '/v1': { target: serverTarget }, '/health': { target: serverTarget } },
  },
  test: {
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // Vitest leaves one core free by default, which on a 2-core machine runs every file in turn
    // (211 s); both cores bring npm test to about 140 s.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          // Component and app tests share singletons (i18n, stores) and mock modules: each file in a fresh context.
          include: ['tests/unit/{ui,app,embed}/**/*.test.{ts,tsx}', ...mockingNodeTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          // Pure engine, flow, diagnostics, adapter and server tests own no global state, so they
          // share a worker's module cache: a third of npm test's time went to importing the same
          // modules again for each of them (npm test 192–202 s isolated, about 150 s not).
          include: ['tests/unit/{engine,flows,diagnostics,registry,adapters,server,bench,e2eSupport,fuzz}/**/*.test.{ts,tsx}'],
          exclude: [...mockingNodeTests, ...providerTests, ...securityTests],
          isolate: false,
        },
      },
    ],
  },
});

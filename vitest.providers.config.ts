import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The provider integrations, over recorded exchanges (msw) and in-process servers: the identity
// adapters (Clerk, Auth0, Supabase, WorkOS, Firebase, Cognito, better-auth's config), the delivery
// sources (Postmark, SendGrid, Mailgun, SES) and the webhook receivers. `npm run test:providers`.
// No browser, no outside server; apart from `npm test` for its time (3 minutes), as test:paths and
// test:fuzz are. The two that spy on console or stub the environment run isolated.
const isolatedTests = ['tests/unit/server/identity/supabaseIdentity.test.ts', 'tests/unit/server/delivery/sesDelivery.test.ts'];

const providerTestFiles = ['tests/unit/server/{identity,delivery,webhooks}/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'providers-isolated', include: isolatedTests } },
      { extends: true, test: { name: 'providers', include: providerTestFiles, exclude: isolatedTests, isolate: false } },
    ],
  },
});

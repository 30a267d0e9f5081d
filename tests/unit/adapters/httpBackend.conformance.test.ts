import { createHttpBackend, createMemoryBackend, demoSeed, type Role } from '../../../src/adapters/index.ts';
import { createReferenceServer } from '../../../server/createReferenceServer.ts';
import { describeBackendConformance } from './describeBackendConformance.ts';

function tokenFor(role: Role): string {
  if (role.kind === 'admin') return 'demo-admin';
  if (role.team === 'a') return 'demo-manager-a';
  throw new Error(`the reference server has no demo token for team ${role.team}`);
}

describeBackendConformance('http (reference server)', async () => {
  let now = Date.parse('2025-03-10T09:00:00.000Z');
  let token = 'demo-admin';
  const memory = createMemoryBackend(demoSeed, () => now);
  const server = await createReferenceServer({ backend: memory, port: 0 });
  const backend = createHttpBackend({ baseUrl: server.url, token: () => token, retry: { baseDelayMs: 1 } });
  return {
    backend,
    controls: {
      setRole: (role) => {
        token = tokenFor(role);
      },
      advance: (ms) => {
        now += ms;
      },
      reset: () => memory.reset(),
      now: () => now,
    },
    close: () => server.close(),
  };
});

import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { describeBackendConformance } from './describeBackendConformance.ts';

describeBackendConformance('memory', async () => {
  let now = Date.parse('2025-03-10T09:00:00.000Z');
  const backend = createMemoryBackend(demoSeed, () => now);
  return {
    backend,
    controls: {
      setRole: (role) => backend.setRole(role),
      advance: (ms) => {
        now += ms;
      },
      reset: () => backend.reset(),
      now: () => now,
      injectFault: (operation, error) => backend.injectFault(operation, error),
    },
    close: async () => {},
  };
});

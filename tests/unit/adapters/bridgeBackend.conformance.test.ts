import { createBridgeBackend, createMemoryBackend, demoSeed, serveBackendOverBridge } from '../../../src/adapters/index.ts';
import { createFramedPair } from '../embed/createFramedPair.ts';
import { describeBackendConformance } from './describeBackendConformance.ts';

// The memory backend served by a host window and called from a framed widget on another origin.
describeBackendConformance('bridge (memory backend over postMessage)', async () => {
  let now = Date.parse('2025-03-10T09:00:00.000Z');
  const memory = createMemoryBackend(demoSeed, () => now);
  const pair = createFramedPair();
  const server = serveBackendOverBridge(memory, { allowedOrigins: [pair.widget.origin], source: pair.frame, endpoint: pair.host });
  const backend = createBridgeBackend({ target: pair.parent, allowedOrigins: [pair.host.origin], endpoint: pair.widget, timeoutMs: 2_000 });
  await backend.connect();
  return {
    backend,
    controls: {
      setRole: (role) => memory.setRole(role),
      advance: (ms) => {
        now += ms;
      },
      reset: () => memory.reset(),
      now: () => now,
      injectFault: (operation, error) => memory.injectFault(operation, error),
    },
    close: async () => {
      backend.close();
      server.close();
    },
  };
});

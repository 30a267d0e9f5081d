import { createHttpBackend, fetchCapabilities, type Role } from '../../src/adapters/index.ts';
import type { Store } from '../../server/store/openDatabase.ts';
import type { ConformanceSubject } from '../unit/adapters/describeBackendConformance.ts';
import { startTestServer, testEpoch, type TestServer } from './startTestServer.ts';

const servers = new WeakMap<Store, Promise<TestServer>>();

/**
 * A conformance subject: the real server over HTTP through the http adapter. One server per
 * store, shared by the whole file (a database is opened once); each test gets the clock back at
 * the epoch and the demo seeded afresh.
 */
export async function createServerConformanceSubject(store: Store): Promise<ConformanceSubject> {
  let started = servers.get(store);
  if (!started) {
    started = startTestServer({ store });
    servers.set(store, started);
  }
  const server = await started;
  server.setNow(testEpoch);
  await server.reset();
  let token = server.keys.admin;
  const tokenFor = (role: Role) => (role.kind === 'admin' ? server.keys.admin : role.team === 'a' ? server.keys.managerA : server.keys.managerB);
  // As the app does: the adapter offers only what the server lists.
  const capabilities = await fetchCapabilities({ baseUrl: server.url, token: server.keys.admin });
  if (!capabilities.ok) throw new Error(`the test server did not list its capabilities: ${JSON.stringify(capabilities.error)}`);
  const backend = createHttpBackend({ baseUrl: server.url, token: () => token, retry: { baseDelayMs: 1 }, capabilities: [...capabilities.value] });
  return {
    backend,
    controls: {
      setRole: (role) => {
        token = tokenFor(role);
      },
      advance: (ms) => server.advance(ms),
      reset: () => server.reset(),
      now: () => server.now(),
    },
    close: async () => {},
  };
}

/** Stops the file's server (call in afterAll, before closing the store). */
export async function closeServerConformanceSubject(store: Store): Promise<void> {
  await (await servers.get(store))?.close();
  servers.delete(store);
}

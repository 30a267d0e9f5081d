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
  const openedLinks = new Map<string, string>();
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
      // As a person in a browser does: GET the invite page, then press its button (a form POST).
      async openInviteLink(email) {
        const found = await backend.findUser(email);
        const link = found.ok && found.value ? await backend.getInviteLink(found.value.id) : null;
        if (link?.ok) openedLinks.set(email, new URL(link.value.url).pathname);
        const path = openedLinks.get(email);
        if (!path) throw new Error(`no invite link for ${email}`);
        const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'accept-language': 'en' };
        await fetch(`${server.url}${path}`, { headers });
        const pressed = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
        if (pressed.status !== 200) throw new Error(`the link of ${email} was refused: ${pressed.status}`);
      },
    },
    close: async () => {},
  };
}

/** Stops the file's server (call in afterAll, before closing the store). */
export async function closeServerConformanceSubject(store: Store): Promise<void> {
  await (await servers.get(store))?.close();
  servers.delete(store);
}

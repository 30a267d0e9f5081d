import type { AddressInfo } from 'node:net';
import type { Role } from '../../src/adapters/index.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { createInviteDoctorServer, type InviteDoctorServer, type InviteDoctorServerOptions } from '../../server/createInviteDoctorServer.ts';
import { resetDemoLinkEvents } from '../../server/linkEvents/resetDemoLinkEvents.ts';
import { openDatabase, type Store } from '../../server/store/openDatabase.ts';
import { resetDemoOrganisation } from '../../server/store/seedDemoOrganisation.ts';
import { loadPgliteTemplate } from './pgliteTemplate.ts';

/** The same secret in every test, so links are predictable across restarts of a test server. */
export const testSecret = Buffer.alloc(32, 7);
export const testLinkOrigin = 'https://app.example.com';
export const testEpoch = Date.parse('2025-03-10T09:00:00.000Z');

export interface TestStoreOptions {
  /** A PostgreSQL URL; default an embedded in-memory database from the template. */
  postgresUrl?: string;
}

/** A fresh migrated store: embedded from the template (cheap), or PostgreSQL emptied first. */
export async function openTestStore(options: TestStoreOptions = {}): Promise<Store> {
  if (!options.postgresUrl) return openDatabase({ kind: 'embedded', dataDir: null, template: await loadPgliteTemplate() });
  const store = await openDatabase({ kind: 'postgres', url: options.postgresUrl });
  await store.db.deleteFrom('apiKeys').execute();
  await store.db.deleteFrom('auditLog').execute();
  await store.db.deleteFrom('serverMeta').execute();
  await store.db.deleteFrom('signInCodes').execute();
  return store;
}

export interface TestServer extends InviteDoctorServer {
  url: string;
  /** Keys for the demo roles. */
  keys: { admin: string; managerA: string; managerB: string };
  now(): number;
  advance(ms: number): void;
  /** Sets the test clock, e.g. back to {@link testEpoch} before a reset. */
  setNow(ms: number): void;
  /** Empties the invitation data and seeds the demo again at the current test time. */
  reset(): Promise<void>;
  /** Stops listening; the store stays open unless `closeStore`. */
  close(options?: { closeStore?: boolean }): Promise<void>;
}

export interface StartTestServerOptions {
  store: Store;
  policy?: Partial<Policy>;
  limits?: InviteDoctorServerOptions['limits'];
  http?: InviteDoctorServerOptions['http'];
  /** Where the test clock starts. @default testEpoch */
  startAt?: number;
  /** An identity provider and delivery evidence (`loadIdentityConfig`). @default the own tables */
  identity?: InviteDoctorServerOptions['identity'];
  /** Team names by id (`TEAM_NAMES`). @default none */
  teamNames?: InviteDoctorServerOptions['teamNames'];
}

/**
 * The real server (the same app `npm run server` runs) on a loopback port over `store`, with the
 * demo organisation seeded at a controllable time and one key per demo role.
 */
export async function startTestServer(options: StartTestServerOptions): Promise<TestServer> {
  let now = options.startAt ?? testEpoch;
  const clock = () => now;
  const { store } = options;
  const server = await createInviteDoctorServer({
    store,
    secret: testSecret,
    publicUrl: testLinkOrigin,
    seedDemo: false,
    clock,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.http ? { http: options.http } : {}),
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.teamNames ? { teamNames: options.teamNames } : {}),
  });
  const reset = async () => {
    await resetDemoOrganisation(store.db, { now: new Date(now), policy: server.service.policy, links: server.service.links });
    await resetDemoLinkEvents(store.db, { now: new Date(now), policy: server.service.policy });
  };
  await reset();
  const key = async (role: Role) => (await createApiKey(store.db, { role, label: 'test', now: new Date(now) })).key;
  const keys = { admin: await key({ kind: 'admin' }), managerA: await key({ kind: 'team-manager', team: 'a' }), managerB: await key({ kind: 'team-manager', team: 'b' }) };
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return {
    ...server,
    url: `http://127.0.0.1:${port}`,
    keys,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    setNow: (ms) => {
      now = ms;
    },
    reset,
    close: async ({ closeStore = false } = {}) => {
      await server.app.close();
      if (closeStore) await store.close();
    },
  };
}

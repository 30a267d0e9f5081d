import { afterAll, beforeAll } from 'vitest';
import { serverCapabilities } from '../../../server/http/routes/capabilityRoutes.ts';
import type { Store } from '../../../server/store/openDatabase.ts';
import { closeServerConformanceSubject, createServerConformanceSubject } from '../../support/createServerConformanceSubject.ts';
import { openTestStore } from '../../support/startTestServer.ts';
import { describeBackendConformance } from '../adapters/describeBackendConformance.ts';

// The real server on its embedded database (PGlite), reached through the http adapter.
let store: Store;
beforeAll(async () => {
  store = await openTestStore();
}, 120_000);
afterAll(async () => {
  await closeServerConformanceSubject(store);
  await store.close();
});

describeBackendConformance('server on the embedded database', () => createServerConformanceSubject(store), { outsideTeam: 'hidden', capabilities: serverCapabilities });

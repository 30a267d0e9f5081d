import { afterAll, beforeAll, inject } from 'vitest';
import { serverCapabilities } from '../../server/http/routes/capabilityRoutes.ts';
import type { Store } from '../../server/store/openDatabase.ts';
import { closeServerConformanceSubject, createServerConformanceSubject } from '../support/createServerConformanceSubject.ts';
import { createDatabase } from '../support/startPostgres.ts';
import { openTestStore } from '../support/startTestServer.ts';
import { describeBackendConformance } from '../unit/adapters/describeBackendConformance.ts';

// The same conformance suite, the same server, on a real PostgreSQL: the migrations and queries
// the embedded database runs are the ones production runs.
let store: Store;
beforeAll(async () => {
  store = await openTestStore({ postgresUrl: await createDatabase(inject('postgresUrl'), 'conformance') });
});
afterAll(async () => {
  await closeServerConformanceSubject(store);
  await store.close();
});

describeBackendConformance('server on PostgreSQL', () => createServerConformanceSubject(store), { outsideTeam: 'hidden', capabilities: serverCapabilities });

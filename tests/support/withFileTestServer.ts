import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Store } from '../../server/store/openDatabase.ts';
import { openTestStore, startTestServer, type TestServer } from './startTestServer.ts';

export interface FileTestServer {
  readonly store: Store;
  readonly server: TestServer;
}

/**
 * One embedded database and one real server for the whole test file (a database per test would
 * cost seconds each), closed after it; with `resetEachTest`, the demo is seeded afresh before
 * every test. Read `store` and `server` inside hooks and tests, once `beforeAll` has run.
 */
export function withFileTestServer(options: { resetEachTest?: boolean } = {}): FileTestServer {
  let store: Store | null = null;
  let server: TestServer | null = null;
  beforeAll(async () => {
    store = await openTestStore();
    server = await startTestServer({ store });
  }, 120_000);
  if (options.resetEachTest) beforeEach(() => server?.reset());
  afterAll(async () => {
    await server?.close({ closeStore: true });
  });
  const ready = <T>(value: T | null, name: string): T => {
    if (value === null) throw new Error(`the file's test ${name} is not open yet: read it inside a hook or a test`);
    return value;
  };
  return {
    get store() {
      return ready(store, 'store');
    },
    get server() {
      return ready(server, 'server');
    },
  };
}

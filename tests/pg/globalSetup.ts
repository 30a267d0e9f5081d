import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgres } from '../support/startPostgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://postgres@127.0.0.1:PORT/invite_doctor_test` on a throwaway cluster. */
    postgresUrl: string;
  }
}

/**
 * Starts one throwaway PostgreSQL cluster for the whole suite and hands its URL to every test
 * (`inject('postgresUrl')`); a suite that needs a database of its own makes one with
 * `createDatabase(url, name)` from tests/support/startPostgres.ts. `npm run test:pg` skips the
 * suite before vitest starts when the binaries are missing outside CI (tests/pg/run.ts); here a
 * missing PostgreSQL is always an error.
 */
export default async function setup(project: TestProject) {
  if (!findPostgresBinaries()) {
    throw new Error(
      'No PostgreSQL binaries found (initdb, pg_ctl). The PostgreSQL suite needs a real PostgreSQL 15 or newer: ' +
        'install Debian\'s with `apt-get install -y postgresql`, or set POSTGRES_BIN to the folder holding initdb and pg_ctl.',
    );
  }
  const postgres = await startPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}

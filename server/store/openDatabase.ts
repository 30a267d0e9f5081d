import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './Database.ts';
import { migrateToLatest } from './migrateToLatest.ts';

/** Where the data lives: PGlite in a folder (or in memory), or a PostgreSQL server. */
export type DatabaseLocation =
  | { kind: 'embedded'; dataDir: string | null; template?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number };

export interface Store {
  db: Kysely<Database>;
  kind: DatabaseLocation['kind'];
  close(): Promise<void>;
  /** The embedded database as a tarball (tests load it instead of paying a fresh initdb). */
  dump?(): Promise<Blob>;
}

/**
 * Opens the database and migrates it. The same migrations and queries run on both: PGlite is
 * PostgreSQL compiled to WebAssembly, so the embedded default speaks exactly the production dialect.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Store> {
  const store = location.kind === 'embedded' ? await openEmbedded(location.dataDir, location.template) : openPostgres(location.url, location.maxConnections);
  const problem = await migrateToLatest(store.db);
  if (problem) {
    await store.close();
    throw new Error(`The database could not be migrated (${problem.migration ?? 'unknown migration'}): ${problem.message}`);
  }
  return store;
}

async function openEmbedded(dataDir: string | null, template: Blob | undefined): Promise<Store> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(template ? { loadDataDir: template } : {}) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind: 'embedded',
    close: () => db.destroy(),
    dump: () => client.dumpDataDir('none'),
  };
}

function openPostgres(url: string, maxConnections = 10): Store {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

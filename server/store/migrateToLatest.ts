import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/m0001_initial.ts';
import * as deliveryEventReason from './migrations/m0002_delivery_event_reason.ts';
import * as realMail from './migrations/m0003_real_mail.ts';
import * as sessionEvents from './migrations/m0004_session_events.ts';

/** Every migration, in order. Kept in the repository and imported statically, so a build carries them. */
const migrations: Record<string, Migration> = {
  m0001_initial: initial,
  m0002_delivery_event_reason: deliveryEventReason,
  m0003_real_mail: realMail,
  m0004_session_events: sessionEvents,
};

export type MigrationProblem = { kind: 'migration_failed'; migration: string | null; message: string };

/**
 * Brings the schema up to date. Safe to run from several processes at once: kysely's migrator
 * takes a lock in the database, so the second process waits and then finds nothing to do.
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationProblem | null> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return null;
  const failed = results?.find((result) => result.status === 'Error');
  return { kind: 'migration_failed', migration: failed?.migrationName ?? null, message: error instanceof Error ? error.message : String(error) };
}

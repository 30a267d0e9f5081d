import { sql, type Kysely } from 'kysely';

// Written against Kysely<any>: a migration is frozen in time and must not follow later type changes.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * What wizard sessions teach (issue 15): `session_events`, one row per event the SPA posts to
 * `POST /v1/session-events`. Only ids, a kind, a time and a result: never an address, a name or a
 * link. `key_id` and `team` are the posting key's, so a team manager reads their team's sessions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_events')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'text', (column) => column.notNull())
    .addColumn('flow_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('started', 'step', 'ended', 'feedback')`))
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('step_id', 'text')
    .addColumn('result', 'text', (column) => column.check(sql`result is null or result in ('resolved', 'escalated', 'not-resolved', 'waiting')`))
    .addColumn('helpful', 'boolean')
    .addColumn('mode', 'text', (column) => column.notNull().check(sql`mode in ('admin', 'agent', 'widget')`))
    .addColumn('key_id', 'text')
    .addColumn('team', 'text')
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('session_events_at').on('session_events').columns(['at', 'id']).execute();
  await db.schema.createIndex('session_events_team_at').on('session_events').columns(['team', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_events').ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Written against Kysely<any>: a migration is frozen in time and must not follow later type changes.
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    // Code-point order (C collation) whatever the server's locale: listing pages by (email, id).
    .addColumn('id', sql`text collate "C"`, (column) => column.primaryKey())
    .addColumn('email', sql`text collate "C"`, (column) => column.notNull().unique())
    .addColumn('domain', sql`text collate "C"`, (column) => column.notNull())
    .addColumn('name', 'text')
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('invited', 'active', 'deactivated')`))
    .addColumn('team', 'text', (column) => column.notNull())
    .addColumn('invited_at', 'timestamptz')
    .addColumn('last_sent_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('last_reset_at', 'timestamptz')
    .addColumn('setup_completed', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('sso', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('link_generation', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('users_domain_email').on('users').columns(['domain', 'email']).execute();
  await db.schema.createIndex('users_team_email').on('users').columns(['team', 'email']).execute();

  await db.schema
    .createTable('invite_tokens')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull().check(sql`state in ('current', 'used', 'expired')`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('invite_tokens_user').on('invite_tokens').column('user_id').execute();

  await db.schema
    .createTable('delivery_events')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('smtp_code', 'integer')
    .addColumn('enhanced_code', 'text')
    .addColumn('text', 'text')
    .addColumn('purpose', 'text')
    .execute();
  await db.schema.createIndex('delivery_events_email_at').on('delivery_events').columns(['email', 'at', 'id']).execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('email', 'text', (column) => column.primaryKey())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('secret_hash', 'text', (column) => column.notNull().unique())
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('admin', 'team-manager')`))
    .addColumn('team', 'text')
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('api_keys_team_for_managers', sql`(role = 'admin') = (team is null)`)
    .execute();

  await db.schema
    .createTable('sign_in_codes')
    .addColumn('code_hash', 'text', (column) => column.primaryKey())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('team', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('request_id', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text')
    .addColumn('role', 'text')
    .addColumn('team', 'text')
    .addColumn('operation', 'text', (column) => column.notNull())
    .addColumn('target', 'text')
    .addColumn('result', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_log_target_at').on('audit_log').columns(['target', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_key_operation_at').on('audit_log').columns(['key_id', 'operation', 'at']).execute();

  await db.schema
    .createTable('rate_buckets')
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('window_start', 'timestamptz', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('rate_buckets_pk', ['bucket', 'window_start'])
    .execute();

  await db.schema
    .createTable('server_meta')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['server_meta', 'rate_buckets', 'audit_log', 'sign_in_codes', 'api_keys', 'suppressions', 'delivery_events', 'invite_tokens', 'users']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

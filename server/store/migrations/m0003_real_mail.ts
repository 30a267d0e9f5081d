import { sql, type Kysely } from 'kysely';

// Written against Kysely<any>: a migration is frozen in time and must not follow later type changes.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Real mail (issue 13):
 * - `mail_outbox`: the durable send queue. An action inserts its mail in its own transaction; a
 *   worker (any server process) claims due rows with `for update skip locked`, sends over SMTP and
 *   retries 4xx answers with back-off until `give_up_at`. The link is never stored: the worker
 *   derives it from the user id and `link_generation`, and skips a mail whose link was replaced.
 * - `delivery_events` gain `source` (smtp, dsn, a provider), `message_id`, and `external_id`: a
 *   provider's event id, unique per source, so a webhook delivered twice stores one event.
 * - `link_events`: every GET and POST of an invite link (scanner-safe accept page).
 * - `demo_inbox`: what the demo world's SMTP sink accepted, for the demo inbox page.
 * - `users.language`: the invitee's language for the mails, when the inviter gave one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('message_id', 'text', (column) => column.notNull().unique())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('purpose', 'text', (column) => column.notNull().check(sql`purpose in ('invitation', 'password_reset')`))
    .addColumn('link_generation', 'integer')
    .addColumn('language', 'text')
    .addColumn('state', 'text', (column) => column.notNull().check(sql`state in ('queued', 'sent', 'failed', 'superseded')`))
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (column) => column.notNull())
    .addColumn('give_up_at', 'timestamptz', (column) => column.notNull())
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_smtp_code', 'integer')
    .addColumn('last_text', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_email').on('mail_outbox').columns(['email', 'created_at']).execute();

  await db.schema
    .alterTable('delivery_events')
    .addColumn('source', 'text')
    .addColumn('message_id', 'text')
    .addColumn('external_id', 'text')
    .execute();
  await db.schema.createIndex('delivery_events_message_id').on('delivery_events').column('message_id').execute();
  await db.schema.createIndex('delivery_events_source_external_id').on('delivery_events').columns(['source', 'external_id']).unique().execute();

  await db.schema
    .createTable('link_events')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('opened', 'accepted', 'refused')`))
    .addColumn('refusal', 'text', (column) => column.check(sql`refusal is null or refusal in ('used', 'expired', 'revoked', 'wrong_account')`))
    .addColumn('seconds_after_delivery', 'integer')
    .addColumn('user_agent', 'text')
    .addColumn('automated', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('link_events_email_at').on('link_events').columns(['email', 'at', 'id']).execute();

  await db.schema
    .createTable('demo_inbox')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .addColumn('message_id', 'text')
    .addColumn('envelope_from', 'text')
    .addColumn('subject', 'text')
    .addColumn('text', 'text')
    .addColumn('html', 'text')
    .execute();
  await db.schema.createIndex('demo_inbox_email_received').on('demo_inbox').columns(['email', 'received_at', 'id']).execute();

  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
  await db.schema.dropTable('demo_inbox').ifExists().execute();
  await db.schema.dropTable('link_events').ifExists().execute();
  await db.schema.dropIndex('delivery_events_source_external_id').ifExists().execute();
  await db.schema.dropIndex('delivery_events_message_id').ifExists().execute();
  await db.schema.alterTable('delivery_events').dropColumn('external_id').dropColumn('message_id').dropColumn('source').execute();
  await db.schema.dropTable('mail_outbox').ifExists().execute();
}

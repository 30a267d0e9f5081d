import { sql, type Kysely } from 'kysely';

// Written against Kysely<any>: a migration is frozen in time and must not follow later type changes.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Why a mail never left our side (`not_sent` events): a nullable `reason`, limited to the
 * contract's NotSentReason values as they were when this was written (a later reason needs its
 * own migration). The index serves the sending status: the latest refusal and any mail after it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('delivery_events')
    .addColumn('reason', 'text', (column) =>
      column.check(
        sql`reason is null or reason in ('mail_not_configured', 'auth_refused', 'provider_rate_limited', 'sandbox_recipient', 'sender_not_authenticated', 'sending_domain_unverified', 'connection_refused')`,
      ),
    )
    .execute();
  await db.schema.createIndex('delivery_events_kind_at').on('delivery_events').columns(['kind', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_events_kind_at').ifExists().execute();
  await db.schema.alterTable('delivery_events').dropColumn('reason').execute();
}

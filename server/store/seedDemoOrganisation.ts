import { sql, type Kysely } from 'kysely';
import { demoOrganisation, demoSeed, type MemorySeedFactory } from '../../src/adapters/index.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import type { MailTransport } from '../mail/MailTransport.ts';
import type { InviteLinks } from '../service/createInviteLinks.ts';
import type { Database } from './Database.ts';
import { replayDemoDeliveries } from './replayDemoDeliveries.ts';

export interface SeedOptions {
  now: Date;
  policy: Policy;
  links: InviteLinks;
  /** @default demoSeed: the 13 people of the README */
  seed?: MemorySeedFactory;
  /**
   * When given, the seeded delivery history is not inserted from the seed: each of the seed's
   * delivery attempts is made for real through this transport (the demo world's SMTP sink in
   * `npm run server`), and what the receiving side answered is stored. See replayDemoDeliveries.
   */
  mail?: MailTransport;
  /** The replay leaves the exchanges still open in flight once none has finished for this long. @default 2000 */
  replayWaitMs?: number;
  /**
   * How many generated people (demoOrganisation) join the seed's, with their simulated delivery
   * history inserted in bulk in the same transaction: never replayed, even with `mail`, since
   * thousands of SMTP exchanges would hold up the first start. Their link events are the caller's
   * (resetDemoLinkEvents with withDemoOrganisation). @default 0
   */
  organisation?: number;
}

/**
 * Seeds the demo organisation into an empty database, once: a marker row records that it was
 * seeded, so people an admin later cancels stay cancelled across restarts. Times are relative to
 * `now`, so a fresh demo always shows "invited 2 hours ago". Returns whether it seeded.
 */
export async function seedDemoOrganisation(db: Kysely<Database>, options: SeedOptions): Promise<boolean> {
  const seeded = await db.transaction().execute(async (trx) => {
    // One seeder at a time when several processes start on one database.
    await sql`lock table server_meta in exclusive mode`.execute(trx);
    const seeded = await trx.selectFrom('serverMeta').select('value').where('key', '=', 'demo_seeded_at').executeTakeFirst();
    if (seeded) return false;
    const hasUsers = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (hasUsers) return false;
    await insertSeed(trx, { ...options, withEvents: !options.mail });
    await insertOrganisation(trx, options);
    await trx.insertInto('serverMeta').values({ key: 'demo_seeded_at', value: options.now.toISOString() }).execute();
    return true;
  });
  // The exchanges run after the commit, outside the lock: the sink writes its demo inbox to this
  // same database (one connection with the embedded database), so holding the transaction open
  // across SMTP would wait on itself. A crash in between leaves people without their history.
  if (seeded && options.mail) {
    const { now, policy, links, seed = demoSeed, mail, replayWaitMs } = options;
    await replayDemoDeliveries(db, seed(now.getTime(), policy), { mail, links, ...(replayWaitMs === undefined ? {} : { waitMs: replayWaitMs }) });
  }
  return seeded;
}

/** Empties the invitation data and seeds it again (keys and the audit trail stay). For tests and demos. */
export async function resetDemoOrganisation(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`truncate users, invite_tokens, delivery_events, suppressions, rate_buckets`.execute(trx);
    await insertSeed(trx, options);
    await insertOrganisation(trx, options);
  });
}

/** The generated organisation, when asked for, with its delivery history; the default team stays the seed's. */
async function insertOrganisation(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  const size = options.organisation ?? 0;
  if (size <= 0) return;
  await insertSeed(db, { ...options, seed: (now, policy) => demoOrganisation(now, policy, size), withEvents: true, withDefaultTeam: false });
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement (15 columns × 1,000 is well under). */
const batchRows = 1_000;

/** Inserts `rows` into a table a batch at a time; `insert` makes one batch's statement. */
async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += batchRows) await insert(rows.slice(start, start + batchRows));
}

async function insertSeed(db: Kysely<Database>, { now, policy, links, seed = demoSeed, withEvents = true, withDefaultTeam = true }: SeedOptions & { withEvents?: boolean; withDefaultTeam?: boolean }): Promise<void> {
  const data = seed(now.getTime(), policy);
  const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  await inBatches(data.users, (users) =>
    db
      .insertInto('users')
      .values(
        users.map((user) => {
          const email = user.email.toLowerCase();
          return {
            id: user.id,
            email,
            domain: email.slice(email.lastIndexOf('@') + 1),
            name: user.name ?? null,
            status: user.status,
            team: user.team,
            invitedAt: date(user.invitedAt),
            lastSentAt: date(user.lastSentAt),
            expiresAt: date(user.expiresAt),
            acceptedAt: date(user.acceptedAt),
            lastSignInAt: date(user.lastSignInAt),
            lastResetAt: null,
            setupCompleted: user.setupCompleted,
            sso: user.sso,
            linkGeneration: user.status === 'invited' ? 1 : 0,
          };
        }),
      )
      .execute(),
  );
  const pending = data.users.filter((user) => user.status === 'invited');
  await inBatches(pending, (users) =>
    db
      .insertInto('inviteTokens')
      .values(users.map((user) => ({ tokenHash: links.hash(links.token(user.id, 1)), userId: user.id, state: 'current' as const, createdAt: date(user.lastSentAt) ?? now })))
      .execute(),
  );
  await inBatches(withEvents ? data.events : [], (events) =>
    db
      .insertInto('deliveryEvents')
      .values(
        events.map((event) => ({
          email: event.email.toLowerCase(),
          at: new Date(event.at),
          kind: event.kind,
          smtpCode: event.smtpCode ?? null,
          enhancedCode: event.enhancedCode ?? null,
          text: event.text ?? null,
          reason: event.reason ?? null,
          purpose: 'invitation' as const,
        })),
      )
      .execute(),
  );
  await inBatches(data.suppressed, (suppressed) =>
    db
      .insertInto('suppressions')
      .values(suppressed.map((email) => ({ email: email.toLowerCase(), reason: 'hard bounce', createdAt: now })))
      .execute(),
  );
  if (!withDefaultTeam) return;
  await db
    .insertInto('serverMeta')
    .values({ key: 'default_team', value: data.defaultTeam })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: data.defaultTeam }))
    .execute();
}

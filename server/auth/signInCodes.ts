import type { Kysely } from 'kysely';
import type { Role } from '../../src/adapters/index.ts';
import type { Database } from '../store/Database.ts';
import { createApiKey, type CreatedApiKey } from './apiKeys.ts';
import { hashSecret, randomSecret } from './hashSecret.ts';

/** How long a printed sign-in link works, and how long the browser key it yields lasts. */
export const signInCodeLifetimeMs = 4 * 3_600_000;
export const browserKeyLifetimeMs = 12 * 3_600_000;

/** A one-time code for the sign-in link the server prints for the local admin (as notebook servers do). */
export async function createSignInCode(db: Kysely<Database>, role: Role, now: Date): Promise<string> {
  const code = randomSecret(24);
  await db
    .insertInto('signInCodes')
    .values({
      codeHash: hashSecret(code),
      role: role.kind,
      team: role.kind === 'team-manager' ? role.team : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + signInCodeLifetimeMs),
      usedAt: null,
    })
    .execute();
  return code;
}

/**
 * Spends a code once and returns a fresh, short-lived API key for the browser; null for an
 * unknown, used or expired code. One UPDATE … RETURNING, so two tabs racing get one key.
 */
export async function redeemSignInCode(db: Kysely<Database>, code: string, now: Date): Promise<CreatedApiKey | null> {
  if (code.length === 0 || code.length > 200) return null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('signInCodes')
      .set({ usedAt: now })
      .where('codeHash', '=', hashSecret(code))
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning(['role', 'team'])
      .executeTakeFirst();
    if (!row) return null;
    const role: Role = row.role === 'admin' ? { kind: 'admin' } : { kind: 'team-manager', team: row.team ?? '' };
    return createApiKey(trx, { role, label: 'browser sign-in', now, expiresAt: new Date(now.getTime() + browserKeyLifetimeMs) });
  });
}

import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BackendError } from '../../src/engine/BackendError.ts';
import type { InvitedUser } from '../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import type { Database, UsersTable } from '../store/Database.ts';
import { canSeeTeam, type Principal } from './Principal.ts';

export type UserRow = Selectable<UsersTable>;

/**
 * Outside the caller's team a user does not exist for them: the same `not_found` as an unknown id,
 * so a team manager cannot learn who else was invited from a different answer.
 */
export const noSuchUser: BackendError = { kind: 'not_found', message: 'No such user.' };
export const deactivatedUser: BackendError = { kind: 'deactivated', message: 'This user is deactivated; reactivate them first.' };

/** The contract's view of a row. */
export function toInvitedUser(row: UserRow): InvitedUser {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: row.id,
    email: row.email,
    ...(row.name === null ? {} : { name: row.name }),
    status: row.status,
    invitedAt: iso(row.invitedAt),
    lastSentAt: iso(row.lastSentAt),
    expiresAt: iso(row.expiresAt),
    acceptedAt: iso(row.acceptedAt),
    setupCompleted: row.setupCompleted,
    lastSignInAt: iso(row.lastSignInAt),
    sso: row.sso,
    team: row.team,
  };
}

/** The user by id, locked for the rest of the transaction, when the caller may see them. */
export async function lockVisibleUser(trx: Transaction<Database>, principal: Principal, userId: string): Promise<Result<UserRow>> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
  return row && canSeeTeam(principal, row.team) ? ok(row) : err(noSuchUser);
}

/** The user, when they are still only invited; accepted and deactivated users refuse invite actions. */
export async function lockPendingInvite(trx: Transaction<Database>, principal: Principal, userId: string, action: string): Promise<Result<UserRow>> {
  const found = await lockVisibleUser(trx, principal, userId);
  if (!found.ok) return found;
  if (found.value.status === 'deactivated') return err(deactivatedUser);
  if (found.value.status === 'active') return err({ kind: 'conflict', message: `This user has already accepted their invitation; no need to ${action}.` });
  return found;
}

/** The user with this (normalised) address, if any, whatever the caller's team. */
export function findUserRow(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

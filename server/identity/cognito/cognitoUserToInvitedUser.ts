import type { AttributeType, UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';

/** The fields of Cognito's `UserType` (ListUsers, AdminCreateUser) and `AdminGetUserResponse` we read. */
export interface CognitoUserRecord {
  Username?: string | undefined;
  Attributes?: AttributeType[] | undefined;
  UserAttributes?: AttributeType[] | undefined;
  UserCreateDate?: Date | undefined;
  UserLastModifiedDate?: Date | undefined;
  Enabled?: boolean | undefined;
  UserStatus?: UserStatusType | string | undefined;
}

const dayMs = 86_400_000;

/**
 * A Cognito user as the contract's `InvitedUser`, or `null` when the record lacks a username or an
 * address. `temporaryPasswordDays` is the pool's `TemporaryPasswordValidityDays`.
 *
 * - disabled (`Enabled: false`) or `ARCHIVED` → `deactivated`, whatever the status;
 * - `FORCE_CHANGE_PASSWORD` (created by an admin, temporary password never changed) → `invited`:
 *   the temporary password, which is the invitation, was last mailed at `UserLastModifiedDate`
 *   (a RESEND moves it) and stops working `temporaryPasswordDays` later;
 * - `CONFIRMED` → `active`; `EXTERNAL_PROVIDER` → `active` with `sso`;
 * - `RESET_REQUIRED`, `UNCONFIRMED`, `COMPROMISED` and anything newer → `active` with
 *   `setupCompleted: false`: the account exists but cannot be used until the person finishes a
 *   step (a reset code, an email confirmation).
 *
 * Cognito records no acceptance or sign-in time: `acceptedAt` is the account's creation, the
 * earliest it can have been (a user who is no longer a pending invitation has accepted or signed
 * up), and `lastSignInAt` is absent. `invitedAt` is the creation time for accounts that may have
 * been made by an admin.
 */
export function cognitoUserToInvitedUser(record: CognitoUserRecord, team: string, temporaryPasswordDays: number): InvitedUser | null {
  const attributes = record.Attributes ?? record.UserAttributes ?? [];
  const attribute = (name: string) => attributes.find((entry) => entry.Name === name)?.Value?.trim() || undefined;
  const id = record.Username;
  const email = (attribute('email') ?? (id?.includes('@') ? id : undefined))?.toLowerCase();
  if (!id || !email) return null;
  const name = attribute('name') ?? ([attribute('given_name'), attribute('family_name')].filter(Boolean).join(' ') || undefined);
  const created = isoOrNull(record.UserCreateDate);
  const modified = isoOrNull(record.UserLastModifiedDate) ?? created;
  const base = { id, email, ...(name ? { name } : {}), team };
  const status = record.UserStatus;
  if (record.Enabled === false || status === 'ARCHIVED') {
    return { ...base, status: 'deactivated', invitedAt: created, lastSentAt: null, expiresAt: null, acceptedAt: status === 'FORCE_CHANGE_PASSWORD' ? null : created, setupCompleted: status === 'CONFIRMED' || status === 'EXTERNAL_PROVIDER', sso: status === 'EXTERNAL_PROVIDER' };
  }
  if (status === 'FORCE_CHANGE_PASSWORD') {
    const expiresAt = modified === null ? null : new Date(Date.parse(modified) + temporaryPasswordDays * dayMs).toISOString();
    return { ...base, status: 'invited', invitedAt: created, lastSentAt: modified, expiresAt, acceptedAt: null, setupCompleted: false, sso: false };
  }
  if (status === 'EXTERNAL_PROVIDER') return { ...base, status: 'active', invitedAt: null, lastSentAt: null, expiresAt: null, acceptedAt: created, setupCompleted: true, sso: true };
  return {
    ...base,
    status: 'active',
    invitedAt: status === 'UNCONFIRMED' ? null : created,
    lastSentAt: null,
    expiresAt: null,
    acceptedAt: created,
    setupCompleted: status === 'CONFIRMED',
    sso: false,
  };
}

function isoOrNull(value: Date | undefined): string | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
}

import type { UserRecord } from 'firebase-admin/auth';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';

/**
 * A Firebase user as the contract's `InvitedUser`. Firebase has no invitations, so the states are
 * read off the user record:
 * - `deactivated`: `disabled`;
 * - `invited`: never signed in (see {@link hasSignedIn}): created by an admin (or by us) and
 *   waiting for a first sign-in;
 * - `active`: has signed in at least once.
 * `sso` when a linked provider is a SAML or OIDC connection (`saml.*`, `oidc.*`). `setupCompleted`
 * is always true: a person who has signed in has finished what Firebase asks of them (an
 * unverified address is an app's policy, not an unfinished setup). `invitedAt` is the account's
 * creation; `lastSentAt`, `expiresAt` and `acceptedAt` are not recorded by Firebase (it keeps no
 * trace of action links, nor of a first sign-in), so they are `null` unless `sent` says what this
 * very call sent.
 */
export function toInvitedUser(record: UserRecord, team: string, sent?: { sentAt: string; expiresAt: string }): InvitedUser {
  const signedIn = hasSignedIn(record);
  const lastSignInAt = signedIn ? isoOrNull(record.metadata.lastSignInTime) : null;
  const status = record.disabled ? 'deactivated' : signedIn ? 'active' : 'invited';
  return {
    id: record.uid,
    email: (record.email ?? '').toLowerCase(),
    ...(record.displayName ? { name: record.displayName } : {}),
    status,
    invitedAt: isoOrNull(record.metadata.creationTime),
    lastSentAt: sent?.sentAt ?? null,
    expiresAt: sent?.expiresAt ?? null,
    acceptedAt: null,
    setupCompleted: true,
    lastSignInAt,
    sso: record.providerData.some((provider) => /^(saml|oidc)\./.test(provider.providerId)),
    team,
  };
}

/**
 * True when the person has signed in at least once. Firebase leaves `lastSignInTime` empty for a
 * user the Admin SDK created until their first sign-in, and sets `lastRefreshTime` whenever it
 * issues them tokens. The Auth emulator instead stamps `lastSignInTime` with the creation time at
 * `createUser`, so a sign-in stamp equal to the creation (within a second) with no token ever
 * issued is read as "not signed in" too. (A user who signed in only at sign-up, before Firebase
 * recorded `lastRefreshTime`, would read as not signed in; they have not been back since.)
 */
export function hasSignedIn(record: UserRecord): boolean {
  if (isoOrNull(record.metadata.lastRefreshTime) !== null) return true;
  const signedIn = isoOrNull(record.metadata.lastSignInTime);
  if (signedIn === null) return false;
  const created = isoOrNull(record.metadata.creationTime);
  return created === null || Math.abs(Date.parse(signedIn) - Date.parse(created)) > 1000;
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

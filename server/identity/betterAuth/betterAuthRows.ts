import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { normalizeAddress } from '../../../src/diagnostics/normalizeAddress.ts';

/** The better-auth rows the source reads, as its adapter returns them (default model and field names). */
export interface InvitationRow {
  id: string;
  organizationId: string;
  email: string;
  role?: string | null;
  status: 'pending' | 'accepted' | 'rejected' | 'canceled' | string;
  expiresAt: Date;
  createdAt?: Date | null;
  inviterId: string;
}

export interface UserRow {
  id: string;
  email: string;
  name?: string | null;
  emailVerified?: boolean | null;
  createdAt: Date;
  /** The admin plugin's columns; undefined when the team does not use it. */
  banned?: boolean | null;
  banExpires?: Date | null;
}

export interface AccountRow {
  providerId: string;
}

export interface MemberRow {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Date;
}

/** What is known about one address, gathered before it is mapped. */
export interface AddressRecord {
  user: UserRow | null;
  accounts: readonly AccountRow[];
  /** The user's memberships in scope, oldest first. */
  memberships: readonly MemberRow[];
  /** The address's invitations in scope, newest first. */
  invitations: readonly InvitationRow[];
  /** When the user's latest session began, if one is still stored. */
  lastSessionAt: Date | null;
}

export interface MappingOptions {
  /** The organisation in scope; null: every organisation. */
  organizationId: string | null;
  defaultTeam: string;
  invitationExpiresInSeconds: number;
  isSsoProvider(providerId: string): boolean;
  now: number;
}

/**
 * One address as the contract's user, or null when it is nobody in scope. The order of the checks
 * is the contract's: a member of the organisation in scope is a user (active, or deactivated when
 * banned); else a pending invitation (expired or not) is an invitee, keyed by the invitation id;
 * else, with no organisation in scope, any better-auth user is a user. Rejected, cancelled and
 * accepted invitations alone make nobody: the address is free to invite again.
 */
export function betterAuthRecordToInvitedUser(record: AddressRecord, options: MappingOptions): InvitedUser | null {
  const { user } = record;
  const pending = record.invitations.find((invitation) => invitation.status === 'pending') ?? null;
  const membership = record.memberships[0] ?? null;
  if (user && membership) return userShaped(record, user, membership, options);
  if (pending) {
    const sentAt = lastSentAt(pending, options.invitationExpiresInSeconds);
    return {
      id: pending.id,
      email: contractAddress(pending.email),
      ...(user?.name ? { name: user.name } : {}),
      status: user && isBanned(user, options.now) ? 'deactivated' : 'invited',
      invitedAt: (pending.createdAt ?? sentAt).toISOString(),
      lastSentAt: sentAt.toISOString(),
      expiresAt: pending.expiresAt.toISOString(),
      acceptedAt: null,
      setupCompleted: false,
      lastSignInAt: record.lastSessionAt?.toISOString() ?? null,
      sso: record.accounts.some((account) => options.isSsoProvider(account.providerId)),
      team: pending.organizationId,
    };
  }
  if (user && options.organizationId === null) return userShaped(record, user, null, options);
  return null;
}

function userShaped(record: AddressRecord, user: UserRow, membership: MemberRow | null, options: MappingOptions): InvitedUser {
  const accepted = record.invitations.find((invitation) => invitation.status === 'accepted' && (!membership || invitation.organizationId === membership.organizationId)) ?? null;
  return {
    id: user.id,
    email: contractAddress(user.email),
    ...(user.name ? { name: user.name } : {}),
    status: isBanned(user, options.now) ? 'deactivated' : 'active',
    invitedAt: accepted?.createdAt?.toISOString() ?? null,
    lastSentAt: accepted ? lastSentAt(accepted, options.invitationExpiresInSeconds).toISOString() : null,
    expiresAt: null,
    acceptedAt: (membership?.createdAt ?? user.createdAt).toISOString(),
    // No verified address and no way to sign in (no password, no social or SSO account): a user
    // created for someone (the admin plugin's createUser without a password) who never finished.
    setupCompleted: Boolean(user.emailVerified) || record.accounts.length > 0,
    lastSignInAt: record.lastSessionAt?.toISOString() ?? null,
    sso: record.accounts.some((account) => options.isSsoProvider(account.providerId)),
    team: membership?.organizationId ?? options.defaultTeam,
  };
}

/** The admin plugin's ban: `banned` until `banExpires` (none: for good). */
export function isBanned(user: UserRow, now: number): boolean {
  return user.banned === true && (!user.banExpires || new Date(user.banExpires).getTime() > now);
}

/**
 * better-auth keeps no "sent at": a resend only pushes `expiresAt` by the configured
 * `invitationExpiresIn`. So the latest send is derived as expiry minus that period (never before
 * the invitation was created); right as long as BETTER_AUTH_INVITATION_EXPIRES_IN matches the app.
 */
function lastSentAt(invitation: InvitationRow, expiresInSeconds: number): Date {
  const derived = new Date(invitation.expiresAt).getTime() - expiresInSeconds * 1000;
  const created = invitation.createdAt ? new Date(invitation.createdAt).getTime() : derived;
  return new Date(Math.max(derived, created));
}

/** The address in the contract's `normalizeAddress` form (better-auth keeps a Unicode domain as is). */
function contractAddress(email: string): string {
  const address = normalizeAddress(email);
  return address.ok ? address.address : email.toLowerCase();
}

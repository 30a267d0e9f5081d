import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { clerkUserEmail, type ClerkInvitationRecord, type ClerkUserRecord } from './clerkRecords.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** When the first invitation to this address went out, from every invitation Clerk still lists for it. */
function firstInvitedAt(history: readonly ClerkInvitationRecord[]): string | null {
  const first = Math.min(...history.map((invitation) => invitation.created_at));
  return Number.isFinite(first) ? iso(first) : null;
}

/** Where an invitation's link stops working: `expires_at`, or for an expired one without it, when Clerk marked it. */
export function clerkInvitationExpiry(invitation: ClerkInvitationRecord): string | null {
  if (typeof invitation.expires_at === 'number') return iso(invitation.expires_at);
  return invitation.status === 'expired' ? iso(invitation.updated_at) : null;
}

/**
 * A Clerk user as the contract's user. A Clerk user exists only once signed up, so it is `active`
 * (accepted at its creation) unless banned, locked or deprovisioned (`deactivated`). Setup is
 * complete once the user has signed in at least once (a user created through the API who never
 * signed in has not). `sso`: an enterprise (SAML/OIDC) account; social logins are not SSO.
 */
export function clerkUserToInvitedUser(user: ClerkUserRecord, history: readonly ClerkInvitationRecord[], team: string): InvitedUser {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const enterprise = [...(user.enterprise_accounts ?? []), ...(user.saml_accounts ?? [])];
  const accepted = history.filter((invitation) => invitation.status === 'accepted').sort((a, b) => b.created_at - a.created_at)[0];
  return {
    id: user.id,
    email: clerkUserEmail(user),
    ...(name ? { name } : {}),
    status: user.banned || user.locked || user.deprovisioned ? 'deactivated' : 'active',
    invitedAt: firstInvitedAt(history),
    lastSentAt: accepted ? iso(accepted.created_at) : null,
    expiresAt: null,
    acceptedAt: iso(user.created_at),
    setupCompleted: user.last_sign_in_at !== null,
    lastSignInAt: user.last_sign_in_at === null ? null : iso(user.last_sign_in_at),
    sso: enterprise.some((account) => account.active !== false),
    team,
  };
}

/**
 * A pending or expired Clerk invitation as an invited user whose id is the invitation's id. An
 * expired one stays `invited`, with `expiresAt` in the past. `lastSentAt` is this invitation's
 * creation: a resend is a new invitation.
 */
export function clerkInvitationToInvitedUser(invitation: ClerkInvitationRecord, history: readonly ClerkInvitationRecord[], team: string): InvitedUser {
  return {
    id: invitation.id,
    email: invitation.email_address.trim().toLowerCase(),
    status: 'invited',
    invitedAt: firstInvitedAt(history.length > 0 ? history : [invitation]),
    lastSentAt: iso(invitation.created_at),
    expiresAt: clerkInvitationExpiry(invitation),
    acceptedAt: null,
    setupCompleted: false,
    lastSignInAt: null,
    sso: false,
    team,
  };
}

/** The invitation that stands for an address with no user: its newest pending or expired one. */
export function currentClerkInvitation(history: readonly ClerkInvitationRecord[]): ClerkInvitationRecord | undefined {
  return history.filter((invitation) => invitation.status === 'pending' || invitation.status === 'expired').sort((a, b) => b.created_at - a.created_at)[0];
}

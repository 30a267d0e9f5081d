import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import type { WorkosInvitationRecord, WorkosMembershipRecord, WorkosUserRecord } from './workosRecords.ts';

const iso = (stamp: string) => new Date(stamp).toISOString();

function firstInvitedAt(history: readonly WorkosInvitationRecord[]): string | null {
  const first = Math.min(...history.map((invitation) => Date.parse(invitation.createdAt)));
  return Number.isFinite(first) ? new Date(first).toISOString() : null;
}

/**
 * A WorkOS user as the contract's user: `active` once it exists, `deactivated` when every
 * organisation membership it has (in scope) is `inactive`. Setup is complete once it has signed in.
 * `sso` stays false: the User Management API does not say how a user signs in.
 */
export function workosUserToInvitedUser(user: WorkosUserRecord, memberships: readonly WorkosMembershipRecord[], history: readonly WorkosInvitationRecord[], team: string): InvitedUser {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const accepted = history.filter((invitation) => invitation.state === 'accepted').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return {
    id: user.id,
    email: user.email.trim().toLowerCase(),
    ...(name ? { name } : {}),
    status: memberships.length > 0 && memberships.every((membership) => membership.status === 'inactive') ? 'deactivated' : 'active',
    invitedAt: firstInvitedAt(history),
    lastSentAt: accepted ? iso(accepted.updatedAt) : null,
    expiresAt: null,
    acceptedAt: accepted?.acceptedAt ? iso(accepted.acceptedAt) : iso(user.createdAt),
    setupCompleted: user.lastSignInAt !== null,
    lastSignInAt: user.lastSignInAt === null ? null : iso(user.lastSignInAt),
    sso: false,
    team,
  };
}

/**
 * A pending or expired WorkOS invitation as an invited user (id: the invitation's). `lastSentAt` is
 * its `updated_at`: a resend touches it, and a pending invitation changes no other way.
 */
export function workosInvitationToInvitedUser(invitation: WorkosInvitationRecord, history: readonly WorkosInvitationRecord[], team: string): InvitedUser {
  return {
    id: invitation.id,
    email: invitation.email.trim().toLowerCase(),
    status: 'invited',
    invitedAt: firstInvitedAt(history.length > 0 ? history : [invitation]),
    lastSentAt: iso(invitation.updatedAt),
    expiresAt: iso(invitation.expiresAt),
    acceptedAt: null,
    setupCompleted: false,
    lastSignInAt: null,
    sso: false,
    team,
  };
}

/** The invitation that stands for an address with no user: its newest pending or expired one. */
export function currentWorkosInvitation(history: readonly WorkosInvitationRecord[]): WorkosInvitationRecord | undefined {
  return history.filter((invitation) => invitation.state === 'pending' || invitation.state === 'expired').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

import type { User } from '@supabase/supabase-js';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';

/** How long a Supabase link lives and which team its users belong to. */
export interface SupabaseUserContext {
  inviteExpiryMs: number;
  team: string;
  now: number;
}

/**
 * Supabase has no invitation object: an invitation is a user with `invited_at` set who has neither
 * confirmed the address nor signed in. Its link is the one sent at `confirmation_sent_at` (every
 * invite or generated link moves it) and lives for the project's OTP lifetime, which the Admin API
 * does not tell, so it comes from configuration. `banned_until` in the future is a deactivated
 * user; `is_sso_user` one who signs in through SAML SSO. An address that is confirmed but has never
 * signed in accepted without finishing setup.
 */
export function toSupabaseInvitedUser(user: User, context: SupabaseUserContext): InvitedUser {
  const confirmedAt = user.email_confirmed_at ?? user.confirmed_at ?? null;
  const signedInAt = user.last_sign_in_at ?? null;
  const pending = Boolean(user.invited_at) && !confirmedAt && !signedInAt;
  const bannedUntil = user.banned_until ? Date.parse(user.banned_until) : Number.NaN;
  const banned = !Number.isNaN(bannedUntil) && bannedUntil > context.now;
  const sentAt = user.confirmation_sent_at ?? user.invited_at ?? null;
  const name = readName(user.user_metadata);
  return {
    id: user.id,
    email: (user.email ?? '').toLowerCase(),
    ...(name ? { name } : {}),
    status: banned ? 'deactivated' : pending ? 'invited' : 'active',
    invitedAt: user.invited_at ?? null,
    lastSentAt: user.invited_at ? sentAt : null,
    expiresAt: pending && sentAt ? new Date(Date.parse(sentAt) + context.inviteExpiryMs).toISOString() : null,
    acceptedAt: pending ? null : (confirmedAt ?? signedInAt),
    setupCompleted: pending || Boolean(signedInAt) || Boolean(user.is_sso_user),
    lastSignInAt: signedInAt,
    sso: Boolean(user.is_sso_user),
    team: context.team,
  };
}

function readName(metadata: User['user_metadata'] | undefined): string | undefined {
  const value = metadata?.['full_name'] ?? metadata?.['name'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

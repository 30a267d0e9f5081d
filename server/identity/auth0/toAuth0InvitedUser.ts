import type { Management } from 'auth0';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';

/** Identity providers of Auth0's enterprise connections: a user of one signs in through their organisation. */
const enterpriseProviders = new Set(['samlp', 'oidc', 'waad', 'adfs', 'okta', 'ad', 'google-apps', 'pingfederate', 'ip']);

/**
 * An Auth0 user on the contract. `blocked` is a deactivated user. A user who never logged in and
 * whose address is not verified is still `invited` (a first sign-in is pending, with no link Auth0
 * tells us about); one whose address is verified but who never logged in accepted (a ticket or
 * invitation verified it) without finishing setup. A user with an identity from an enterprise
 * connection (SAML, OIDC, Azure AD, ADFS, Okta…) signs in by single sign-on.
 */
export function toAuth0User(user: Management.UserResponseSchema, team: string): InvitedUser {
  const logins = user.logins_count ?? 0;
  const verified = user.email_verified === true;
  const pending = logins === 0 && !verified && !user.blocked;
  const sso = (user.identities ?? []).some((identity) => identity.isSocial !== true && enterpriseProviders.has(String(identity.provider ?? '')));
  const name = typeof user.name === 'string' && user.name !== user.email ? user.name : undefined;
  return {
    id: String(user.user_id ?? ''),
    email: String(user.email ?? '').toLowerCase(),
    ...(name ? { name } : {}),
    status: user.blocked ? 'deactivated' : pending && !sso ? 'invited' : 'active',
    invitedAt: pending ? (user.created_at ?? null) : null,
    lastSentAt: null,
    expiresAt: null,
    acceptedAt: pending && !sso ? null : (user.created_at ?? null),
    setupCompleted: sso || logins > 0 || !verified,
    lastSignInAt: user.last_login ?? null,
    sso,
    team,
  };
}

/** A pending Organization invitation on the contract: Auth0 sent it at `created_at`; it lives until `expires_at`. */
export function toAuth0Invitation(invitation: Management.OrganizationInvitation, team: string): InvitedUser {
  return {
    id: String(invitation.id ?? ''),
    email: String(invitation.invitee?.email ?? '').toLowerCase(),
    status: 'invited',
    invitedAt: invitation.created_at ?? null,
    lastSentAt: invitation.created_at ?? null,
    expiresAt: invitation.expires_at ?? null,
    acceptedAt: null,
    setupCompleted: true,
    lastSignInAt: null,
    sso: false,
    team: invitation.organization_id ?? team,
  };
}

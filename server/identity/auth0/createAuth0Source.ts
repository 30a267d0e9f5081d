import { ManagementClient, type Management } from 'auth0';
import { AuthenticationClient } from 'auth0/legacy';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import type { CallOptions, DeliveryEvent, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { callProvider } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import type { Auth0Config } from './auth0Identity.ts';
import { readAuth0FnLogs } from './readAuth0FnLogs.ts';
import { readAuth0Failure } from './readAuth0Failure.ts';
import { toAuth0Invitation, toAuth0User } from './toAuth0InvitedUser.ts';

const providerName = 'Auth0';
/** Auth0 pages org invitations by offset and serves at most 1000 rows that way. */
export const auth0InvitationCap = 1000;
/** How long a password-change ticket made for a pending user lives. */
const ticketLifetimeMs = 7 * 24 * 3_600_000;
/** The lifetime of the link in Auth0's "Change Password" mail: the template's URL lifetime, 5 days unless changed (not readable through this API). */
const resetLinkLifetimeMs = 5 * 24 * 3_600_000;

/**
 * Auth0 as an identity source. With an organisation configured, invitations are its Organization
 * invitations (Auth0 mails them); Auth0 has no resend, so a resend creates a new invitation for the
 * same person and deletes the old one (its link dies). Users come from the tenant by address.
 * Copying a link gives the invitation's URL, or for a pending user with no invitation a
 * password-change ticket. Password resets go through the Authentication API's
 * `dbconnections/change_password` (Auth0 mails them). Failed notifications (`fn` logs) are the
 * delivery evidence Auth0 keeps.
 */
export function createAuth0Source(config: Auth0Config, context: IdentityContext): IdentitySource {
  const management = new ManagementClient({
    domain: config.domain,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    // Our callers decide about retries (the SDK would sleep through a 429's Retry-After).
    maxRetries: 0,
    timeoutInSeconds: Math.max(1, Math.ceil(context.timeoutMs / 1000)),
  });
  const authentication = new AuthenticationClient({ domain: config.domain, clientId: config.invitationClientId });
  const org = config.organizationId;
  const team = org ?? context.defaultTeam;
  const pageSize = Math.min(100, config.pageSize ?? 100);
  const now = () => context.clock();
  const capabilities: ReadonlySet<IdentityCapability> = new Set<IdentityCapability>(
    org ? ['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'listInvitations'] : ['lookup', 'copyLink', 'passwordReset'],
  );

  function call<T>(options: CallOptions | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<Result<T>> {
    return callProvider({ providerName, timeoutMs: context.timeoutMs, signal: options?.signal, clock: now, readFailure: readAuth0Failure }, run);
  }

  /** A 2xx body that is not what the SDK's types promise (Fern's fetcher hands a non-JSON body through as data). */
  const malformed = () => err({ kind: 'unavailable' as const, cause: 'malformed' as const, message: `${providerName} answered with something the server could not read. Try again; if it persists, the API may have changed.` });
  const hasList = (response: unknown, key: 'invitations' | 'logs') => typeof response === 'object' && response !== null && Array.isArray((response as Record<string, unknown>)[key]);

  async function allInvitations(options?: CallOptions): Promise<Result<Management.OrganizationInvitation[]>> {
    if (!org) return ok([]);
    const first = await call(options, (abortSignal) => management.organizations.invitations.list(org, { page: 0, per_page: pageSize, include_totals: true }, { abortSignal }));
    if (!first.ok) return first;
    if (!hasList(first.value.response, 'invitations')) return malformed();
    const rows = [...first.value.data];
    let page = first.value;
    while (page.hasNextPage()) {
      if (rows.length >= auth0InvitationCap) {
        return err({ kind: 'unavailable', cause: 'server', message: `This Auth0 organisation has more than ${auth0InvitationCap} invitations, more than Auth0 lets the server page through.` });
      }
      const next = await call(options, () => page.getNextPage());
      if (!next.ok) return next;
      page = next.value;
      if (!hasList(page.response, 'invitations')) return malformed();
      rows.push(...page.data);
    }
    return ok(rows);
  }

  async function usersByEmail(email: string, options?: CallOptions): Promise<Result<Management.UserResponseSchema[]>> {
    const users = await call(options, (abortSignal) => management.users.listUsersByEmail({ email }, { abortSignal }));
    return users.ok && !Array.isArray(users.value) ? malformed() : users;
  }

  /** The newest pending invitation for an address, or null. */
  async function invitationFor(email: string, options?: CallOptions): Promise<Result<Management.OrganizationInvitation | null>> {
    const invitations = await allInvitations(options);
    if (!invitations.ok) return invitations;
    const mine = invitations.value.filter((row) => (row.invitee?.email ?? '').toLowerCase() === email);
    mine.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')));
    return ok(mine[0] ?? null);
  }

  /** What an id names: an Organization invitation (`uinv_…`) or a user. */
  async function resolve(id: string, options?: CallOptions): Promise<Result<{ invitation: Management.OrganizationInvitation } | { user: Management.UserResponseSchema }>> {
    if (org && id.startsWith('uinv_')) {
      const invitation = await call(options, (abortSignal) => management.organizations.invitations.get(org, id, {}, { abortSignal }));
      if (!invitation.ok) return invitation;
      return typeof invitation.value?.id === 'string' ? ok({ invitation: invitation.value }) : malformed();
    }
    const user = await call(options, (abortSignal) => management.users.get(id, {}, { abortSignal }));
    if (!user.ok) return user;
    return typeof user.value?.user_id === 'string' ? ok({ user: user.value }) : malformed();
  }

  const notAnInvitation = (user: InvitedUser) =>
    user.status === 'deactivated'
      ? err({ kind: 'deactivated' as const, message: `${providerName} has this user blocked; unblock them first.` })
      : err({ kind: 'conflict' as const, message: `This person already has an ${providerName} account; there is no pending invitation to act on.` });

  async function createInvitation(email: string, from: Management.OrganizationInvitation | null, options?: CallOptions) {
    return call(options, (abortSignal) =>
      management.organizations.invitations.create(
        org!,
        {
          inviter: { name: from?.inviter?.name ?? config.inviterName },
          invitee: { email },
          client_id: from?.client_id ?? config.invitationClientId,
          ...((from?.connection_id ?? config.connectionId) ? { connection_id: (from?.connection_id ?? config.connectionId)! } : {}),
          ...(from?.roles?.length ? { roles: from.roles } : {}),
          ...(from?.app_metadata ? { app_metadata: from.app_metadata } : {}),
          ...(from?.user_metadata ? { user_metadata: from.user_metadata } : {}),
          send_invitation_email: true,
        },
        { abortSignal },
      ),
    );
  }

  const source: IdentitySource = {
    capabilities: () => capabilities,
    describe: () => ({ identity: 'auth0', identityName: providerName, resend: org ? 'composed' : 'unsupported', resendRotatesLink: Boolean(org), providerSendsMail: true }),

    async findUser(email, options) {
      const wanted = email.trim().toLowerCase();
      const users = await usersByEmail(wanted, options);
      if (!users.ok) return users;
      const user = users.value.map((row) => toAuth0User(row, team)).find((row) => row.email === wanted) ?? null;
      if (user && user.status !== 'invited') return ok(user);
      const invitation = await invitationFor(wanted, options);
      if (!invitation.ok) return invitation;
      return ok(invitation.value ? toAuth0Invitation(invitation.value, team) : user);
    },

    async resendInvite(id, options) {
      if (!org) return err({ kind: 'unsupported', message: 'Auth0 resends only Organization invitations; set AUTH0_ORGANIZATION_ID.' });
      const target = await resolve(id, options);
      if (!target.ok) return target;
      if ('user' in target.value) return notAnInvitation(toAuth0User(target.value.user, team));
      const old = target.value.invitation;
      const email = String(old.invitee?.email ?? '').toLowerCase();
      const created = await createInvitation(email, old, options);
      if (!created.ok) return created;
      const removed = await call(options, (abortSignal) => management.organizations.invitations.delete(org, id, { abortSignal }));
      if (!removed.ok && removed.error.kind !== 'not_found') {
        return err({ kind: 'unavailable', cause: 'server', message: `${providerName} sent a new invitation but did not delete the old one, so its link still works too. Cancel it in the Auth0 dashboard if that matters.` });
      }
      const sentAt = created.value.created_at ?? new Date(now()).toISOString();
      return ok({
        sentAt,
        expiresAt: created.value.expires_at ?? new Date(Date.parse(sentAt) + 7 * 24 * 3_600_000).toISOString(),
        // The new invitation's id: the wizard acts on it from now on.
        ...(created.value.id ? { userId: created.value.id } : {}),
      });
    },

    async getInviteLink(id, options) {
      const target = await resolve(id, options);
      if (!target.ok) return target;
      if ('invitation' in target.value) {
        const { invitation_url: url, expires_at: expiresAt } = target.value.invitation;
        if (!url || !expiresAt) return err({ kind: 'unavailable', cause: 'malformed', message: `${providerName} answered the invitation without its link.` });
        return ok({ url, expiresAt, singleUse: true });
      }
      const user = toAuth0User(target.value.user, team);
      if (user.status !== 'invited') return notAnInvitation(user);
      // A pending user with no invitation: a password-change ticket sets the first password and verifies the address.
      const ticket = await call(options, (abortSignal) =>
        management.tickets.changePassword(
          { user_id: user.id, client_id: config.invitationClientId, ttl_sec: ticketLifetimeMs / 1000, mark_email_as_verified: true, ...(org ? { organization_id: org } : {}) },
          { abortSignal },
        ),
      );
      if (!ticket.ok) return ticket;
      return ok({ url: ticket.value.ticket, expiresAt: new Date(now() + ticketLifetimeMs).toISOString(), singleUse: true });
    },

    async sendPasswordReset(id, options) {
      const target = await resolve(id, options);
      if (!target.ok) return target;
      if ('invitation' in target.value) return err({ kind: 'conflict', message: 'This person has not accepted the invitation yet: resend the invitation instead of a password reset.' });
      const record = target.value.user;
      const user = toAuth0User(record, team);
      if (user.status === 'deactivated') return err({ kind: 'deactivated', message: `${providerName} has this user blocked; unblock them first.` });
      if (user.status === 'invited') return err({ kind: 'conflict', message: 'This person has never signed in: send the invitation link instead of a password reset.' });
      const database = (record.identities ?? []).find((identity) => identity.provider === 'auth0' && identity.connection);
      if (user.sso || !database?.connection) return err({ kind: 'conflict', message: `This person does not sign in with an ${providerName} password (single sign-on or a social login); their password is kept elsewhere.` });
      const sent = await call(options, () => authentication.database.changePassword({ email: user.email, connection: database.connection! }));
      if (!sent.ok) return sent;
      const at = now();
      return ok({ sentAt: new Date(at).toISOString(), expiresAt: new Date(at + resetLinkLifetimeMs).toISOString() });
    },

    async cancelInvite(id, options) {
      if (!org) return err({ kind: 'unsupported', message: 'Auth0 cancels only Organization invitations; set AUTH0_ORGANIZATION_ID.' });
      const target = await resolve(id, options);
      if (!target.ok) return target;
      if ('user' in target.value) return notAnInvitation(toAuth0User(target.value.user, team));
      const removed = await call(options, (abortSignal) => management.organizations.invitations.delete(org, id, { abortSignal }));
      if (!removed.ok) return removed;
      return ok({ cancelledAt: new Date(now()).toISOString() });
    },

    async inviteUser(email, options) {
      if (!org) return err({ kind: 'unsupported', message: 'Auth0 invites only into an Organization; set AUTH0_ORGANIZATION_ID.' });
      const wanted = email.trim().toLowerCase();
      const existing = await source.findUser(wanted, options);
      if (!existing.ok) return existing;
      // Auth0 would accept a second invitation for the same address; the contract wants a refusal.
      if (existing.value) return err({ kind: 'conflict', message: `${providerName} already has ${existing.value.status === 'invited' ? 'a pending invitation' : 'an account'} for this address.` });
      const created = await createInvitation(wanted, null, options);
      if (!created.ok) return created;
      return ok(toAuth0Invitation(created.value, team));
    },

    async listInvitations(filter, options) {
      if (!org) return err({ kind: 'unsupported', message: 'Listing needs an Organization; set AUTH0_ORGANIZATION_ID.' });
      const invitations = await allInvitations(options);
      if (!invitations.ok) return invitations;
      return listMemoryInvitations(invitations.value.map((row) => toAuth0Invitation(row, team)).filter((row) => row.email), filter);
    },

    async deliveryEvents(email, options): Promise<Result<DeliveryEvent[]>> {
      const wanted = email.trim().toLowerCase();
      const logs = await call(options, (abortSignal) =>
        management.logs.list({ page: 0, per_page: 100, sort: 'date:-1', include_totals: true }, { abortSignal, queryParams: { q: `type:"fn" AND user_name:"${wanted.replace(/["\\]/g, '\\$&')}"` } }),
      );
      if (!logs.ok) return logs;
      if (!hasList(logs.value.response, 'logs')) return malformed();
      return ok(readAuth0FnLogs(logs.value.data, wanted));
    },
  };
  return source;
}

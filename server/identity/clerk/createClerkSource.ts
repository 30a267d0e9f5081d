import { createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import type { BackendError } from '../../../src/engine/BackendError.ts';
import type { CallOptions, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { decodeInvitationCursor } from '../../../src/engine/invitationCursor.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import type { ClerkConfig } from './clerkIdentity.ts';
import { clerkInvitationSchema, clerkUserEmail, clerkUserSchema, readClerkRecord, type ClerkInvitationRecord, type ClerkUserRecord } from './clerkRecords.ts';
import { clerkInvitationExpiry, clerkInvitationToInvitedUser, clerkUserToInvitedUser, currentClerkInvitation } from './clerkToInvitedUser.ts';
import { readClerkFailure, unfoldClerkTransportError } from './readClerkFailure.ts';
import { walkClerkPages } from './walkClerkPages.ts';

const day = 86_400_000;
/** Clerk's own default when an invitation carries no `expires_at`. */
const clerkDefaultExpiryMs = 30 * day;
/** Clerk's answers to an invitation for an address it already has: a pending invitation (400), a user (422). */
const duplicateCodes = new Set(['duplicate_record', 'form_identifier_exists']);
const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'copyLink', 'cancel', 'reinvite', 'listInvitations']);
const iso = (ms: number) => new Date(ms).toISOString();
const conflict = (message: string) => new ProviderRefusal({ kind: 'conflict', message });

/**
 * The Clerk identity source. A person is a Clerk user once signed up (id `user_…`), and before
 * that their newest pending or expired application invitation (id `inv_…`). Invitations are
 * created with `notify: true`, so Clerk mails them; copying a link only reads the invitation's
 * `url` and sends nothing. A resend is composed: the pending invitation is revoked (its link dies)
 * and a new one is created and mailed.
 */
export function createClerkSource(config: ClerkConfig, context: IdentityContext): IdentitySource {
  const client = createClerkClient({ secretKey: config.secretKey, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
  const pageSize = Math.min(500, Math.max(1, Math.floor(config.pageSize ?? 500)));
  const listCap = config.listCap ?? 10_000;
  const team = context.defaultTeam;
  const expiresInDays = Math.max(1, Math.round(context.policy.inviteExpiryMs / day));

  const call = <T>(options: CallOptions | undefined, run: () => Promise<T>): Promise<Result<T>> =>
    callProvider({ providerName: 'Clerk', timeoutMs: context.timeoutMs, signal: options?.signal, clock: context.clock, readFailure: readClerkFailure }, async () => {
      try {
        return await run();
      } catch (thrown) {
        if (isClerkAPIResponseError(thrown) && (thrown.status === 400 || thrown.status === 422) && thrown.errors.some((error) => duplicateCodes.has(error.code))) {
          throw conflict('Clerk already has a user or a pending invitation for this address.');
        }
        throw unfoldClerkTransportError(thrown);
      }
    });

  const invitationsFor = async (email: string): Promise<ClerkInvitationRecord[]> => {
    const rows = await walkClerkPages('invitations', (offset, limit) => client.invitations.getInvitationList({ query: email, limit, offset }), pageSize, listCap);
    return rows.map((row) => readClerkRecord(clerkInvitationSchema, row)).filter((invitation) => invitation.email_address.trim().toLowerCase() === email);
  };

  const userFor = async (email: string): Promise<ClerkUserRecord | undefined> => {
    const { data } = await client.users.getUserList({ emailAddress: [email], limit: pageSize });
    return data.map((row) => readClerkRecord(clerkUserSchema, row)).find((user) => clerkUserEmail(user) === email || user.email_addresses.some((address) => address.email_address.toLowerCase() === email));
  };

  const invitationById = async (id: string): Promise<ClerkInvitationRecord | undefined> => {
    const { data } = await client.invitations.getInvitationList({ query: id, limit: pageSize });
    return data.map((row) => readClerkRecord(clerkInvitationSchema, row)).find((invitation) => invitation.id === id);
  };

  /** For an id that is no live invitation: a user's id is a conflict (already signed up), anything else `not_found` (Clerk's 404). */
  const refuseNonInvitation = async (id: string, action: string): Promise<never> => {
    // Clerk ids are `prefix_` and letters/digits; anything else never reaches a request path.
    if (!/^[A-Za-z0-9_]+$/.test(id)) throw new ProviderRefusal({ kind: 'not_found', message: 'Clerk does not know this invitation or user.' });
    await client.users.getUser(id);
    throw conflict(`This person has already signed up in Clerk; there is no pending invitation to ${action}.`);
  };

  const pendingInvitation = async (id: string, action: string): Promise<ClerkInvitationRecord> => {
    const invitation = await invitationById(id);
    if (!invitation) return refuseNonInvitation(id, action);
    if (invitation.status === 'accepted') throw conflict(`This invitation was already accepted; there is nothing to ${action}.`);
    if (invitation.status === 'revoked') throw conflict(`This invitation was withdrawn; invite the address again instead.`);
    return invitation;
  };

  const createInvitation = async (email: string, metadata: Record<string, unknown> | null | undefined, ignoreExisting: boolean) =>
    readClerkRecord(
      clerkInvitationSchema,
      await client.invitations.createInvitation({
        emailAddress: email,
        notify: true,
        expiresInDays,
        ...(ignoreExisting ? { ignoreExisting } : {}),
        ...(config.inviteRedirectUrl ? { redirectUrl: config.inviteRedirectUrl } : {}),
        ...(metadata ? { publicMetadata: metadata } : {}),
      }),
    );

  return {
    capabilities: () => capabilities,
    describe: () => ({ identity: 'clerk', identityName: 'Clerk', resend: 'composed', resendRotatesLink: true, providerSendsMail: true }),

    findUser: (email, options) =>
      call(options, async () => {
        const address = email.trim().toLowerCase();
        const [user, history] = await Promise.all([userFor(address), invitationsFor(address)]);
        if (user) return clerkUserToInvitedUser(user, history, team);
        const current = currentClerkInvitation(history);
        return current ? clerkInvitationToInvitedUser(current, history, team) : null;
      }),

    async resendInvite(id, options) {
      const revoked = await call(options, async () => {
        const invitation = await pendingInvitation(id, 'resend');
        // An expired invitation's link is already dead, and Clerk may refuse to revoke it.
        if (invitation.status === 'pending') await client.invitations.revokeInvitation(invitation.id);
        return invitation;
      });
      if (!revoked.ok) return revoked;
      // ignoreExisting: the expired (or just revoked) invitation must not block its successor.
      const created = await call(options, () => createInvitation(revoked.value.email_address, revoked.value.public_metadata, true));
      if (!created.ok) {
        if (revoked.value.status !== 'pending') return created;
        const message =
          created.error.kind === 'conflict'
            ? 'The earlier invitation was withdrawn, and Clerk refused a new one: the address already has a user (it may have signed up meanwhile). Look the person up again.'
            : `The earlier invitation was withdrawn, but Clerk did not create the new one (${created.error.message ?? created.error.kind}). Invite the address again.`;
        return err({ ...created.error, message } as BackendError);
      }
      return ok({ sentAt: iso(created.value.created_at), expiresAt: clerkInvitationExpiry(created.value) ?? iso(created.value.created_at + expiresInDays * day), userId: created.value.id });
    },

    getInviteLink: (id, options) =>
      call(options, async () => {
        const invitation = await pendingInvitation(id, 'copy');
        if (invitation.status === 'expired') throw conflict('This invitation has expired and its link no longer works; resend it for a fresh one.');
        if (!invitation.url) throw new ProviderRefusal({ kind: 'unsupported', message: 'Clerk did not give this invitation’s link; resend it instead.' });
        return { url: invitation.url, expiresAt: clerkInvitationExpiry(invitation) ?? iso(invitation.created_at + clerkDefaultExpiryMs), singleUse: true };
      }),

    sendPasswordReset: async () => err({ kind: 'unsupported', message: 'Clerk has no API to send a password-reset mail; the person can use “Forgot password?” on the sign-in page.' }),

    cancelInvite: (id, options) =>
      call(options, async () => {
        const invitation = await pendingInvitation(id, 'cancel');
        const revoked = readClerkRecord(clerkInvitationSchema, await client.invitations.revokeInvitation(invitation.id));
        return { cancelledAt: iso(revoked.updated_at) };
      }),

    inviteUser: (email, options) =>
      call(options, async () => {
        const created = await createInvitation(email.trim().toLowerCase(), null, false);
        return clerkInvitationToInvitedUser(created, [created], team);
      }),

    async listInvitations(filter, options) {
      if (filter.cursor && decodeInvitationCursor(filter.cursor) === null) return listMemoryInvitations([], filter);
      const rows = await call(options, async () => {
        const users = await walkClerkPages('users', (offset, limit) => client.users.getUserList({ limit, offset, orderBy: '+created_at' }), pageSize, listCap);
        const invitations = await walkClerkPages('invitations', (offset, limit) => client.invitations.getInvitationList({ limit, offset, orderBy: '+created_at' }), pageSize, listCap);
        return buildRows(
          users.map((row) => readClerkRecord(clerkUserSchema, row)),
          invitations.map((row) => readClerkRecord(clerkInvitationSchema, row)),
          team,
        );
      });
      return rows.ok ? listMemoryInvitations(rows.value, filter) : rows;
    },
  };
}

/** One row per person: each user, then each address with no user by its current invitation. */
function buildRows(users: readonly ClerkUserRecord[], invitations: readonly ClerkInvitationRecord[], team: string): InvitedUser[] {
  const history = new Map<string, ClerkInvitationRecord[]>();
  for (const invitation of invitations) {
    const email = invitation.email_address.trim().toLowerCase();
    history.set(email, [...(history.get(email) ?? []), invitation]);
  }
  const rows = users.map((user) => clerkUserToInvitedUser(user, history.get(clerkUserEmail(user)) ?? [], team));
  const signedUp = new Set(rows.map((row) => row.email));
  for (const [email, list] of history) {
    const current = signedUp.has(email) ? undefined : currentClerkInvitation(list);
    if (current) rows.push(clerkInvitationToInvitedUser(current, list, team));
  }
  return rows;
}

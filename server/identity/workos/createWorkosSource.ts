import { WorkOS } from '@workos-inc/node';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import type { CallOptions, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { decodeInvitationCursor } from '../../../src/engine/invitationCursor.ts';
import { err, type Result } from '../../../src/engine/Result.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import { isWorkosDuplicate, readWorkosFailure } from './readWorkosFailure.ts';
import { walkWorkosPages } from './walkWorkosPages.ts';
import type { WorkosConfig } from './workosIdentity.ts';
import { workosInvitationSchema, workosMembershipSchema, workosUserSchema, type WorkosInvitationRecord, type WorkosMembershipRecord, type WorkosUserRecord } from './workosRecords.ts';
import { currentWorkosInvitation, workosInvitationToInvitedUser, workosUserToInvitedUser } from './workosToInvitedUser.ts';

const day = 86_400_000;
const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'copyLink', 'cancel', 'reinvite', 'listInvitations']);
const allStatuses: ('active' | 'inactive' | 'pending')[] = ['active', 'inactive', 'pending'];
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
/** WorkOS ids are `prefix_` and letters/digits; anything else never reaches a request path. */
const workosId = /^[A-Za-z0-9_]+$/;
const iso = (stamp: string) => new Date(stamp).toISOString();
const conflict = (message: string) => new ProviderRefusal({ kind: 'conflict', message });
const notFound = () => new ProviderRefusal({ kind: 'not_found', message: 'WorkOS does not know this invitation or user here.' });

/** The SDK wraps a failed fetch in `Error('Unexpected error', { cause })`; `callProvider` knows undici's TypeError, not msw's or a browser's. */
function unfoldNetworkError(thrown: unknown): unknown {
  for (let current: unknown = thrown, depth = 0; current instanceof Error && depth < 5; depth++, current = current.cause) {
    if (current.name === 'TypeError' && /fetch failed|failed to fetch/i.test(current.message)) return new TypeError('fetch failed', { cause: thrown });
  }
  return thrown;
}

/**
 * The WorkOS identity source. A person is a WorkOS user once signed up (`user_…`), and before that
 * their newest pending or expired invitation (`invitation_…`). With `WORKOS_ORGANIZATION_ID`,
 * everything is scoped to that organisation, its id is the team, and a user whose membership
 * there is `inactive` is `deactivated`; without it the whole environment is read and users have
 * no disabled state. A resend is WorkOS's own (pending invitations only); an expired invitation is
 * re-sent as a new one.
 */
export function createWorkosSource(config: WorkosConfig, context: IdentityContext): IdentitySource {
  const [host, port] = (config.apiHostname ?? '').split(':');
  const workos = new WorkOS(config.apiKey, {
    ...(host ? { apiHostname: host, https: !loopback.test(host) } : {}),
    ...(port ? { port: Number(port) } : {}),
    // The SDK's own timeout is a backstop: callProvider's (the same budget) answers first, with its message.
    timeout: context.timeoutMs + 1_000,
  });
  const users = workos.userManagement;
  const org = config.organizationId ?? undefined;
  const team = config.organizationId ?? context.defaultTeam;
  const pageSize = Math.min(100, Math.max(1, Math.floor(config.pageSize ?? 100)));
  const listCap = config.listCap ?? 10_000;
  const expiresInDays = Math.max(1, Math.round(context.policy.inviteExpiryMs / day));

  const call = <T>(options: CallOptions | undefined, run: () => Promise<T>): Promise<Result<T>> =>
    callProvider({ providerName: 'WorkOS', timeoutMs: context.timeoutMs, signal: options?.signal, clock: context.clock, readFailure: readWorkosFailure }, async () => {
      try {
        return await run();
      } catch (thrown) {
        if (isWorkosDuplicate(thrown)) throw conflict('WorkOS already has a pending invitation or a member for this address.');
        throw unfoldNetworkError(thrown);
      }
    });

  const invitationsFor = async (email: string) =>
    (await walkWorkosPages('invitations', async (after) => users.listInvitations({ email, organizationId: org, limit: pageSize, order: 'asc', ...(after ? { after } : {}) }), listCap))
      .map((row) => workosInvitationSchema.parse(row))
      .filter((invitation) => invitation.email.trim().toLowerCase() === email);

  const userFor = async (email: string): Promise<WorkosUserRecord | undefined> => {
    const page = await users.listUsers({ email, organizationId: org, limit: pageSize });
    return page.data.map((row) => workosUserSchema.parse(row)).find((user) => user.email.trim().toLowerCase() === email);
  };

  /** The user's memberships in the configured organisation; none without one (no disabled state to read). */
  const membershipsOf = async (userId: string): Promise<WorkosMembershipRecord[]> => {
    if (!org) return [];
    const page = await users.listOrganizationMemberships({ userId, organizationId: org, statuses: allStatuses, limit: pageSize });
    return page.data.map((row) => workosMembershipSchema.parse(row));
  };

  /** The live invitation behind `id`; a user's id is a conflict (already signed up), anything else `not_found`. */
  const liveInvitation = async (id: string, action: string): Promise<WorkosInvitationRecord> => {
    if (!workosId.test(id)) throw notFound();
    let invitation: WorkosInvitationRecord;
    try {
      invitation = workosInvitationSchema.parse(await users.getInvitation(id));
    } catch (thrown) {
      if (readWorkosFailure(thrown)?.status !== 404) throw thrown;
      await users.getUser(id);
      throw conflict(`This person has already signed up in WorkOS; there is no pending invitation to ${action}.`);
    }
    if (org && invitation.organizationId !== org) throw notFound();
    if (invitation.state === 'accepted') throw conflict(`This invitation was already accepted; there is nothing to ${action}.`);
    if (invitation.state === 'revoked') throw conflict('This invitation was revoked; invite the address again instead.');
    return invitation;
  };

  const sendInvitation = async (email: string) => workosInvitationSchema.parse(await users.sendInvitation({ email, organizationId: org, expiresInDays }));

  return {
    capabilities: () => capabilities,
    // Whether WorkOS's resend issues a new token is not documented: claim the safe "no" (older links may still work).
    describe: () => ({ identity: 'workos', identityName: 'WorkOS', resend: 'native', resendRotatesLink: false, providerSendsMail: true }),

    findUser: (email, options) =>
      call(options, async () => {
        const address = email.trim().toLowerCase();
        const [user, history] = await Promise.all([userFor(address), invitationsFor(address)]);
        if (user) return workosUserToInvitedUser(user, await membershipsOf(user.id), history, team);
        const current = currentWorkosInvitation(history);
        return current ? workosInvitationToInvitedUser(current, history, team) : null;
      }),

    resendInvite: (id, options) =>
      call(options, async () => {
        const invitation = await liveInvitation(id, 'resend');
        if (invitation.state === 'pending') {
          const resent = workosInvitationSchema.parse(await users.resendInvitation(invitation.id));
          return { sentAt: iso(resent.updatedAt), expiresAt: iso(resent.expiresAt) };
        }
        // WorkOS resends pending invitations only: an expired one gets a successor.
        const successor = await sendInvitation(invitation.email.trim().toLowerCase());
        return { sentAt: iso(successor.createdAt), expiresAt: iso(successor.expiresAt) };
      }),

    getInviteLink: (id, options) =>
      call(options, async () => {
        const invitation = await liveInvitation(id, 'copy');
        if (invitation.state === 'expired') throw conflict('This invitation has expired and its link no longer works; resend it for a fresh one.');
        return { url: invitation.acceptInvitationUrl, expiresAt: iso(invitation.expiresAt), singleUse: true };
      }),

    sendPasswordReset: async () => err({ kind: 'unsupported', message: 'The WorkOS adapter does not send password resets; the person can use “Forgot password?” on the AuthKit sign-in page.' }),

    cancelInvite: (id, options) =>
      call(options, async () => {
        const invitation = await liveInvitation(id, 'cancel');
        const revoked = workosInvitationSchema.parse(await users.revokeInvitation(invitation.id));
        return { cancelledAt: iso(revoked.revokedAt ?? revoked.updatedAt) };
      }),

    inviteUser: (email, options) =>
      call(options, async () => {
        const created = await sendInvitation(email.trim().toLowerCase());
        return workosInvitationToInvitedUser(created, [created], team);
      }),

    async listInvitations(filter, options) {
      if (filter.cursor && decodeInvitationCursor(filter.cursor) === null) return listMemoryInvitations([], filter);
      const rows = await call(options, async () => {
        const userRows = await walkWorkosPages('users', (after) => users.listUsers({ organizationId: org, limit: pageSize, order: 'asc', ...(after ? { after } : {}) }), listCap);
        const invitationRows = await walkWorkosPages('invitations', (after) => users.listInvitations({ organizationId: org, limit: pageSize, order: 'asc', ...(after ? { after } : {}) }), listCap);
        const membershipRows = org
          ? await walkWorkosPages('memberships', (after) => users.listOrganizationMemberships({ organizationId: org, statuses: allStatuses, limit: pageSize, order: 'asc', ...(after ? { after } : {}) }), listCap)
          : [];
        return buildRows(
          userRows.map((row) => workosUserSchema.parse(row)),
          invitationRows.map((row) => workosInvitationSchema.parse(row)),
          membershipRows.map((row) => workosMembershipSchema.parse(row)),
          team,
        );
      });
      return rows.ok ? listMemoryInvitations(rows.value, filter) : rows;
    },
  };
}

/** One row per person: each user, then each address with no user by its current invitation. */
function buildRows(userRows: readonly WorkosUserRecord[], invitations: readonly WorkosInvitationRecord[], memberships: readonly WorkosMembershipRecord[], team: string): InvitedUser[] {
  const history = new Map<string, WorkosInvitationRecord[]>();
  for (const invitation of invitations) {
    const email = invitation.email.trim().toLowerCase();
    history.set(email, [...(history.get(email) ?? []), invitation]);
  }
  const rows = userRows.map((user) =>
    workosUserToInvitedUser(
      user,
      memberships.filter((membership) => membership.userId === user.id),
      history.get(user.email.trim().toLowerCase()) ?? [],
      team,
    ),
  );
  const signedUp = new Set(rows.map((row) => row.email));
  for (const [email, list] of history) {
    const current = signedUp.has(email) ? undefined : currentWorkosInvitation(list);
    if (current) rows.push(workosInvitationToInvitedUser(current, list, team));
  }
  return rows;
}

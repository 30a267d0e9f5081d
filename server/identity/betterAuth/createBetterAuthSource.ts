import { sql, type Kysely } from 'kysely';
import type { Where } from 'better-auth';
import type { CallOptions, InvitationFilter, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { compareInvitationKeys, decodeInvitationCursor } from '../../../src/engine/invitationCursor.ts';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import { normalizeAddress } from '../../../src/diagnostics/normalizeAddress.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import type { BetterAuthConfig } from './betterAuthIdentity.ts';
import { betterAuthInviteLink } from './betterAuthInviteLink.ts';
import { betterAuthRecordToInvitedUser, isBanned, type AccountRow, type AddressRecord, type InvitationRow, type MemberRow, type UserRow } from './betterAuthRows.ts';
import { openBetterAuth, resetPasswordExpiresInSeconds } from './openBetterAuth.ts';
import { readBetterAuthFailure } from './readBetterAuthFailure.ts';

const providerName = 'better-auth';
const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'listInvitations']);
/** How long the sso plugin's provider ids are trusted before they are read again. */
const ssoProvidersTtlMs = 60_000;

export interface BetterAuthSourceOptions {
  /** The team app's database; closed by `close()`. */
  db: Kysely<never>;
  config: BetterAuthConfig;
  context: IdentityContext;
}

/**
 * The identity source over a team's better-auth database, through better-auth itself (opened
 * in-process on that database). The organization plugin's invitation endpoints all need a member's
 * session, so the source does their documented effect through better-auth's own adapter instead of
 * signing in as someone: a resend pushes `expiresAt` of the same invitation (what `resend: true`
 * does), a cancel sets `status: 'canceled'`, an invite creates a pending row. The password reset is
 * better-auth's own `requestPasswordReset`. Every mail goes out through `context.sendMail`.
 */
export function createBetterAuthSource({ db, config, context }: BetterAuthSourceOptions): IdentitySource {
  const auth = openBetterAuth(db, config, context);
  const scope = config.organizationId;
  const call = <T>(options: CallOptions | undefined, run: () => Promise<T>): Promise<Result<T>> =>
    callProvider({ providerName, timeoutMs: context.timeoutMs, signal: options?.signal, clock: context.clock, readFailure: readBetterAuthFailure }, run);
  const refuse = (kind: 'conflict' | 'not_found' | 'deactivated' | 'not_permitted' | 'unsupported', message: string) => new ProviderRefusal({ kind, message });
  const inScope = (organizationId: string) => scope === null || organizationId === scope;
  const scopeWhere = (): Where[] => (scope === null ? [] : [{ field: 'organizationId', value: scope }]);
  let ssoProviders: { ids: ReadonlySet<string>; readAt: number } | null = null;

  /** The sso plugin's provider ids (its `ssoProvider` table), when the team uses it; none otherwise. */
  async function readSsoProviders(): Promise<ReadonlySet<string>> {
    if (ssoProviders && context.clock() - ssoProviders.readAt < ssoProvidersTtlMs) return ssoProviders.ids;
    let ids: ReadonlySet<string>;
    try {
      const rows = await sql<{ providerId: string }>`select "providerId" from "ssoProvider"`.execute(db);
      ids = new Set(rows.rows.map((row) => row.providerId));
    } catch {
      ids = new Set();
    }
    ssoProviders = { ids, readAt: context.clock() };
    return ids;
  }

  async function record(email: string): Promise<AddressRecord> {
    const { adapter, internalAdapter } = await auth.$context;
    const found = await internalAdapter.findUserByEmail(email, { includeAccounts: true });
    const user = (found?.user as UserRow | undefined) ?? null;
    const [invitations, memberships, sessions] = await Promise.all([
      adapter.findMany<InvitationRow>({ model: 'invitation', where: [{ field: 'email', value: email }, ...scopeWhere()], sortBy: { field: 'createdAt', direction: 'desc' } }),
      user ? adapter.findMany<MemberRow>({ model: 'member', where: [{ field: 'userId', value: user.id }, ...scopeWhere()], sortBy: { field: 'createdAt', direction: 'asc' } }) : [],
      user ? adapter.findMany<{ createdAt: Date }>({ model: 'session', where: [{ field: 'userId', value: user.id }], sortBy: { field: 'createdAt', direction: 'desc' }, limit: 1 }) : [],
    ]);
    return { user, accounts: (found?.accounts ?? []) as AccountRow[], memberships, invitations, lastSessionAt: sessions[0]?.createdAt ?? null };
  }

  async function toUser(email: string): Promise<InvitedUser | null> {
    const sso = await readSsoProviders();
    return betterAuthRecordToInvitedUser(await record(email), {
      organizationId: scope,
      defaultTeam: context.defaultTeam,
      invitationExpiresInSeconds: config.invitationExpiresInSeconds,
      isSsoProvider: (providerId) => providerId === 'sso' || config.ssoProviderIds.includes(providerId) || sso.has(providerId),
      now: context.clock(),
    });
  }

  /** What an id names: a pending (or spent) invitation in scope, or a user in scope; refused as `not_found` otherwise. */
  async function resolve(id: string): Promise<{ kind: 'invitation'; invitation: InvitationRow } | { kind: 'user'; user: UserRow }> {
    const { adapter, internalAdapter } = await auth.$context;
    const invitation = await adapter.findOne<InvitationRow>({ model: 'invitation', where: [{ field: 'id', value: id }] });
    if (invitation && inScope(invitation.organizationId)) return { kind: 'invitation', invitation };
    const user = (await internalAdapter.findUserById(id)) as UserRow | null;
    if (user) {
      const member = scope === null ? true : await adapter.findOne({ model: 'member', where: [{ field: 'userId', value: id }, { field: 'organizationId', value: scope }] });
      if (member) return { kind: 'user', user };
    }
    throw refuse('not_found', `${providerName} has no invitation or user with this id${scope ? ' in the configured organisation' : ''}.`);
  }

  /** The pending invitation behind an id, refused as `conflict` for an accepted, cancelled or rejected one and for a user. */
  async function pendingInvitation(id: string, action: string): Promise<InvitationRow> {
    const target = await resolve(id);
    if (target.kind === 'user') throw refuse('conflict', `This person already has an account in ${providerName}; there is no pending invitation to ${action}.`);
    if (target.invitation.status !== 'pending') throw refuse('conflict', `This invitation was already ${target.invitation.status}; invite the address again instead.`);
    return target.invitation;
  }

  async function mailInvitation(invitation: InvitationRow, resend: boolean): Promise<void> {
    await context.sendMail({ to: invitation.email, purpose: 'invitation', link: betterAuthInviteLink(config, invitation.id), expiresAt: new Date(invitation.expiresAt), resend });
  }

  /** Who invitations we create name as inviter: the configured user, else the organisation's first owner. */
  async function inviterFor(organizationId: string): Promise<string> {
    if (config.inviterId) return config.inviterId;
    const { adapter } = await auth.$context;
    const members = await adapter.findMany<MemberRow>({ model: 'member', where: [{ field: 'organizationId', value: organizationId }], sortBy: { field: 'createdAt', direction: 'asc' } });
    const owner = members.find((member) => member.role.split(',').map((role) => role.trim()).includes('owner'));
    if (!owner) throw refuse('not_permitted', `The ${providerName} organisation has no owner to send invitations in the name of; set BETTER_AUTH_INVITER_ID.`);
    return owner.userId;
  }

  return {
    capabilities: () => capabilities,

    describe: () => ({ identity: 'better-auth', identityName: 'better-auth', resend: 'native', resendRotatesLink: false, providerSendsMail: false }),

    findUser: (email, options) => {
      const address = storedAddress(email);
      if (address === null) return Promise.resolve(ok(null));
      return call(options, () => toUser(address));
    },

    resendInvite: (userId, options) =>
      call(options, async () => {
        const invitation = await pendingInvitation(userId, 'resend');
        const { adapter } = await auth.$context;
        const now = context.clock();
        const expiresAt = new Date(now + config.invitationExpiresInSeconds * 1000);
        const updated = await adapter.update<InvitationRow>({ model: 'invitation', where: [{ field: 'id', value: invitation.id }, { field: 'status', value: 'pending' }], update: { expiresAt } });
        if (!updated) throw refuse('conflict', 'The invitation changed while it was being resent; look the person up again.');
        await mailInvitation({ ...invitation, expiresAt }, true);
        return { sentAt: new Date(now).toISOString(), expiresAt: expiresAt.toISOString() };
      }),

    getInviteLink: (userId, options) =>
      call(options, async () => {
        const invitation = await pendingInvitation(userId, 'copy a link of');
        if (new Date(invitation.expiresAt).getTime() <= context.clock()) throw refuse('conflict', 'This invitation has expired, so its link no longer opens; resend it first.');
        // Accepting sets the status to accepted, after which the id opens nothing: single use.
        return { url: betterAuthInviteLink(config, invitation.id), expiresAt: new Date(invitation.expiresAt).toISOString(), singleUse: true };
      }),

    sendPasswordReset: (userId, options) =>
      call(options, async () => {
        const target = await resolve(userId);
        if (target.kind === 'invitation') throw refuse('conflict', 'This person has not accepted the invitation yet, so there is no password to reset; resend the invitation instead.');
        if (isBanned(target.user, context.clock())) throw refuse('deactivated', `${providerName} has this user banned; lift the ban (admin plugin) first.`);
        const now = context.clock();
        await auth.api.requestPasswordReset({ body: { email: target.user.email, redirectTo: config.resetPasswordUrl } });
        return { sentAt: new Date(now).toISOString(), expiresAt: new Date(now + resetPasswordExpiresInSeconds * 1000).toISOString() };
      }),

    cancelInvite: (userId, options) =>
      call(options, async () => {
        const invitation = await pendingInvitation(userId, 'cancel');
        const { adapter } = await auth.$context;
        const updated = await adapter.update({ model: 'invitation', where: [{ field: 'id', value: invitation.id }, { field: 'status', value: 'pending' }], update: { status: 'canceled' } });
        if (!updated) throw refuse('conflict', 'The invitation changed while it was being cancelled; look the person up again.');
        return { cancelledAt: new Date(context.clock()).toISOString() };
      }),

    inviteUser: (email, options) => {
      const checked = normalizeAddress(email);
      if (!checked.ok) return Promise.resolve(err({ kind: 'conflict', message: checked.message }));
      const address = storedAddress(email) ?? checked.address;
      return call(options, async () => {
        const organizationId = options?.team && options.team !== context.defaultTeam ? options.team : scope;
        if (!organizationId) throw refuse('unsupported', 'Inviting needs an organisation: set BETTER_AUTH_ORGANIZATION_ID or choose a team.');
        if (!inScope(organizationId)) throw refuse('not_permitted', 'The server is limited to another organisation (BETTER_AUTH_ORGANIZATION_ID).');
        const { adapter } = await auth.$context;
        if (!(await adapter.findOne({ model: 'organization', where: [{ field: 'id', value: organizationId }] }))) throw refuse('not_found', `${providerName} has no such organisation.`);
        const existing = await record(address);
        const now = context.clock();
        if (existing.user && isBanned(existing.user, now)) throw refuse('deactivated', `${providerName} has this user banned; lift the ban first.`);
        if (existing.user && existing.memberships.some((member) => member.organizationId === organizationId)) throw refuse('conflict', 'This person is already a member of the organisation.');
        if (existing.invitations.some((invitation) => invitation.organizationId === organizationId && invitation.status === 'pending' && new Date(invitation.expiresAt).getTime() > now)) {
          throw refuse('conflict', 'This address already has a pending invitation; resend it instead.');
        }
        const created = await adapter.create<Omit<InvitationRow, 'id'>, InvitationRow>({
          model: 'invitation',
          data: { organizationId, email: address, role: 'member', status: 'pending', expiresAt: new Date(now + config.invitationExpiresInSeconds * 1000), createdAt: new Date(now), inviterId: await inviterFor(organizationId) },
        });
        await mailInvitation(created, false);
        const user = await toUser(address);
        if (!user) throw new Error('the invitation just created is not found');
        return user;
      });
    },

    listInvitations: (filter: InvitationFilter, options) =>
      call(options, async () => {
        const { adapter } = await auth.$context;
        const cap = config.listCap + 1;
        const invitations = await adapter.findMany<InvitationRow>({ model: 'invitation', where: [{ field: 'status', value: 'pending' }, ...scopeWhere()], limit: cap });
        const members = scope === null ? [] : await adapter.findMany<MemberRow>({ model: 'member', where: scopeWhere(), limit: cap });
        const users =
          scope === null
            ? await adapter.findMany<UserRow>({ model: 'user', limit: cap })
            : members.length === 0
              ? []
              : await adapter.findMany<UserRow>({ model: 'user', where: [{ field: 'id', value: members.map((member) => member.userId), operator: 'in' }], limit: cap });
        const emails = new Set([...invitations, ...users].map((row) => row.email.toLowerCase()));
        if (emails.size > config.listCap) throw refuse('unsupported', `${providerName} holds more than ${config.listCap} addresses in scope; listing reads them all, so it is refused. Narrow it with BETTER_AUTH_ORGANIZATION_ID.`);
        // Only addresses that can be on the page are resolved (each costs a few queries): the
        // domain filter and the cursor's address bound them; the exact filtering is listMemoryInvitations'.
        const domain = filter.domain?.trim() ? normalizeAddress(`x@${filter.domain.trim().replace(/^@/, '')}`) : null;
        const after = filter.cursor ? decodeInvitationCursor(filter.cursor) : null;
        const candidates = [...emails].filter((email) => {
          const address = normalizeAddress(email);
          if (!address.ok) return true;
          if (domain?.ok && address.address.slice(address.address.lastIndexOf('@')) !== domain.address.slice(1)) return false;
          return !after || compareInvitationKeys({ email: address.address, id: '' }, { email: after.email, id: '' }) >= 0;
        });
        const listed: InvitedUser[] = [];
        for (const email of candidates) {
          const user = await toUser(email);
          if (user) listed.push(user);
        }
        const page = listMemoryInvitations(listed, filter);
        if (!page.ok) throw new ProviderRefusal(page.error);
        return page.value;
      }),

    async close() {
      await db.destroy();
    },
  };
}

/**
 * An address as better-auth stores it (trimmed, lower case; it does not convert a Unicode domain
 * to punycode), or null when it is no address at all.
 */
function storedAddress(email: string): string | null {
  return normalizeAddress(email).ok ? email.trim().normalize('NFC').toLowerCase() : null;
}

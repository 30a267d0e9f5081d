import { createClient, type User } from '@supabase/supabase-js';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import type { BackendError } from '../../../src/engine/BackendError.ts';
import type { CallOptions, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import { mapProviderFailure } from '../../providers/mapProviderFailure.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import { createSupabaseFetch } from './createSupabaseFetch.ts';
import { readSupabaseFailure } from './readSupabaseFailure.ts';
import type { SupabaseConfig } from './supabaseIdentity.ts';
import { toSupabaseInvitedUser } from './toSupabaseInvitedUser.ts';

const providerName = 'Supabase';
/** What supabase-js resolves: `{ data, error }`, with `error: null` on success. */
type SdkAnswer = { data: unknown; error: unknown };
type Answered<R> = R extends { error: null; data: infer D } ? D : never;
/** The most users one scan reads; a larger project is refused rather than searched in part. */
export const supabaseScanCap = 50_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'listInvitations']);

/** Stands in for a WebSocket the source never opens (the SDK's type wants a WebSocket-like constructor). */
const RealtimeUnused = class {
  constructor() {
    throw new Error('The Supabase identity source does not use Realtime.');
  }
} as unknown as new (address: string | URL) => never;

/**
 * Supabase Auth as an identity source. Every mail (invitation, its resend, password reset) is sent
 * by Supabase itself; the Admin API has no search by address, so a lookup reads the user pages
 * (up to {@link supabaseScanCap} users). A send that Supabase could not complete answers
 * `not_sent`: the email rate limit as `provider_rate_limited`, its SMTP failure ("Error sending
 * invite email") as `connection_refused` (Supabase does not say more; its Auth logs do).
 */
export function createSupabaseSource(config: SupabaseConfig, context: IdentityContext): IdentitySource {
  const exchange = createSupabaseFetch();
  const client = createClient(config.url, config.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: exchange.fetch },
    // supabase-js builds a Realtime client eagerly and on Node 20 (no global WebSocket) that throws;
    // this source never opens a channel, so a transport that refuses to connect is enough.
    realtime: { transport: RealtimeUnused },
  });
  const pageSize = config.pageSize ?? 1000;
  const redirect = config.redirectUrl ? { redirectTo: config.redirectUrl } : {};
  const now = () => context.clock();
  const toUser = (user: User) => toSupabaseInvitedUser(user, { inviteExpiryMs: config.inviteExpiryMs, team: context.defaultTeam, now: now() });

  /** One SDK call: supabase-js answers `{ data, error }`; its error is thrown here so `callProvider` maps it. */
  function call<R extends SdkAnswer>(options: CallOptions | undefined, run: () => Promise<R>, sending = false): Promise<Result<Answered<R>>> {
    return callProvider({ providerName, timeoutMs: context.timeoutMs, signal: options?.signal, clock: now, readFailure: readSupabaseFailure }, () =>
      exchange.track(async (seen) => {
        const { data, error } = await run();
        if (!error) return data as Answered<R>;
        if (seen.networkFailed) throw new ProviderRefusal({ kind: 'unavailable', cause: 'network', message: `The server could not reach ${providerName}. Check its network and the project's status, then try again.` });
        const failure = readSupabaseFailure(error);
        if (failure) {
          if (failure.code === 'email_exists' || failure.code === 'user_already_exists') {
            throw new ProviderRefusal({ kind: 'conflict', message: `${providerName} already has a confirmed user with this address.` });
          }
          const refusal = sending ? sendRefusal(failure.status, failure.code, seen.retryAfter) : null;
          throw new ProviderRefusal(refusal ?? mapProviderFailure(providerName, { ...failure, retryAfter: seen.retryAfter ?? null }, now()));
        }
        throw error;
      }),
    );
  }

  async function scan(options?: CallOptions): Promise<Result<User[]>> {
    const users: User[] = [];
    for (let page = 1; ; page++) {
      const result = await call(options, () => client.auth.admin.listUsers({ page, perPage: pageSize }));
      if (!result.ok) return result;
      const batch = (result.value as { users?: User[] }).users;
      if (!Array.isArray(batch)) return err({ kind: 'unavailable', cause: 'malformed', message: `${providerName} answered the user list with something the server could not read.` });
      users.push(...batch);
      // supabase-js reads the Link header's page numbers by their first digit only, so the page size decides the end.
      if (batch.length < pageSize) return ok(users);
      if (users.length >= supabaseScanCap) {
        return err({ kind: 'unavailable', cause: 'server', message: `This Supabase project has more than ${supabaseScanCap} users, more than the server searches by reading every page.` });
      }
    }
  }

  async function findRecord(email: string, options?: CallOptions): Promise<Result<User | null>> {
    const wanted = email.trim().toLowerCase();
    const users = await scan(options);
    if (!users.ok) return users;
    return ok(users.value.find((user) => (user.email ?? '').toLowerCase() === wanted) ?? null);
  }

  async function getRecord(userId: string, options?: CallOptions): Promise<Result<User>> {
    // Supabase user ids are UUIDs; GoTrue answers anything else with 400 rather than 404.
    if (!uuidPattern.test(userId)) return err({ kind: 'not_found', message: `${providerName} has no user with this id.` });
    const result = await call(options, () => client.auth.admin.getUserById(userId));
    if (!result.ok) return result;
    return result.value.user ? ok(result.value.user) : err({ kind: 'not_found', message: `${providerName} has no user with this id.` });
  }

  /** The user when pending, otherwise the error an invitation action answers. */
  async function pendingRecord(userId: string, options?: CallOptions): Promise<Result<{ record: User; user: InvitedUser }>> {
    const record = await getRecord(userId, options);
    if (!record.ok) return record;
    const user = toUser(record.value);
    if (user.status === 'deactivated') return err({ kind: 'deactivated', message: `${providerName} has this user banned; lift the ban first.` });
    if (user.status !== 'invited') return err({ kind: 'conflict', message: `This person already accepted the invitation in ${providerName}; there is no invitation to act on.` });
    return ok({ record: record.value, user });
  }

  const expiresFrom = (at: number) => new Date(at + config.inviteExpiryMs).toISOString();

  return {
    capabilities: () => capabilities,
    describe: () => ({ identity: 'supabase', identityName: providerName, resend: 'native', resendRotatesLink: true, providerSendsMail: true }),

    async findUser(email, options) {
      const record = await findRecord(email, options);
      if (!record.ok) return record;
      return ok(record.value ? toUser(record.value) : null);
    },

    async resendInvite(userId, options) {
      const pending = await pendingRecord(userId, options);
      if (!pending.ok) return pending;
      // GoTrue's /invite sends the invitation again to an address that is not confirmed yet, with a new token.
      const sent = await call(options, () => client.auth.admin.inviteUserByEmail(pending.value.user.email, redirect), true);
      if (!sent.ok) return sent;
      const sentAt = sent.value.user?.confirmation_sent_at ? Date.parse(sent.value.user.confirmation_sent_at) : now();
      return ok({ sentAt: new Date(sentAt).toISOString(), expiresAt: expiresFrom(sentAt) });
    },

    async getInviteLink(userId, options) {
      const pending = await pendingRecord(userId, options);
      if (!pending.ok) return pending;
      // A generated link replaces the invitation's token: the link in the mail stops working.
      const link = await call(options, () => client.auth.admin.generateLink({ type: 'invite', email: pending.value.user.email, ...(config.redirectUrl ? { options: { redirectTo: config.redirectUrl } } : {}) }));
      if (!link.ok) return link;
      const url = link.value.properties?.action_link;
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return err({ kind: 'unavailable', cause: 'malformed', message: `${providerName} answered without an invite link.` });
      return ok({ url, expiresAt: expiresFrom(now()), singleUse: true });
    },

    async sendPasswordReset(userId, options) {
      const record = await getRecord(userId, options);
      if (!record.ok) return record;
      const user = toUser(record.value);
      if (user.status === 'deactivated') return err({ kind: 'deactivated', message: `${providerName} has this user banned; lift the ban first.` });
      if (user.status === 'invited') return err({ kind: 'conflict', message: 'This person has not accepted the invitation yet: resend the invitation instead of a password reset.' });
      if (user.sso) return err({ kind: 'conflict', message: `This person signs in through single sign-on; their password is kept by their organisation, not by ${providerName}.` });
      const sent = await call(options, () => client.auth.resetPasswordForEmail(user.email, redirect), true);
      if (!sent.ok) return sent;
      const at = now();
      return ok({ sentAt: new Date(at).toISOString(), expiresAt: expiresFrom(at) });
    },

    async cancelInvite(userId, options) {
      const pending = await pendingRecord(userId, options);
      if (!pending.ok) return pending;
      const deleted = await call(options, () => client.auth.admin.deleteUser(userId));
      if (!deleted.ok) return deleted;
      return ok({ cancelledAt: new Date(now()).toISOString() });
    },

    async inviteUser(email, options) {
      const existing = await findRecord(email, options);
      if (!existing.ok) return existing;
      // GoTrue would quietly send a pending invitee a new link; the contract wants a refusal.
      if (existing.value) return err({ kind: 'conflict', message: `${providerName} already has a user with this address.` });
      const invited = await call(options, () => client.auth.admin.inviteUserByEmail(email.trim().toLowerCase(), redirect), true);
      if (!invited.ok) return invited;
      if (!invited.value.user?.id) return err({ kind: 'unavailable', cause: 'malformed', message: `${providerName} answered the invitation without its user.` });
      return ok(toUser(invited.value.user));
    },

    async listInvitations(filter, options) {
      const users = await scan(options);
      if (!users.ok) return users;
      return listMemoryInvitations(users.value.filter((user) => user.email).map(toUser), filter);
    },
  };
}

/**
 * Send-time refusals: Supabase's email rate limit (`over_email_send_rate_limit`, the mail quota of
 * its built-in or custom SMTP) and a mail its SMTP server would not take (HTTP 500, "Error
 * sending … email"). Both mean nothing was sent; other failures map as usual.
 */
function sendRefusal(status: number | undefined, code: string | undefined, retryAfter: string | undefined): BackendError | null {
  if (code === 'over_email_send_rate_limit') {
    const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
    return {
      kind: 'not_sent',
      reason: 'provider_rate_limited',
      ...(seconds !== undefined ? { retryAfterMs: seconds } : {}),
      message: `${providerName} refused to send more mail for now (its email rate limit). Wait, or raise the limit under Authentication → Rate Limits with a custom SMTP server.`,
    };
  }
  if (status === 500 && (code === 'unexpected_failure' || code === undefined)) {
    return {
      kind: 'not_sent',
      reason: 'connection_refused',
      message: `${providerName} could not hand the mail to its SMTP server. Its Auth logs hold the server's reply; check the project's SMTP settings.`,
    };
  }
  return null;
}

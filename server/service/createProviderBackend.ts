import type { BackendError } from '../../src/engine/BackendError.ts';
import type { Capability, DeliveryEvent, InvitationEvidence, InvitationPage, InvitedUser, SendingStatus } from '../../src/engine/InvitationBackend.ts';
import { encodeInvitationCursor } from '../../src/engine/invitationCursor.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeliverySource } from '../delivery/DeliverySource.ts';
import { mergeDeliveryEvents } from '../delivery/mergeDeliveryEvents.ts';
import type { IdentitySource } from '../identity/IdentitySource.ts';
import { hitRateLimit } from './hitRateLimit.ts';
import { canSeeTeam, serverPrincipal, type Principal } from './Principal.ts';
import { clearSuppression as clearStoreSuppression } from './clearSuppression.ts';
import { mapWithConcurrency } from './mapWithConcurrency.ts';
import { readInvitationEvidence } from './readInvitationEvidence.ts';
import { deliveryEvents as storeDeliveryEvents } from './readUsers.ts';
import { readSendingStatus } from './readSendingStatus.ts';
import type { ActionCaller } from './runAction.ts';
import type { ServerBackend } from './ServerBackend.ts';
import type { ServiceContext } from './ServiceContext.ts';

const hourMs = 3_600_000;
/** Provider calls in flight at once for one evidence request: fast enough for 200 addresses, gentle on the provider's rate limits. */
export const providerEvidenceConcurrency = 4;

const managersMayNotAct: BackendError = {
  kind: 'not_permitted',
  message: 'With an identity provider, a team manager\u2019s key can look people up but not act on them; ask an admin to do it.',
};

/**
 * Users in an identity provider, evidence from our own store (mail we sent, bounces, webhooks),
 * the provider itself and, when configured, an email provider's API. The change an action makes
 * lives at the provider, so the audit row follows the provider's answer instead of sharing a
 * transaction with it; refusals are audited too. Limits stay ours and live in the database (every
 * server process shares them): the resend cooldown per user, the invitations per key per hour.
 * Team managers see only their team (the provider's organisation, or the configured default team)
 * and may not act: a provider call by id cannot prove the user is theirs without a lookup the
 * contract does not offer.
 */
export function createProviderBackend(context: ServiceContext, identity: IdentitySource, delivery: DeliverySource | null): ServerBackend {
  const identityCapabilities = identity.capabilities();
  const capabilities: Capability[] = [...identityCapabilities, 'deliveryLog', 'sendingStatus', 'invitationEvidence'];
  if (delivery?.clearSuppression || !identity.describe().providerSendsMail) capabilities.push('unsuppress');
  const deliveryEvidence = ['invite-doctor', ...(identity.deliveryEvents ? [identity.describe().identity] : []), ...(delivery ? [delivery.id] : [])];

  const audited = async <T>(caller: ActionCaller, operation: string, target: string, run: (now: Date) => Promise<Result<T>>): Promise<Result<T>> => {
    const now = new Date(context.clock());
    const result = caller.principal.role.kind === 'admin' ? await run(now) : err<BackendError>(managersMayNotAct);
    await recordAudit(context.db, { at: now, requestId: caller.requestId, principal: caller.principal, operation, target, result: result.ok ? 'ok' : result.error.kind }).catch((error: unknown) =>
      context.onError(error, `${operation} audit`),
    );
    return result;
  };
  const unsupported = (capability: Capability): BackendError => ({ kind: 'unsupported', message: `${identity.describe().identityName} does not offer ${capability}.` });
  const guarded = async <T>(capability: Capability, run: () => Promise<Result<T>>): Promise<Result<T>> => (identityCapabilities.has(capability as never) ? run() : err(unsupported(capability)));
  /** A limit every process shares (a fixed window in the database); `message` replaces the generic one. */
  const limit = async (bucket: string, count: number, ms: number, now: Date, message?: string): Promise<BackendError | null> => {
    try {
      const limited = await hitRateLimit(context.db, bucket, count, ms, now);
      return limited && message ? { ...limited, message } : limited;
    } catch (error) {
      context.onError(error, 'limit');
      return { kind: 'unavailable', cause: 'server', status: 503, message: 'The server could not reach its database; nothing was changed. Try again in a moment.' };
    }
  };
  const visible = (principal: Principal, user: InvitedUser | null) => (user && canSeeTeam(principal, user.team) ? user : null);

  return {
    capabilities: () => capabilities,
    describe: () => ({ ...identity.describe(), deliveryEvidence }),

    findUser: async (principal, email) => {
      const found = await identity.findUser(email);
      return found.ok ? ok(visible(principal, found.value)) : found;
    },

    resendInvite: (caller, userId) =>
      audited(caller, 'resendInvite', userId, (now) =>
        guarded('resend', async () => {
          const message = 'An invitation was sent recently; wait before resending.';
          const limited = await limit(`resend:${userId}`, 1, context.policy.resendCooldownMs, now, message);
          if (limited) return err(limited);
          const sent = await identity.resendInvite(userId);
          // A composed resend gives the invitation a new id: the cooldown follows it there.
          if (sent.ok && sent.value.userId && sent.value.userId !== userId) await limit(`resend:${sent.value.userId}`, 1, context.policy.resendCooldownMs, now, message);
          return sent;
        }),
      ),
    getInviteLink: (caller, userId) => audited(caller, 'getInviteLink', userId, () => guarded('copyLink', () => identity.getInviteLink(userId))),
    sendPasswordReset: (caller, userId) =>
      audited(caller, 'sendPasswordReset', userId, (now) =>
        guarded('passwordReset', async () => {
          const limited = await limit(`reset:${userId}`, 1, context.limits.passwordResetCooldownMs, now, 'A password reset was sent recently; wait before sending another.');
          return limited ? err(limited) : identity.sendPasswordReset(userId);
        }),
      ),
    cancelInvite: (caller, userId) => audited(caller, 'cancelInvite', userId, () => guarded('cancel', () => identity.cancelInvite(userId))),
    inviteUser: (caller, email, team) =>
      audited(caller, 'inviteUser', email, (now) =>
        guarded('reinvite', async () => {
          const perKey = caller.principal.keyId ? await limit(`invite:${caller.principal.keyId}`, context.limits.invitesPerKeyPerHour, hourMs, now) : null;
          if (perKey) return err(perKey);
          return identity.inviteUser(email, team ? { team } : {});
        }),
      ),

    listInvitations: async (principal, query): Promise<Result<InvitationPage>> => {
      if (!identity.listInvitations || !identityCapabilities.has('listInvitations')) return err(unsupported('listInvitations'));
      const page = await identity.listInvitations({
        limit: query.limit,
        ...(query.status ? { status: query.status } : {}),
        ...(query.domain ? { domain: query.domain } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(query.after ? { cursor: encodeInvitationCursor(query.after) } : {}),
      });
      if (!page.ok || principal.role.kind === 'admin') return page;
      // A manager's page keeps its cursor: rows of other teams are simply absent, so a page may be short.
      return ok({ invitations: page.value.invitations.filter((user) => canSeeTeam(principal, user.team)), nextCursor: page.value.nextCursor });
    },

    deliveryEvents: async (principal, email) => {
      if (principal.role.kind !== 'admin') {
        const owner = await identity.findUser(email);
        if (!owner.ok) return owner;
        if (!visible(principal, owner.value)) return ok([]);
      }
      const reads = await Promise.all([
        storeDeliveryEvents(context, serverPrincipal, email),
        identity.deliveryEvents ? identity.deliveryEvents(email) : Promise.resolve(ok<DeliveryEvent[]>([])),
        delivery ? delivery.deliveryEvents(email) : Promise.resolve(ok<DeliveryEvent[]>([])),
      ]);
      const failed = reads.find((read) => !read.ok);
      if (failed && !failed.ok) return failed;
      return ok(mergeDeliveryEvents(...reads.map((read) => (read.ok ? read.value : []))));
    },

    invitationEvidence: async (principal, emails): Promise<Result<InvitationEvidence[]>> => {
      let seen = emails;
      if (principal.role.kind !== 'admin') {
        const owners = await mapWithConcurrency(emails, providerEvidenceConcurrency, (email) => identity.findUser(email));
        if (!owners.ok) return owners;
        seen = emails.filter((_, index) => visible(principal, owners.value[index] ?? null));
      }
      // Ours in one query for all of them; the provider's (which only answers per address) a few at a time.
      const own = await readInvitationEvidence(context, serverPrincipal, seen);
      if (!own.ok) return own;
      const providers = [identity.deliveryEvents?.bind(identity), delivery?.deliveryEvents.bind(delivery)].filter((read) => read !== undefined);
      const theirs = await mapWithConcurrency(seen, providerEvidenceConcurrency, async (email) => {
        const reads = await Promise.all(providers.map((read) => read(email)));
        const failed = reads.find((read) => !read.ok);
        return failed && !failed.ok ? failed : ok(reads.flatMap((read) => (read.ok ? [read.value] : [])));
      });
      if (!theirs.ok) return theirs;
      const merged = new Map(own.value.map((entry, index) => [entry.email, mergeDeliveryEvents(entry.deliveryEvents, ...(theirs.value[index] ?? []))]));
      // Invite links point at the provider: the server sees none of them opened (see linkEvents).
      return ok(emails.map((email) => ({ email, deliveryEvents: merged.get(email) ?? [], linkEvents: [] })));
    },

    clearSuppression: (caller, email) =>
      audited(caller, 'clearSuppression', email, async () => {
        if (delivery?.clearSuppression) {
          const cleared = await delivery.clearSuppression(email);
          if (!cleared.ok) return cleared;
        }
        // Our own list too (mail we sent ourselves bounced); its own audit row names the store.
        return clearStoreSuppression(context, caller, email);
      }),

    sendingStatus: async (): Promise<Result<SendingStatus>> => {
      const description = identity.describe();
      if (description.providerSendsMail) return ok({ configured: true, provider: description.identityName, problem: null, sendsLogged: false });
      return readSendingStatus(context);
    },

    linkEvents: async () => err({ kind: 'unsupported', message: `Invite links point at ${identity.describe().identityName}, so the server does not see them opened.` }),
    close: async () => {
      await identity.close?.();
      await delivery?.close?.();
    },
  };
}

import type { BackendError } from '../../engine/BackendError.ts';
import type { Clock } from '../../engine/Clock.ts';
import type { CallOptions, InvitationBackend, InvitedUser } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import { createInviteToken } from './createInviteToken.ts';
import { addressKey } from './addressKey.ts';
import { deliveryAttempt } from './deliveryAttempt.ts';
import { eventsByAddress } from './eventsByAddress.ts';
import type { MemoryBackendState, MemoryUserRecord } from './MemoryBackendState.ts';
import { listMemoryInvitations } from './listMemoryInvitations.ts';
import { memoryInvitationEvidence } from './memoryInvitationEvidence.ts';
import { memoryLinkEvents } from './memoryLinkEvents.ts';
import { memorySendingStatus } from './memorySendingStatus.ts';
import { notSentAttempt } from './MemorySendingSetup.ts';
import { predictDeliveryOutcome } from './predictDeliveryOutcome.ts';
import { canActOnTeam, type Role } from './Role.ts';
import { runMemoryCall, type MemoryCallGuards } from './runMemoryCall.ts';

/** The shared machinery behind every role view of one memory backend. */
export interface MemoryOperationsContext extends MemoryCallGuards {
  state(): MemoryBackendState;
  clock: Clock;
  policy: Policy;
  changed(): void;
}

type MemoryOperations = InvitationBackend & Required<Pick<InvitationBackend, 'clearSuppression' | 'listInvitations' | 'linkEvents' | 'sendingStatus' | 'invitationEvidence'>>;

/** The contract's operations over shared state, acting as whatever `currentRole()` says at call time. */
export function createMemoryOperations(context: MemoryOperationsContext, currentRole: () => Role): MemoryOperations {
  const { clock, policy } = context;
  const iso = (ms: number) => new Date(ms).toISOString();
  const call = <T>(operation: Exclude<keyof InvitationBackend, 'capabilities' | 'describe'>, options: CallOptions | undefined, apply: (role: Role, state: MemoryBackendState) => Result<T>) => {
    const role = currentRole();
    return runMemoryCall(context, operation, options, () => apply(role, context.state()));
  };
  const send = (state: MemoryBackendState, email: string, at: string) => {
    state.events.push(...deliveryAttempt(email, at, predictDeliveryOutcome(email, state.mail, state.suppressed)));
  };
  /** With a sending failure set up, logs the `not_sent` attempt and returns its error; nothing else changes. */
  const refuseSend = (state: MemoryBackendState, email: string): BackendError | null => {
    const { sending } = state;
    const reason = !sending.configured ? 'mail_not_configured' : sending.failure;
    if (!reason) return null;
    const attempt = notSentAttempt(email, iso(clock()), reason, sending.from ?? policy.senderAddress);
    state.events.push(attempt.event);
    context.changed();
    return attempt.error;
  };
  const retireToken = (state: MemoryBackendState, record: MemoryUserRecord) => {
    if (record.token) state.spentTokens.set(record.token, { email: record.user.email, refusal: 'revoked' });
    record.token = null;
  };

  return {
    capabilities: () => context.capabilities,

    findUser: (email, options) =>
      call('findUser', options, (role, state) => {
        const record = findByEmail(state, email);
        if (!record) return ok(null);
        if (!canActOnTeam(role, record.user.team)) return err(outsideTeam(record.user.teamName ?? record.user.team));
        return ok({ ...record.user });
      }),

    resendInvite: (userId, options) =>
      call('resendInvite', options, (role, state) => {
        const found = pendingInvite(state, userId, role, 'resend the invitation');
        if (!found.ok) return found;
        const record = found.value;
        const now = clock();
        const left = record.user.lastSentAt ? Date.parse(record.user.lastSentAt) + policy.resendCooldownMs - now : 0;
        if (left > 0) return err({ kind: 'rate_limited', retryAfterMs: left, message: 'An invitation was sent recently; wait before resending.' });
        const refused = refuseSend(state, record.user.email);
        if (refused) return err(refused);
        retireToken(state, record);
        record.token = createInviteToken();
        const sent = { sentAt: iso(now), expiresAt: iso(now + policy.inviteExpiryMs) };
        Object.assign(record.user, { lastSentAt: sent.sentAt, expiresAt: sent.expiresAt });
        // A deliberate resend forces a fresh attempt past the provider's suppression list.
        state.suppressed.delete(record.user.email);
        send(state, record.user.email, sent.sentAt);
        context.changed();
        return ok(sent);
      }),

    getInviteLink: (userId, options) =>
      call('getInviteLink', options, (role, state) => {
        const found = pendingInvite(state, userId, role, 'copy an invite link');
        if (!found.ok) return found;
        const { token, user } = found.value;
        if (!token || !user.expiresAt) return err({ kind: 'not_found', message: 'This user has no invite link yet.' });
        return ok({ url: `${state.sending.linkOrigin}/invite/${token}`, expiresAt: user.expiresAt, singleUse: true });
      }),

    sendPasswordReset: (userId, options) =>
      call('sendPasswordReset', options, (role, state) => {
        const found = visibleUser(state, userId, role);
        if (!found.ok) return found;
        const { user } = found.value;
        if (user.status === 'deactivated') return err(deactivated);
        if (user.status === 'invited') return err({ kind: 'conflict', message: 'The invitation was never accepted; resend it instead.' });
        if (user.sso) return err({ kind: 'conflict', message: 'This user signs in with single sign-on and has no password.' });
        const refused = refuseSend(state, user.email);
        if (refused) return err(refused);
        const now = clock();
        send(state, user.email, iso(now));
        context.changed();
        return ok({ sentAt: iso(now), expiresAt: iso(now + policy.resetLinkExpiryMs) });
      }),

    cancelInvite: (userId, options) =>
      call('cancelInvite', options, (role, state) => {
        const found = pendingInvite(state, userId, role, 'cancel the invitation');
        if (!found.ok) return found;
        retireToken(state, found.value);
        state.users.delete(userId);
        context.changed();
        return ok({ cancelledAt: iso(clock()) });
      }),

    inviteUser: (email, options) =>
      call('inviteUser', options, (role, state) => {
        const address = addressKey(email);
        const team = options?.team ?? (role.kind === 'team-manager' ? role.team : state.defaultTeam);
        if (!canActOnTeam(role, team)) return err(outsideTeam(state.teamNames[team] ?? team));
        const existing = findByEmail(state, address);
        if (existing?.user.status === 'deactivated') return err(deactivated);
        if (existing) return err({ kind: 'conflict', message: `This address already has ${existing.user.status === 'active' ? 'an account' : 'a pending invitation'}.` });
        const refused = refuseSend(state, address);
        if (refused) return err(refused);
        const now = clock();
        const user: InvitedUser = {
          id: `usr_${createInviteToken().slice(0, 12)}`,
          email: address,
          status: 'invited',
          invitedAt: iso(now),
          lastSentAt: iso(now),
          expiresAt: iso(now + policy.inviteExpiryMs),
          acceptedAt: null,
          setupCompleted: false,
          lastSignInAt: null,
          sso: policy.ssoEnabled,
          team,
          ...(state.teamNames[team] ? { teamName: state.teamNames[team] } : {}),
        };
        state.users.set(user.id, { user, token: createInviteToken() });
        send(state, address, iso(now));
        context.changed();
        return ok({ ...user });
      }),

    deliveryEvents: (email, options) =>
      call('deliveryEvents', options, (role, state) => {
        const address = addressKey(email);
        const owner = findByEmail(state, address);
        if (owner && !canActOnTeam(role, owner.user.team)) return err(outsideTeam(owner.user.teamName ?? owner.user.team));
        return ok(eventsByAddress(state.events, address));
      }),

    clearSuppression: (email, options) =>
      call('clearSuppression', options, (role, state) => {
        const address = addressKey(email);
        const owner = findByEmail(state, address);
        if (owner && !canActOnTeam(role, owner.user.team)) return err(outsideTeam(owner.user.teamName ?? owner.user.team));
        state.suppressed.delete(address);
        context.changed();
        return ok({ clearedAt: iso(clock()) });
      }),

    listInvitations: (filter, options) =>
      call('listInvitations', options, (role, state) => {
        const visible = [...state.users.values()].map((record) => record.user).filter((user) => canActOnTeam(role, user.team));
        return listMemoryInvitations(visible, filter ?? {});
      }),

    sendingStatus: (options) => call('sendingStatus', options, (_role, state) => ok(memorySendingStatus(state.sending, policy))),

    linkEvents: (email, options) => call('linkEvents', options, (role, state) => memoryLinkEvents(state, email, role)),

    invitationEvidence: (emails, options) => call('invitationEvidence', options, (role, state) => memoryInvitationEvidence(state, emails, role)),
  };
}

const deactivated: BackendError = { kind: 'deactivated', message: 'This user is deactivated; reactivate them first.' };

function outsideTeam(team: string): BackendError {
  return { kind: 'not_permitted', message: `This user belongs to team "${team}", which you do not manage.` };
}

function findByEmail(state: MemoryBackendState, email: string): MemoryUserRecord | undefined {
  const address = addressKey(email);
  for (const record of state.users.values()) if (record.user.email === address) return record;
  return undefined;
}

function visibleUser(state: MemoryBackendState, userId: string, role: Role): Result<MemoryUserRecord> {
  const record = state.users.get(userId);
  if (!record) return err({ kind: 'not_found', message: 'No such user.' });
  if (!canActOnTeam(role, record.user.team)) return err(outsideTeam(record.user.teamName ?? record.user.team));
  return ok(record);
}

/** The user, when they are still only invited; active and deactivated users refuse invite actions. */
function pendingInvite(state: MemoryBackendState, userId: string, role: Role, action: string): Result<MemoryUserRecord> {
  const found = visibleUser(state, userId, role);
  if (!found.ok) return found;
  if (found.value.user.status === 'deactivated') return err(deactivated);
  if (found.value.user.status === 'active') {
    return err({ kind: 'conflict', message: `This user has already accepted their invitation; no need to ${action}.` });
  }
  return found;
}

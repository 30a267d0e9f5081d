import type { BackendError, Capability, InvitationBackend, InvitedUser, Result } from '../../src/engine/index.ts';
import { allCapabilities, err, ok } from '../../src/engine/index.ts';

/**
 * A tiny scripted backend for engine tests: one user, and an optional queue of errors to return
 * before succeeding. The real demo backend lives in src/adapters/memory.
 */
export function createFakeBackend(options: { user?: InvitedUser | null; failures?: BackendError[]; capabilities?: Capability[] } = {}) {
  const failures = [...(options.failures ?? [])];
  const calls: string[] = [];
  const next = <T>(name: string, value: T): Promise<Result<T>> => {
    calls.push(name);
    const failure = failures.shift();
    return Promise.resolve(failure ? err(failure) : ok(value));
  };
  const backend: InvitationBackend = {
    capabilities: () => new Set(options.capabilities ?? allCapabilities),
    findUser: () => next('findUser', options.user === undefined ? createUser() : options.user),
    resendInvite: () => next('resendInvite', { sentAt: '2026-11-22T10:00:00.000Z', expiresAt: '2026-11-29T10:00:00.000Z' }),
    getInviteLink: () => next('getInviteLink', { url: 'https://app.example.com/invite/SECRET-TOKEN-123', expiresAt: '2026-11-29T10:00:00.000Z', singleUse: true }),
    sendPasswordReset: () => next('sendPasswordReset', { sentAt: '2026-11-22T10:00:00.000Z', expiresAt: '2026-11-22T16:00:00.000Z' }),
    cancelInvite: () => next('cancelInvite', { cancelledAt: '2026-11-22T10:00:00.000Z' }),
    inviteUser: (email) => next('inviteUser', createUser({ email })),
    deliveryEvents: () => next('deliveryEvents', []),
  };
  return { backend, calls };
}

export function createUser(overrides: Partial<InvitedUser> = {}): InvitedUser {
  return {
    id: 'u1',
    email: 'ana@example.com',
    status: 'invited',
    invitedAt: '2026-11-22T08:00:00.000Z',
    lastSentAt: '2026-11-22T08:00:00.000Z',
    expiresAt: '2026-11-29T08:00:00.000Z',
    acceptedAt: null,
    setupCompleted: false,
    sso: false,
    team: 'a',
    ...overrides,
  };
}

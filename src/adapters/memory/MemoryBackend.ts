import type { BackendError } from '../../engine/BackendError.ts';
import type { CallOptions, Capability, InvitationBackend, InvitationEvidence, InvitationFilter, InvitationPage, InvitedUser, LinkEvent, SendingStatus } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import type { Result } from '../../engine/Result.ts';
import type { FaultTarget } from './FaultQueue.ts';
import type { MemorySendingSetup } from './MemorySendingSetup.ts';
import type { Role } from './Role.ts';

/**
 * The in-browser demo backend and the test double: a full {@link InvitationBackend} that
 * behaves like a real invitation system, plus controls for demos and tests.
 */
export interface MemoryBackend extends InvitationBackend {
  /** Always present; resolves `unsupported` when the `unsuppress` capability is switched off. */
  clearSuppression(email: string, options?: CallOptions): Promise<Result<{ clearedAt: string }>>;
  /** Always present; resolves `unsupported` when the `listInvitations` capability is switched off. */
  listInvitations(filter: InvitationFilter, options?: CallOptions): Promise<Result<InvitationPage>>;
  /** Always present; resolves `unsupported` when the `linkEvents` capability is switched off. */
  linkEvents(email: string, options?: CallOptions): Promise<Result<LinkEvent[]>>;
  /** Always present; resolves `unsupported` when the `invitationEvidence` capability is switched off. */
  invitationEvidence(emails: readonly string[], options?: CallOptions): Promise<Result<InvitationEvidence[]>>;
  /** Acts as `role` from the next call on. */
  setRole(role: Role): void;
  /** The role calls currently run as. */
  role(): Role;
  /** A view that always acts as `role` and shares this backend's state (one per request in a server). */
  withRole(role: Role): InvitationBackend;
  /** Always present; resolves `unsupported` when the `sendingStatus` capability is switched off. */
  sendingStatus(options?: CallOptions): Promise<Result<SendingStatus>>;
  /** Changes how outgoing mail is set up from the next call on (a failure makes every send fail); `reset` restores the seed's. */
  setSending(setup: Partial<MemorySendingSetup>): void;
  /** Rebuilds the seed relative to the clock's current time and clears injected faults. */
  reset(): void;
  /** The invitee opens their link: the token is spent and the user becomes active. */
  acceptInvite(token: string): Result<InvitedUser, InviteTokenError>;
  /** The next `times` calls of `operation` (or of any operation, for `*`) fail with `error`. @default times 1 */
  injectFault(operation: FaultTarget, error: BackendError, times?: number): void;
  clearFaults(): void;
  /** Called after every change of state or role; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Why an invite link did not work: already accepted, replaced/withdrawn/past expiry, or never issued. */
export type InviteTokenError = { kind: 'used' } | { kind: 'expired' } | { kind: 'invalid' };

export interface MemoryBackendOptions {
  /** Overrides of the product policy (cooldown, expiries, SSO). @default defaultPolicy */
  policy?: Partial<Policy>;
  /** The role calls run as until `setRole`. @default { kind: 'admin' } */
  role?: Role;
  /** Simulated network latency per call, in ms. @default 0 */
  latencyMs?: number;
  /** The operations offered; the others resolve `unsupported`. @default all of them */
  capabilities?: readonly Capability[];
}

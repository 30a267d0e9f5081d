import type { BackendError } from '../../engine/BackendError.ts';
import type { Capability, CallOptions, InvitationBackend } from '../../engine/InvitationBackend.ts';
import { err, type Result } from '../../engine/Result.ts';
import type { FaultQueue } from './FaultQueue.ts';
import { waitUnlessAborted } from '../waitUnlessAborted.ts';

/** What every memory call checks before it touches state. */
export interface MemoryCallGuards {
  capabilities: ReadonlySet<Capability>;
  faults: FaultQueue;
  latencyMs: number;
}

const capabilityOf: Record<Exclude<keyof InvitationBackend, 'capabilities' | 'describe'>, Capability> = {
  findUser: 'lookup',
  resendInvite: 'resend',
  getInviteLink: 'copyLink',
  sendPasswordReset: 'passwordReset',
  cancelInvite: 'cancel',
  inviteUser: 'reinvite',
  deliveryEvents: 'deliveryLog',
  clearSuppression: 'unsuppress',
  listInvitations: 'listInvitations',
  sendingStatus: 'sendingStatus',
  linkEvents: 'linkEvents',
  invitationEvidence: 'invitationEvidence',
};

const aborted: BackendError = { kind: 'unavailable', cause: 'aborted', message: 'The call was cancelled.' };

/**
 * Runs one operation like a remote call: abort, latency, capability and injected faults first,
 * then `apply` against the state. An abort during the latency leaves the state untouched.
 */
export async function runMemoryCall<T>(
  guards: MemoryCallGuards,
  operation: Exclude<keyof InvitationBackend, 'capabilities' | 'describe'>,
  options: CallOptions | undefined,
  apply: () => Result<T>,
): Promise<Result<T>> {
  const signal = options?.signal;
  if (signal?.aborted) return err(aborted);
  if (guards.latencyMs > 0 && !(await waitUnlessAborted(guards.latencyMs, signal))) return err(aborted);
  if (!guards.capabilities.has(capabilityOf[operation])) {
    return err({ kind: 'unsupported', message: `This backend does not offer ${capabilityOf[operation]}.` });
  }
  const fault = guards.faults.take(operation);
  if (fault) return err(fault);
  return apply();
}

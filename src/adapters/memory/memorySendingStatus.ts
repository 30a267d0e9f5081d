import type { SendingStatus } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import type { MemorySendingSetup } from './MemorySendingSetup.ts';

/** What the memory backend's `sendingStatus` reports for its current setup. */
export function memorySendingStatus(setup: MemorySendingSetup, policy: Policy): SendingStatus {
  const configured = setup.configured && setup.failure !== 'mail_not_configured';
  return {
    configured,
    ...(configured ? { provider: setup.provider } : {}),
    from: setup.from ?? policy.senderAddress,
    linkOrigin: setup.linkOrigin,
    problem: configured ? setup.failure : 'mail_not_configured',
  };
}

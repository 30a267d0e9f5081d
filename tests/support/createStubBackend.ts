import type { Capability, InvitationBackend } from '../../src/engine/index.ts';

/**
 * A backend that only reports capabilities; any call fails the test. For tests that script
 * every call themselves (path replay) or never reach one.
 */
export function createStubBackend(capabilities: readonly Capability[]): InvitationBackend {
  const refuse = async (): Promise<never> => {
    throw new Error('the stub backend was called; script the call instead');
  };
  return {
    capabilities: () => new Set(capabilities),
    findUser: refuse,
    resendInvite: refuse,
    getInviteLink: refuse,
    sendPasswordReset: refuse,
    cancelInvite: refuse,
    inviteUser: refuse,
    deliveryEvents: refuse,
  };
}

import { createPolicy } from '../../src/engine/Policy.ts';
import type { IdentityContext } from '../../server/identity/IdentitySource.ts';

/**
 * The server's side of an identity source under test, for providers that send their own mail:
 * asking the server to send one is a bug, so `sendMail` fails the call loudly.
 */
export function selfMailingProviderContext(providerName: string, overrides: Partial<IdentityContext> = {}): IdentityContext {
  return {
    clock: Date.now,
    policy: createPolicy(),
    defaultTeam: 'team-default',
    timeoutMs: 5_000,
    sendMail: () => Promise.reject(new Error(`${providerName} sends its own mail; the adapter must not ask the server to.`)),
    ...overrides,
  };
}

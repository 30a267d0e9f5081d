import { systemClock, type Clock } from '../../engine/Clock.ts';
import { allCapabilities } from '../../engine/InvitationBackend.ts';
import { createPolicy } from '../../engine/Policy.ts';
import { acceptInviteToken } from './acceptInviteToken.ts';
import { createFaultQueue } from './FaultQueue.ts';
import { createMemoryBackendState } from './MemoryBackendState.ts';
import { createMemoryOperations } from './createMemoryOperations.ts';
import { demoSeed } from './demoSeed.ts';
import type { MemoryBackend, MemoryBackendOptions } from './MemoryBackend.ts';
import type { MemorySeedFactory } from './MemorySeed.ts';
import type { Role } from './Role.ts';

/**
 * An invitation backend that lives in memory and behaves like a real one: cooldowns, single-use
 * links, team permissions and a delivery log whose outcomes follow from the address.
 *
 * @param seed - builds the starting data relative to the clock's now. @default demoSeed
 * @param clock - the source of now; tests pass a controllable one. @default systemClock
 */
export function createMemoryBackend(
  seed: MemorySeedFactory = demoSeed,
  clock: Clock = systemClock,
  options: MemoryBackendOptions = {},
): MemoryBackend {
  const policy = createPolicy(options.policy);
  const build = () => createMemoryBackendState(seed(clock(), policy));
  let state = build();
  let role: Role = options.role ?? { kind: 'admin' };
  const faults = createFaultQueue();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const context = {
    state: () => state,
    clock,
    policy,
    capabilities: new Set(options.capabilities ?? allCapabilities),
    faults,
    latencyMs: options.latencyMs ?? 0,
    changed,
  };

  return {
    ...createMemoryOperations(context, () => role),
    setRole(next) {
      role = next;
      changed();
    },
    role: () => role,
    setSending(setup) {
      state.sending = { ...state.sending, ...setup };
      changed();
    },
    withRole: (fixed) => createMemoryOperations(context, () => fixed),
    reset() {
      state = build();
      faults.clear();
      changed();
    },
    acceptInvite(token) {
      const result = acceptInviteToken(state, token, clock());
      if (result.ok) changed();
      return result;
    },
    injectFault: (operation, error, times = 1) => faults.inject(operation, error, times),
    clearFaults: () => faults.clear(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

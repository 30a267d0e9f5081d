import { allCapabilities, resolveFlow, type ResolvedFlow } from '../../src/engine/index.ts';
import { createFlow, createTestRegistry } from './createFlow.ts';

/**
 * A small resolved flow with a branch: a lookup, a check that ends early for an active user, two
 * questions (one reached directly or through an info step) and two endings.
 */
export function branchingFlow(): ResolvedFlow {
  const result = resolveFlow(
    createFlow({
      lookup: { kind: 'action', action: 'findUser', next: 'route', errors: { other: 'giveUp' } },
      route: { kind: 'check', branches: [{ when: 'isUserActive', next: 'short' }], otherwise: 'q1' },
      short: { kind: 'outcome', result: 'resolved' },
      q1: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'q2' }, { id: 'b', label: 't.b', next: 'q3' }] },
      q2: { kind: 'info', next: 'q3' },
      q3: { kind: 'question', options: [{ id: 'c', label: 't.c', next: 'done' }] },
      done: { kind: 'outcome', result: 'resolved' },
      giveUp: { kind: 'outcome', result: 'escalated' },
    }),
    new Set(allCapabilities),
    createTestRegistry(),
  );
  if (!result.ok) throw new Error('does not resolve');
  return result.flow;
}

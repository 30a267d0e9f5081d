import { describe, expect, it } from 'vitest';
import { resolveFlow } from '../../../src/engine/index.ts';
import { estimateProgress } from '../../../src/ui/estimateProgress.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { allCapabilities } from '../../../src/engine/index.ts';

const flow = (() => {
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
})();

describe('estimateProgress', () => {
  it('counts screens, not checks or calls, the fewest still to come for the label and the most for the bar', () => {
    // From lookup the shortest way is one screen (short), the longest four (q1, q2, q3, done).
    expect(estimateProgress(flow, 'lookup', [])).toEqual({ step: 1, atLeastRemaining: 1, atMostRemaining: 4, fraction: 1 / 5 });
    expect(estimateProgress(flow, 'q1', ['q1'])).toEqual({ step: 1, atLeastRemaining: 2, atMostRemaining: 3, fraction: 1 / 4 });
    expect(estimateProgress(flow, 'q2', ['q1', 'q2'])).toEqual({ step: 2, atLeastRemaining: 2, atMostRemaining: 2, fraction: 2 / 4 });
  });

  it('never shows less than before while the person moves on', () => {
    // q1 → q3 skips q2: the way left is shorter, and the bar only grows.
    const first = estimateProgress(flow, 'q1', ['q1']).fraction;
    expect(estimateProgress(flow, 'q3', ['q1', 'q3']).fraction).toBeGreaterThan(first);
  });

  it('is complete at an outcome, and only there', () => {
    expect(estimateProgress(flow, 'done', ['q1', 'q3', 'done'])).toEqual({ step: 3, atLeastRemaining: 0, atMostRemaining: 0, fraction: 1 });
    expect(estimateProgress(flow, 'q3', ['q1', 'q2', 'q3']).fraction).toBeLessThan(1);
  });
});

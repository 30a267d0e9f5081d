import { describe, expect, it } from 'vitest';
import { estimateProgress } from '../../../src/ui/estimateProgress.ts';
import { branchingFlow } from '../../support/branchingFlow.ts';

const flow = branchingFlow();

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

import { describe, expect, it } from 'vitest';
import { resolveFlow } from '../../../src/engine/index.ts';
import { estimateProgress } from '../../../src/ui/estimateProgress.ts';
import { layoutFlowMap } from '../../../src/ui/layoutFlowMap.ts';
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
  it('counts screens, not checks or calls, and takes the shortest way still open', () => {
    expect(estimateProgress(flow, 'lookup', [])).toEqual({ step: 1, atLeastRemaining: 1, fraction: 0.5 });
    expect(estimateProgress(flow, 'q1', ['q1'])).toEqual({ step: 1, atLeastRemaining: 2, fraction: 1 / 3 });
    expect(estimateProgress(flow, 'q2', ['q1', 'q2'])).toMatchObject({ step: 2, atLeastRemaining: 2 });
  });

  it('is complete at an outcome', () => {
    expect(estimateProgress(flow, 'done', ['q1', 'q3', 'done'])).toEqual({ step: 3, atLeastRemaining: 0, fraction: 1 });
  });
});

describe('layoutFlowMap', () => {
  it('puts each step in the layer of its BFS distance from the start, without overlaps', () => {
    const layout = layoutFlowMap(flow);
    const layer = Object.fromEntries(layout.nodes.map((node) => [node.id, node.layer]));
    expect(layer).toMatchObject({ lookup: 0, route: 1, giveUp: 1, short: 2, q1: 2, q2: 3, q3: 3, done: 4 });
    const positions = layout.nodes.map((node) => `${node.x},${node.y}`);
    expect(new Set(positions).size).toBe(positions.length);
    expect(layout.edges).toContainEqual({ from: 'q2', to: 'q3', back: true });
  });
});

import { describe, expect, it } from 'vitest';
import { layoutFlowMap } from '../../../src/ui/layoutFlowMap.ts';
import { mirrorLayout } from '../../../src/ui/flowMap/mirrorLayout.ts';
import { moveOnMap } from '../../../src/ui/flowMap/moveOnMap.ts';
import { pathTaken, visitsOf } from '../../../src/ui/flowMap/pathTaken.ts';
import { branchingFlow } from '../../support/branchingFlow.ts';

const flow = branchingFlow();
const layout = layoutFlowMap(flow, (id) => id);

describe('moveOnMap', () => {
  it('goes down to a next step, preferring the path taken, and up to a step before', () => {
    expect(moveOnMap(layout, 'lookup', 'down', {})).toMatch(/^(route|giveUp)$/);
    expect(moveOnMap(layout, 'route', 'down', { prefer: new Set(['q1']) })).toBe('q1');
    expect(moveOnMap(layout, 'route', 'down', { prefer: new Set(['short']) })).toBe('short');
    expect(moveOnMap(layout, 'q1', 'up')).toBe('route');
    expect(moveOnMap(layout, 'lookup', 'up')).toBe('lookup');
  });

  it('goes left and right along a row as seen on screen, mirrored right to left', () => {
    const row = layout.nodes.filter((node) => node.rank === layout.nodes.find((n) => n.id === 'q1')?.rank).sort((a, b) => a.x - b.x);
    expect(row.length).toBeGreaterThan(1);
    const [left, right] = row as [(typeof row)[0], (typeof row)[0]];
    expect(moveOnMap(layout, left.id, 'right')).toBe(right.id);
    expect(moveOnMap(layout, right.id, 'left')).toBe(left.id);
    expect(moveOnMap(layout, left.id, 'left')).toBe(left.id);
    const mirrored = mirrorLayout(layout);
    expect(moveOnMap(mirrored, left.id, 'left')).toBe(right.id);
    expect(moveOnMap(mirrored, right.id, 'right')).toBe(left.id);
  });
});

describe('pathTaken', () => {
  it('joins the steps a person saw through the automatic checks between them', () => {
    const path = pathTaken(flow, ['lookup', 'q1', 'q3'], 'q3');
    expect([...path.steps].sort()).toEqual(['lookup', 'q1', 'q3', 'route']);
    expect([...path.edges].sort()).toEqual(['lookup>route', 'q1>q3', 'route>q1']);
  });

  it('reads the visits from the transcript since the last restart, cut where Back returned to', () => {
    const visits = visitsOf([
      { type: 'step', at: 0, stepId: 'x' },
      { type: 'restart', at: 1 },
      { type: 'call', at: 2, stepId: 'lookup', action: 'findUser' },
      { type: 'result', at: 3, stepId: 'lookup', action: 'findUser', summary: {} },
      { type: 'step', at: 4, stepId: 'q1' },
      { type: 'answer', at: 5, stepId: 'q1', optionId: 'a' },
      { type: 'step', at: 6, stepId: 'q2' },
      { type: 'back', at: 7, from: 'q2', to: 'q1' },
      { type: 'step', at: 8, stepId: 'q1' },
      { type: 'step', at: 9, stepId: 'q3' },
    ]);
    expect(visits).toEqual(['lookup', 'q1', 'q3']);
  });
});

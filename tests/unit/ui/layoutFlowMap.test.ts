import { describe, expect, it } from 'vitest';
import { allCapabilities, resolveFlow, type ResolvedFlow } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { layoutFlowMap, type MapNode } from '../../../src/ui/layoutFlowMap.ts';
import { estimateTextWidth, wrapLabel } from '../../../src/ui/flowMap/wrapLabel.ts';
import english from '../../../locales/en/flows.json';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { shippedFlow } from './shippedFlow.ts';

function resolved(flow: Parameters<typeof resolveFlow>[0], registry = createTestRegistry()): ResolvedFlow {
  const result = resolveFlow(flow, new Set(allCapabilities), registry);
  if (!result.ok) throw new Error('does not resolve');
  return result.flow;
}

const englishTitle = (flow: ResolvedFlow) => (id: string) => {
  const key = flow.steps[id]?.title;
  if (!key) return 'Automatic check';
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], english) as string;
};

const overlap = (a: MapNode, b: MapNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const loop = () =>
  resolved(
    createFlow({
      lookup: { kind: 'action', action: 'findUser', next: 'route', errors: { other: 'giveUp' } },
      route: { kind: 'check', branches: [{ when: 'isUserActive', next: 'short' }], otherwise: 'q1' },
      short: { kind: 'outcome', result: 'resolved' },
      q1: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'q2' }, { id: 'b', label: 't.b', next: 'q3' }] },
      q2: { kind: 'info', next: 'q3' },
      q3: { kind: 'question', options: [{ id: 'c', label: 't.c', next: 'done' }, { id: 'again', label: 't.again', next: 'q1' }] },
      done: { kind: 'outcome', result: 'resolved' },
      giveUp: { kind: 'outcome', result: 'escalated' },
    }),
  );

describe('layoutFlowMap', () => {
  it('places every step of the shipped flow once, with no two boxes overlapping and a route for every edge', () => {
    const flow = resolved(shippedFlow(), createInvitationRegistry());
    const layout = layoutFlowMap(flow, englishTitle(flow));
    const steps = layout.nodes.filter((node) => !node.ref);
    expect(steps.map((node) => node.id).sort()).toEqual(Object.keys(flow.steps).sort());
    // An ending many steps lead to (escalate) is drawn again beside them rather than pulling every edge across.
    const copies = layout.nodes.filter((node) => node.ref === 'escalate');
    expect(copies.length).toBeGreaterThan(3);
    for (const copy of copies) expect(layout.edges.filter((edge) => edge.to === copy.id)).toHaveLength(1);
    const overlapping = layout.nodes.flatMap((a, index) => layout.nodes.slice(index + 1).flatMap((b) => (overlap(a, b) ? [`${a.id} and ${b.id}`] : [])));
    expect(overlapping).toEqual([]);
    for (const a of layout.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.length).toBeGreaterThan(layout.nodes.length);
    const rank = new Map(layout.nodes.map((node) => [node.id, node.rank]));
    for (const edge of layout.edges) {
      expect(edge.points.length, `${edge.from}>${edge.to}`).toBeGreaterThanOrEqual(2);
      // Every edge points down the page, none climbs back across it.
      expect(rank.get(edge.to), `${edge.from}>${edge.to}`).toBeGreaterThan(rank.get(edge.from) as number);
    }
    const longest = Math.max(...layout.edges.map((edge) => (rank.get(edge.to) as number) - (rank.get(edge.from) as number)));
    expect(longest).toBeLessThanOrEqual(4);
    // The address question sits at the top, under the start, where a person meets it.
    expect(rank.get('askEmail')).toBe(1);
    // Titles wrap instead of being cut: none of the shipped English titles needs an ellipsis.
    const cut = layout.nodes.filter((node) => node.lines.some((line) => line.endsWith('…')));
    expect(cut.map((node) => node.id)).toEqual([]);
    expect(Math.max(...layout.nodes.map((node) => node.lines.length))).toBeLessThanOrEqual(3);
  });

  it('reads top to bottom from the start, a loop ending at a copy of the step it returns to, and is the same every time', () => {
    const flow = loop();
    const layout = layoutFlowMap(flow, (id) => `Step ${id}`);
    const rank = Object.fromEntries(layout.nodes.map((node) => [node.id, node.rank]));
    expect(rank.lookup).toBe(0);
    for (const edge of layout.edges) expect(rank[edge.to], `${edge.from}>${edge.to}`).toBeGreaterThan(rank[edge.from] as number);
    const copies = layout.nodes.filter((node) => node.ref);
    expect(copies.map((node) => [node.ref, layout.edges.find((edge) => edge.to === node.id)?.from])).toEqual([['q1', 'q3']]);
    expect(copies[0]?.lines).toEqual(['Step q1']);
    // Each edge starts at its step's box and ends at its target's.
    const byId = new Map(layout.nodes.map((node) => [node.id, node]));
    for (const edge of layout.edges) {
      const [first, last] = [edge.points[0], edge.points.at(-1)];
      const from = byId.get(edge.from) as MapNode;
      const to = byId.get(edge.to) as MapNode;
      expect(Math.abs((first?.y ?? 0) - (from.y + from.height))).toBeLessThan(1);
      expect(Math.abs((last?.y ?? 0) - to.y)).toBeLessThan(1);
    }
    expect(layoutFlowMap(loop(), (id) => `Step ${id}`)).toEqual(layout);
  });

  it('sizes a box to its title: a long title wraps onto more lines of a wider box, never cut', () => {
    const flow = loop();
    const long = 'Ask them to search every folder, including archive and the rules that move mail';
    const layout = layoutFlowMap(flow, (id) => (id === 'q2' ? long : 'Short'));
    const q2 = layout.nodes.find((node) => node.id === 'q2') as MapNode;
    const short = layout.nodes.find((node) => node.id === 'q1') as MapNode;
    expect(q2.lines.length).toBeGreaterThan(1);
    expect(q2.lines.join(' ')).toBe(long);
    expect(q2.width).toBeGreaterThan(short.width);
    expect(q2.height).toBeGreaterThan(short.height);
  });
});

describe('wrapLabel', () => {
  it('counts a CJK character about twice a Latin one', () => {
    expect(estimateTextWidth('招待メール')).toBeGreaterThan(1.6 * estimateTextWidth('abcde'));
  });

  it('breaks Japanese, which has no spaces, between characters, each line within the width', () => {
    const title = '招待メールが届いていない人のメールアドレスを確認してください';
    const wrapped = wrapLabel(title, 150);
    expect(wrapped.lines.length).toBeGreaterThan(1);
    expect(wrapped.lines.join('')).toBe(title);
    for (const line of wrapped.lines) expect(estimateTextWidth(line)).toBeLessThanOrEqual(150);
    expect(wrapped.truncated).toBe(false);
  });

  it('ends with an ellipsis only when three lines cannot hold the text', () => {
    const wrapped = wrapLabel('word '.repeat(60).trim(), 150);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines).toHaveLength(3);
    expect(wrapped.lines[2]?.endsWith('…')).toBe(true);
  });
});

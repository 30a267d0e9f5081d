import dagre from '@dagrejs/dagre';
import { flowEdges, stepOfNode, type ResolvedFlow, type StepKind } from '../engine/index.ts';
import { labelLineHeight, wrapLabel } from './flowMap/wrapLabel.ts';

export interface MapPoint {
  x: number;
  y: number;
}

export interface MapNode {
  id: string;
  kind: StepKind;
  /** Top-left corner, in px of the drawing. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The layer, 0 at the top. Nodes of one rank share a row. */
  rank: number;
  /** The title as drawn, wrapped (at most three lines). */
  lines: string[];
}

export interface MapEdge {
  from: string;
  to: string;
  /** Goes up to an earlier or the same layer (a loop back). */
  back: boolean;
  /** The route dagre chose, from the edge of `from` to the edge of `to`. */
  points: MapPoint[];
}

export interface FlowMapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
}

/** Inside a node: room around the text. */
export const nodePadding = { inline: 10, block: 8 };
/** Widths a title may wrap at, tried in turn until it fits on three lines. */
const wrapWidths = [150, 200, 260];
const minNodeWidth = 96;

/**
 * A layered, top-to-bottom drawing of a flow by dagre: one node per step, sized to its title
 * (`labelOf`, already translated) wrapped on up to three lines, and dagre's route for every edge.
 * Error screens (`step/failed`) are folded into their step. Pure and deterministic: the same flow
 * and labels give the same drawing, in Node as in the browser.
 */
export function layoutFlowMap(flow: ResolvedFlow, labelOf: (stepId: string) => string): FlowMapLayout {
  const ids = stepsInFlowOrder(flow);
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number; x?: number; y?: number }, { points?: MapPoint[]; weight?: number }>();
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 52, edgesep: 10, marginx: 16, marginy: 32 });
  graph.setDefaultEdgeLabel(() => ({}));

  const wrapped = new Map<string, string[]>();
  const place = (id: string, label: string) => {
    const fitted = wrapWidths.map((width) => wrapLabel(label, width)).find((candidate) => !candidate.truncated) ?? wrapLabel(label, wrapWidths.at(-1) as number);
    wrapped.set(id, fitted.lines);
    graph.setNode(id, {
      width: Math.max(minNodeWidth, fitted.width + nodePadding.inline * 2),
      height: Math.max(1, fitted.lines.length) * labelLineHeight + nodePadding.block * 2,
    });
  };
  for (const id of ids) place(id, labelOf(id));

  const loops = loopEdges(flow, ids);
  // In flow order: dagre's first ordering of each row follows the order edges were added.
  const position = new Map(ids.map((id, index) => [id, index]));
  const sorted = uniqueEdges(flow).sort((a, b) => (position.get(a.from) ?? 0) - (position.get(b.from) ?? 0));
  const drawn = sorted.map(({ from, to }) => ({ from, to, back: loops.has(`${from}>${to}`) }));
  // Loops are laid out reversed, so the flow reads top to bottom from the start whichever loop
  // dagre would have turned round itself.
  for (const { from, to, back } of drawn) {
    if (back) graph.setEdge(to, from, { weight: 0 });
    else graph.setEdge(from, to);
  }
  dagre.layout(graph);

  const rows = [...new Set(ids.map((id) => graph.node(id).y as number))].sort((a, b) => a - b);
  const nodes = ids.map((id): MapNode => {
    const { x = 0, y = 0, width, height } = graph.node(id);
    const kind = (flow.steps[id] as { kind: StepKind }).kind;
    return { id, kind, x: x - width / 2, y: y - height / 2, width, height, rank: rows.indexOf(y), lines: wrapped.get(id) ?? [] };
  });
  const edges = drawn.map(({ from, to, back }): MapEdge => {
    const points = (back ? graph.edge(to, from) : graph.edge(from, to)).points ?? [];
    return { from, to, back, points: (back ? [...points].reverse() : points).map(({ x, y }) => ({ x, y })) };
  });
  const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };
  return { nodes, edges, width, height };
}

/** Edges between steps (failed screens folded into their step, loops onto a step itself dropped), once each. */
export function uniqueEdges(flow: ResolvedFlow): { from: string; to: string }[] {
  const unique = new Map<string, { from: string; to: string }>();
  for (const edge of flowEdges(flow.steps)) {
    const from = stepOfNode(edge.from);
    const to = stepOfNode(edge.to);
    if (from !== to && flow.steps[from] && flow.steps[to]) unique.set(`${from}>${to}`, { from, to });
  }
  return [...unique.values()];
}

/**
 * Edges that close a loop: found by a depth-first walk from the start (then the entries and the
 * rest), an edge into a step still on the walk's stack goes back up. Removing them leaves no cycle.
 */
function loopEdges(flow: ResolvedFlow, order: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to } of uniqueEdges(flow)) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  for (const root of order) {
    if (state.has(root)) continue;
    // Iterative, so a long flow cannot overflow the stack.
    const stack: { id: string; index: number }[] = [{ id: root, index: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; index: number };
      const targets = next.get(top.id) ?? [];
      if (top.index >= targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const to = targets[top.index++] as string;
      if (state.get(to) === 'open') back.add(`${top.id}>${to}`);
      else if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ id: to, index: 0 });
      }
    }
  }
  return back;
}

/** Every step once: breadth first from the start, then the entries, then any other step. */
export function stepsInFlowOrder(flow: ResolvedFlow): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of uniqueEdges(flow)) next.set(from, [...(next.get(from) ?? []), to]);
  const seen = new Set<string>();
  const visit = (start: string) => {
    if (seen.has(start) || !flow.steps[start]) return;
    const queue = [start];
    seen.add(start);
    for (let index = 0; index < queue.length; index++) {
      for (const to of next.get(queue[index] as string) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    order.push(...queue);
  };
  const order: string[] = [];
  visit(flow.start);
  for (const entry of Object.values(flow.entries)) if (entry) visit(entry);
  for (const id of Object.keys(flow.steps)) visit(id);
  return order;
}

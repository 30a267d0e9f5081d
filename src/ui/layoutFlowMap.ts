import dagre from '@dagrejs/dagre';
import { flowEdges, stepOfNode, type ResolvedFlow, type StepKind } from '../engine/index.ts';
import { labelLineHeight, maxLabelLines, wrapLabel } from './flowMap/wrapLabel.ts';

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
  /** A small copy of a much-reached ending, beside one of the steps leading there: the step it stands for. */
  ref?: string;
  /** The title as drawn, wrapped (at most three lines). */
  lines: string[];
}

export interface MapEdge {
  from: string;
  to: string;
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
/** An ending with this many ways in is drawn again beside each but the first (see `linkedEdges`). */
const linkFrom = 3;

/**
 * A layered, top-to-bottom drawing of a flow by dagre: one node per step, sized to its title
 * (`labelOf`, already translated) wrapped on up to three lines, and dagre's route for every edge.
 * An edge back up the flow, or into an ending many steps reach, ends at a small copy of its step
 * (a node with `ref`) beside the step it leaves, so every edge is short and points down.
 * Error screens (`step/failed`) are folded into their step. Pure and deterministic: the same flow
 * and labels give the same drawing, in Node as in the browser.
 */
export function layoutFlowMap(flow: ResolvedFlow, labelOf: (stepId: string) => string): FlowMapLayout {
  const ids = stepsInFlowOrder(flow);
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number; x?: number; y?: number }, { points?: MapPoint[] }>();
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 52, edgesep: 10, marginx: 16, marginy: 32 });
  graph.setDefaultEdgeLabel(() => ({}));

  const wrapped = new Map<string, string[]>();
  const place = (id: string, label: string, lines = maxLabelLines) => {
    const fitted = wrapWidths.map((width) => wrapLabel(label, width, lines)).find((candidate) => !candidate.truncated) ?? wrapLabel(label, wrapWidths.at(-1) as number, lines);
    wrapped.set(id, fitted.lines);
    graph.setNode(id, {
      width: Math.max(lines < maxLabelLines ? 0 : minNodeWidth, fitted.width + nodePadding.inline * 2),
      height: Math.max(1, fitted.lines.length) * labelLineHeight + nodePadding.block * 2,
    });
  };
  const up = edgesUp(flow, ids);
  // In flow order: dagre's first ordering of each row follows the order edges were added.
  const position = new Map(ids.map((id, index) => [id, index]));
  const sorted = uniqueEdges(flow).sort((a, b) => (position.get(a.from) ?? 0) - (position.get(b.from) ?? 0));
  // Ways up and ways into a much-reached ending end at a copy of their step beside where they leave.
  const linked = new Set([...linkedEdges(flow, sorted), ...up]);
  const refs = new Map<string, string>();
  const linksOf = new Map<string, string[]>();
  const drawn = sorted.map(({ from, to }) => {
    if (!linked.has(`${from}>${to}`)) return { from, to };
    const link = `${to}<${from}`;
    refs.set(link, to);
    linksOf.set(from, [...(linksOf.get(from) ?? []), link]);
    return { from, to: link };
  });
  for (const id of ids) {
    place(id, labelOf(id));
    for (const link of linksOf.get(id) ?? []) place(link, labelOf(refs.get(link) as string), 2);
  }
  // What loops remain (between steps equally far from the start) dagre turns round itself.
  for (const { from, to } of drawn) graph.setEdge(from, to);
  dagre.layout(graph);

  const all = [...ids, ...refs.keys()];
  const rows = [...new Set(all.map((id) => graph.node(id).y as number))].sort((a, b) => a - b);
  const nodes = all.map((id): MapNode => {
    const { x = 0, y = 0, width, height } = graph.node(id);
    const ref = refs.get(id);
    const kind = (flow.steps[ref ?? id] as { kind: StepKind }).kind;
    return { id, ...(ref ? { ref } : {}), kind, x: x - width / 2, y: y - height / 2, width, height, rank: rows.indexOf(y), lines: wrapped.get(id) ?? [] };
  });
  const edges = drawn.map(({ from, to }): MapEdge => ({ from, to, points: (graph.edge(from, to).points ?? []).map(({ x, y }) => ({ x, y })) }));
  const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };
  return { nodes, edges, width, height };
}

/**
 * An ending reached from many steps (escalate, no permission) would pull long edges across the
 * whole picture: past its first way in, each way in ends at a small copy of it (a node with
 * `ref`) beside the step it leaves. Returns those edges as `from>to`.
 */
function linkedEdges(flow: ResolvedFlow, edges: readonly { from: string; to: string }[]): Set<string> {
  const incoming = new Map<string, number>();
  for (const { to } of edges) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  const first = new Set<string>();
  const linked = new Set<string>();
  for (const { from, to } of edges) {
    const kind = flow.steps[to]?.kind;
    const hub = (kind === 'outcome' || kind === 'flow') && (incoming.get(to) ?? 0) >= linkFrom;
    if (hub && first.has(to)) linked.add(`${from}>${to}`);
    first.add(to);
  }
  return linked;
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
 * Edges going back up: to a step nearer the start (fewer steps from it, breadth first) than the
 * step they leave. Every loop has one. Each ends at a copy of its step beside the step it leaves,
 * so the rest reads top to bottom without long edges climbing across the picture, and "try
 * another address" does not drag the address question to the bottom.
 */
function edgesUp(flow: ResolvedFlow, order: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to } of uniqueEdges(flow)) next.set(from, [...(next.get(from) ?? []), to]);
  const depth = new Map<string, number>();
  for (const root of order) {
    if (depth.has(root)) continue;
    depth.set(root, 0);
    const queue = [root];
    for (let index = 0; index < queue.length; index++) {
      const node = queue[index] as string;
      for (const to of next.get(node) ?? []) {
        if (depth.has(to)) continue;
        depth.set(to, (depth.get(node) as number) + 1);
        queue.push(to);
      }
    }
  }
  const back = new Set<string>();
  for (const { from, to } of uniqueEdges(flow)) if ((depth.get(to) ?? 0) < (depth.get(from) ?? 0)) back.add(`${from}>${to}`);
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

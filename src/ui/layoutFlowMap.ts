import { flowEdges, stepOfNode, type ResolvedFlow } from '../engine/index.ts';

export interface MapNode {
  id: string;
  layer: number;
  x: number;
  y: number;
}

export interface MapEdge {
  from: string;
  to: string;
  /** Goes to an earlier or the same layer (a loop back), drawn as a curve. */
  back: boolean;
}

export interface FlowMapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
}

export const mapNodeSize = { width: 168, height: 44 };
const gap = { x: 20, y: 44 };
const margin = 12;

/**
 * A simple layered drawing of a flow: layers are BFS distance from the start, nodes sit side by
 * side in their layer (in the order BFS found them), edges join box centres. Error screens
 * (`step/failed`) are folded into their step.
 */
export function layoutFlowMap(flow: ResolvedFlow): FlowMapLayout {
  const unique = new Map<string, { from: string; to: string }>();
  for (const edge of flowEdges(flow.steps)) {
    const from = stepOfNode(edge.from);
    const to = stepOfNode(edge.to);
    if (from !== to && flow.steps[to]) unique.set(`${from}>${to}`, { from, to });
  }
  const outgoing = new Map<string, string[]>();
  for (const { from, to } of unique.values()) outgoing.set(from, [...(outgoing.get(from) ?? []), to]);

  const layerOf = new Map<string, number>([[flow.start, 0]]);
  const order: string[] = [flow.start];
  for (let index = 0; index < order.length; index++) {
    const node = order[index] as string;
    for (const next of outgoing.get(node) ?? []) {
      if (layerOf.has(next)) continue;
      layerOf.set(next, (layerOf.get(node) as number) + 1);
      order.push(next);
    }
  }

  const layers: string[][] = [];
  for (const id of order) (layers[layerOf.get(id) as number] ??= []).push(id);
  const widest = Math.max(...layers.map((layer) => layer.length));
  const width = margin * 2 + widest * mapNodeSize.width + (widest - 1) * gap.x;
  const nodes: MapNode[] = layers.flatMap((layer, layerIndex) => {
    const rowWidth = layer.length * mapNodeSize.width + (layer.length - 1) * gap.x;
    const left = (width - rowWidth) / 2;
    return layer.map((id, index) => ({
      id,
      layer: layerIndex,
      x: left + index * (mapNodeSize.width + gap.x),
      y: margin + layerIndex * (mapNodeSize.height + gap.y),
    }));
  });
  const edges = [...unique.values()]
    .filter(({ from, to }) => layerOf.has(from) && layerOf.has(to))
    .map(({ from, to }) => ({ from, to, back: (layerOf.get(to) as number) <= (layerOf.get(from) as number) }));
  const height = margin * 2 + layers.length * mapNodeSize.height + (layers.length - 1) * gap.y;
  return { nodes, edges, width, height };
}

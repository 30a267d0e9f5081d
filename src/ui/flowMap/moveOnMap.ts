import type { FlowMapLayout, MapNode } from '../layoutFlowMap.ts';

export type MapDirection = 'down' | 'up' | 'left' | 'right';

export interface MoveOptions {
  /** Steps to go to first when there is a choice (the path taken). */
  prefer?: ReadonlySet<string>;
}

/**
 * Where an arrow key goes from a node of the map: down to a step it leads to, up to a step that
 * leads to it, left or right to the neighbour in its row as drawn (a mirrored
 * layout for right to left, so the keys follow the screen). Among several, a
 * step on the path taken wins, then the one nearest across. Stays put when there is nowhere to go.
 */
export function moveOnMap(layout: FlowMapLayout, from: string, direction: MapDirection, options: MoveOptions = {}): string {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const here = byId.get(from);
  if (!here) return layout.nodes[0]?.id ?? from;
  if (direction === 'down' || direction === 'up') {
    // A small copy of an ending (`ref`) stands for it: the keys go to the ending itself.
    const ids = layout.edges.filter((edge) => (direction === 'down' ? edge.from === from : edge.to === from || byId.get(edge.to)?.ref === from)).map((edge) => (direction === 'down' ? edge.to : edge.from));
    const steps = new Set(ids.map((id) => byId.get(id)?.ref ?? id));
    const candidates = [...steps].flatMap((id) => (byId.has(id) && id !== from ? [byId.get(id) as MapNode] : []));
    const best = candidates.sort((a, b) => rankOf(a, options.prefer) - rankOf(b, options.prefer) || distance(here, a) - distance(here, b))[0];
    return best?.id ?? from;
  }
  const row = layout.nodes.filter((node) => node.rank === here.rank && !node.ref).sort((a, b) => a.x - b.x);
  const index = row.findIndex((node) => node.id === from);
  const step = direction === 'right' ? 1 : -1;
  return row[index + step]?.id ?? from;
}

function rankOf(node: MapNode, prefer: ReadonlySet<string> | undefined): number {
  return prefer?.has(node.id) ? 0 : 1;
}

function distance(a: MapNode, b: MapNode): number {
  return Math.abs(a.x + a.width / 2 - (b.x + b.width / 2));
}

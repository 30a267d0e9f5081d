import type { ResolvedFlow } from './resolveFlow.ts';
import { flowEdges, groupEdgesByNode, isTerminalStep, stepOfNode, type FlowEdge } from './flowGraph.ts';

/** One way through a flow: the edges taken, in order, and how the walk ended. */
export interface FlowPath {
  edges: FlowEdge[];
  /** `outcome`: reached an outcome or a jump; `loop`: the last edge returns to a node already on the path. */
  end: 'outcome' | 'loop';
}

export interface EnumerateOptions {
  /** Stop after this many paths (the result says whether it was cut). @default 1_000_000 */
  limit?: number;
}

/**
 * Every simple path through a flow's graph: each walk from the start to an outcome that visits no
 * node twice, plus each walk whose last edge closes a loop (such as Retry, or "check the address
 * and try another"). Together they cover every edge that can be reached, with a finite list.
 */
export function enumeratePaths(flow: ResolvedFlow, options: EnumerateOptions = {}): { paths: FlowPath[]; truncated: boolean } {
  const limit = options.limit ?? 1_000_000;
  const outgoing = groupEdgesByNode(flowEdges(flow.steps));
  const paths: FlowPath[] = [];
  const onPath = new Set<string>([flow.start]);
  const edges: FlowEdge[] = [];
  let truncated = false;

  const walk = (node: string): void => {
    if (truncated) return;
    const step = flow.steps[stepOfNode(node)];
    if (step && node === stepOfNode(node) && isTerminalStep(step)) {
      paths.push({ edges: [...edges], end: 'outcome' });
      if (paths.length >= limit) truncated = true;
      return;
    }
    for (const edge of outgoing.get(node) ?? []) {
      edges.push(edge);
      if (onPath.has(edge.to)) {
        paths.push({ edges: [...edges], end: 'loop' });
        if (paths.length >= limit) truncated = true;
      } else {
        onPath.add(edge.to);
        walk(edge.to);
        onPath.delete(edge.to);
      }
      edges.pop();
      if (truncated) return;
    }
  };
  walk(flow.start);
  return { paths, truncated };
}

import type { ResolvedFlow } from './resolveFlow.ts';
import { flowEdges, groupEdgesByNode, isTerminalStep, stepOfNode, type FlowEdge } from './flowGraph.ts';

/** One way through a flow: the edges taken, in order, and how the walk ended. */
export interface FlowPath {
  edges: FlowEdge[];
  /**
   * `outcome`: reached an outcome or a jump; `loop`: the last edge returns to a node already on the
   * path; `joined`: the last edge reaches one of `joinAt` (where paths from the start go on).
   */
  end: 'outcome' | 'loop' | 'joined';
  /** The named entry (see the flow's `entries`) the path starts at; absent: it starts at `start`. */
  entry?: string;
}

export interface EnumerateOptions {
  /** Stop after this many paths (the result says whether it was cut). @default 1_000_000 */
  limit?: number;
  /** Start at this named entry instead of the flow's `start` (a way in such as a pasted delivery error). */
  entry?: string;
  /** Nodes where a path ends as `joined` (e.g. those the paths from the start already walk on from). */
  joinAt?: ReadonlySet<string>;
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
  const first = options.entry ? (flow.entries as Readonly<Record<string, string | undefined>>)[options.entry] : flow.start;
  // An entry into the start's own paths adds nothing they do not walk already.
  if (!first || (options.entry && options.joinAt?.has(first))) return { paths: [], truncated: false };
  const entry = options.entry ? { entry: options.entry } : {};
  const onPath = new Set<string>([first]);
  const edges: FlowEdge[] = [];
  let truncated = false;

  const walk = (node: string): void => {
    if (truncated) return;
    const step = flow.steps[stepOfNode(node)];
    if (step && node === stepOfNode(node) && isTerminalStep(step)) {
      paths.push({ edges: [...edges], end: 'outcome', ...entry });
      if (paths.length >= limit) truncated = true;
      return;
    }
    for (const edge of outgoing.get(node) ?? []) {
      edges.push(edge);
      if (onPath.has(edge.to)) {
        paths.push({ edges: [...edges], end: 'loop', ...entry });
        if (paths.length >= limit) truncated = true;
      } else if (options.joinAt?.has(edge.to)) {
        paths.push({ edges: [...edges], end: 'joined', ...entry });
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
  walk(first);
  return { paths, truncated };
}

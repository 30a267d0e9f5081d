import {
  flowEdges,
  groupEdgesByNode,
  isTerminalStep,
  stepOfNode,
  type FlowEdge,
  type FlowPath,
  type ResolvedFlow,
} from '../../src/engine/index.ts';

export interface EdgeCoveringOptions {
  /** Start at this named entry instead of the flow's `start`. */
  entry?: string;
  /** Nodes where a path ends as `joined` (those the start's paths walk on from). */
  joinAt?: ReadonlySet<string>;
}

/**
 * A set of simple paths that together walk every edge reachable from the start (or an entry),
 * built directly instead of filtering every simple path: for each edge not walked yet, the
 * shortest way from the start to it, the edge, then the shortest way on to an outcome, a node
 * already on the path (a loop) or a join node, never visiting a node twice. The same shapes as
 * {@link enumeratePaths} gives, so the replay and the coverage count are unchanged; but linear
 * in the graph's size, where enumerating every simple path grows exponentially with its branches
 * (642,734 paths through invite-not-received with every capability).
 */
export function edgeCoveringPaths(flow: ResolvedFlow, options: EdgeCoveringOptions = {}): FlowPath[] {
  const edges = flowEdges(flow.steps);
  const outgoing = groupEdgesByNode(edges);
  const first = options.entry ? (flow.entries as Readonly<Record<string, string | undefined>>)[options.entry] : flow.start;
  if (!first || (options.entry && options.joinAt?.has(first))) return [];
  const entry = options.entry ? { entry: options.entry } : {};
  const isTerminal = (node: string) => {
    const step = flow.steps[stepOfNode(node)];
    return Boolean(step && node === stepOfNode(node) && isTerminalStep(step));
  };
  const ends = (node: string) => isTerminal(node) || Boolean(options.joinAt?.has(node));

  // Shortest edge sequence from `first` to every node, never passing a terminal or join node.
  const reachBy = new Map<string, FlowEdge[]>([[first, []]]);
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node !== first && ends(node)) continue;
    for (const edge of outgoing.get(node) ?? []) {
      if (reachBy.has(edge.to)) continue;
      reachBy.set(edge.to, [...(reachBy.get(node) as FlowEdge[]), edge]);
      queue.push(edge.to);
    }
  }

  const covered = new Set<FlowEdge>();
  const paths: FlowPath[] = [];
  for (const edge of edges) {
    const prefix = reachBy.get(edge.from);
    if (covered.has(edge) || !prefix || (edge.from !== first && ends(edge.from))) continue;
    const onPath = new Set<string>([first, ...prefix.map((step) => step.to)]);
    const walked = [...prefix, edge];
    const path = finish(walked, onPath);
    if (!path) throw new Error(`no simple way on from ${edge.to} after ${edge.from}`);
    path.edges.forEach((step) => covered.add(step));
    paths.push({ ...path, ...entry });
  }
  return paths;

  /** Ends `walked` at an outcome, a loop or a join, by the shortest way that revisits nothing. */
  function finish(walked: FlowEdge[], onPath: Set<string>): FlowPath | null {
    const last = walked.at(-1) as FlowEdge;
    if (onPath.has(last.to)) return { edges: walked, end: 'loop' };
    if (options.joinAt?.has(last.to)) return { edges: walked, end: 'joined' };
    if (isTerminal(last.to)) return { edges: walked, end: 'outcome' };
    const via = new Map<string, FlowEdge[]>([[last.to, []]]);
    const search = [last.to];
    while (search.length > 0) {
      const node = search.shift() as string;
      for (const next of outgoing.get(node) ?? []) {
        const tail = [...(via.get(node) as FlowEdge[]), next];
        if (onPath.has(next.to) || next.to === last.to || via.has(next.to)) {
          // Back onto the path walked before this search: a loop that revisits nothing else.
          if (onPath.has(next.to) || next.to === last.to) return { edges: [...walked, ...tail], end: 'loop' };
          continue;
        }
        if (options.joinAt?.has(next.to)) return { edges: [...walked, ...tail], end: 'joined' };
        if (isTerminal(next.to)) return { edges: [...walked, ...tail], end: 'outcome' };
        via.set(next.to, tail);
        search.push(next.to);
      }
    }
    return null;
  }
}

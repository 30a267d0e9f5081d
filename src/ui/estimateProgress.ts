import { flowEdges, isTerminalStep, type FlowEdge, type ResolvedFlow, type Step } from '../engine/index.ts';

export interface ProgressEstimate {
  /** The number of the screen the person is on (1-based). */
  step: number;
  /** The fewest screens still to come before an outcome (0 at an outcome). A lower bound, never a promise. */
  atLeastRemaining: number;
  /** The most screens the ways on can still take (0 at an outcome); the bar counts with these. */
  atMostRemaining: number;
  /** From 0 to 1: the screens seen over the longest this check can still be (1 at an outcome). */
  fraction: number;
}

// Retry loops and the error screen are not a way forward; error edges are where things go wrong,
// so the estimate follows the paths a person chooses and the backend's normal answers.
const forward = new Set<FlowEdge['via']['type']>(['option', 'input', 'continue', 'branch', 'otherwise', 'done', 'elapsed']);

/** Checks and actions are not screens a person answers; they cost nothing on the way. */
function isScreen(step: Step): boolean {
  return step.kind !== 'check' && step.kind !== 'action';
}

/**
 * How far along a session is, counting screens only (the trail). The bar compares the screens
 * seen with the longest the check can still be (the longest way on without repeating a step), and
 * never with less than half the longest check from the start: after the first screen it shows a
 * small share, even where that screen could end the check at once (the shortest way, one or two
 * screens, claimed half). It is full only at an outcome.
 */
export function estimateProgress(flow: ResolvedFlow, stepId: string, trail: readonly string[]): ProgressEstimate {
  const current = flow.steps[stepId];
  const step = Math.max(1, trail.length + (current && isScreen(current) ? 0 : 1));
  if (!current || isTerminalStep(current)) return { step, atLeastRemaining: 0, atMostRemaining: 0, fraction: 1 };
  const graph = graphOf(flow);
  const atLeastRemaining = shortestToOutcome(flow, graph.outgoing, stepId);
  const atMostRemaining = Math.max(atLeastRemaining, graph.longest(stepId));
  // A longer way chosen raises what can still come; the bar holds what the screens before it
  // showed, so it never moves back while the person moves on (Back shortens the trail, and it).
  const earlier = trail.slice(0, step - 1).map((id, index) => share(graph, index + 1, graph.longest(id)));
  const shown = Math.max(share(graph, step, atMostRemaining), ...earlier);
  return { step, atLeastRemaining, atMostRemaining, fraction: Math.min(shown, step / (step + 1)) };
}

/** Screens seen over the longest the check can still be, and never over less than `shortestWhole`. */
function share(graph: ProgressGraph, step: number, atMostRemaining: number): number {
  return step / Math.max(step + atMostRemaining, graph.shortestWhole);
}

interface ProgressGraph {
  outgoing: ReadonlyMap<string, readonly string[]>;
  /** The most screens on a way from this step to an outcome that repeats no step (the step itself not counted). */
  longest(from: string): number;
  /** The fewest screens the bar counts a whole check with: half the longest check from the start. */
  shortestWhole: number;
}

// A flow does not change while a session runs; the selector asks on every snapshot.
const graphs = new WeakMap<ResolvedFlow, ProgressGraph>();

function graphOf(flow: ResolvedFlow): ProgressGraph {
  const known = graphs.get(flow);
  if (known) return known;
  const outgoing = new Map<string, string[]>();
  for (const edge of flowEdges(flow.steps)) {
    if (!forward.has(edge.via.type)) continue;
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  }
  const cost = (id: string) => {
    const step = flow.steps[id];
    return step && isScreen(step) ? 1 : 0;
  };
  const longest = longestWays(flow, outgoing, cost);
  const start = flow.steps[flow.start];
  const longestCheck = (start && isScreen(start) ? 1 : 0) + longest(flow.start);
  const graph = { outgoing, longest, shortestWhole: Math.max(1, longestCheck / 2) };
  graphs.set(flow, graph);
  return graph;
}

/**
 * The longest way on from each step, by walking every way that repeats no step (shipped flows:
 * some ten thousand visits from the start), cached per step. Past a budget the walk stops and
 * the longest found so far stands: an estimate, for flows far larger than ours.
 */
function longestWays(flow: ResolvedFlow, outgoing: ReadonlyMap<string, readonly string[]>, cost: (id: string) => number): (from: string) => number {
  const budget = 200_000;
  const known = new Map<string, number>();
  return (from) => {
    const cached = known.get(from);
    if (cached !== undefined) return cached;
    let visits = 0;
    const onWay = new Set<string>();
    const walk = (id: string): number => {
      visits += 1;
      const step = flow.steps[id];
      if (!step || isTerminalStep(step) || visits > budget) return 0;
      onWay.add(id);
      let best = 0;
      for (const next of outgoing.get(id) ?? []) if (!onWay.has(next)) best = Math.max(best, cost(next) + walk(next));
      onWay.delete(id);
      return best;
    };
    const longest = walk(from);
    known.set(from, longest);
    return longest;
  };
}

function shortestToOutcome(flow: ResolvedFlow, outgoing: ReadonlyMap<string, readonly string[]>, from: string): number {
  const cost = (id: string) => {
    const step = flow.steps[id];
    return step && isScreen(step) ? 1 : 0;
  };
  const best = new Map<string, number>([[from, 0]]);
  const deque: string[] = [from];
  while (deque.length > 0) {
    const node = deque.shift() as string;
    const distance = best.get(node) as number;
    const step = flow.steps[node];
    if (step && isTerminalStep(step)) return distance;
    for (const next of outgoing.get(node) ?? []) {
      const through = distance + cost(next);
      if (through < (best.get(next) ?? Infinity)) {
        best.set(next, through);
        if (cost(next) === 0) deque.unshift(next);
        else deque.push(next);
      }
    }
  }
  return 0;
}

import { flowEdges, isTerminalStep, type FlowEdge, type ResolvedFlow, type Step } from '../engine/index.ts';

export interface ProgressEstimate {
  /** The number of the screen the person is on (1-based). */
  step: number;
  /** The fewest screens still to come before an outcome (0 at an outcome). A lower bound, never a promise. */
  atLeastRemaining: number;
  /** step / (step + atLeastRemaining), from 0 to 1. */
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
 * How far along a session is: the screens seen (the trail), and the shortest way from the
 * current step to any outcome, counting only screens (0-1 BFS over the flow's edges).
 */
export function estimateProgress(flow: ResolvedFlow, stepId: string, trail: readonly string[]): ProgressEstimate {
  const current = flow.steps[stepId];
  const step = Math.max(1, trail.length + (current && isScreen(current) ? 0 : 1));
  const atLeastRemaining = current ? shortestToOutcome(flow, stepId) : 0;
  return { step, atLeastRemaining, fraction: step / (step + atLeastRemaining) };
}

function shortestToOutcome(flow: ResolvedFlow, from: string): number {
  const outgoing = new Map<string, string[]>();
  for (const edge of flowEdges(flow.steps)) {
    if (!forward.has(edge.via.type)) continue;
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  }
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

import type { ActionStep, Step } from './flowSchema.ts';
import { backendErrorKinds, type BackendErrorKind } from './BackendError.ts';

/**
 * The decision graph of a flow as plain data: one node per step, plus a `<id>/failed` node per
 * action step (the error screen with Retry). Validation, path enumeration, the flow map and the
 * model-based tests all read this one description, so they cannot drift apart.
 */
export interface FlowEdge {
  from: string;
  to: string;
  via: EdgeVia;
}

export type EdgeVia =
  | { type: 'option'; optionId: string }
  | { type: 'input' }
  | { type: 'continue' }
  | { type: 'branch'; index: number }
  | { type: 'otherwise' }
  | { type: 'done' }
  | { type: 'error'; kind: string }
  | { type: 'failed' }
  | { type: 'retry' }
  | { type: 'give-up' }
  | { type: 'elapsed' }
  | { type: 'skip' };

export const failedSuffix = '/failed';

export function failedNodeId(stepId: string): string {
  return `${stepId}${failedSuffix}`;
}

/** The step a graph node belongs to (`resend/failed` → `resend`). */
export function stepOfNode(nodeId: string): string {
  return nodeId.endsWith(failedSuffix) ? nodeId.slice(0, -failedSuffix.length) : nodeId;
}

/** Every edge leaving one step, in a stable order. Targets are taken as written. */
export function edgesOfStep(id: string, step: Step): FlowEdge[] {
  switch (step.kind) {
    case 'question':
      return step.options.map((option) => ({ from: id, to: option.next, via: { type: 'option', optionId: option.id } }));
    case 'input':
      return [{ from: id, to: step.next, via: { type: 'input' } }];
    case 'info':
      return [{ from: id, to: step.next, via: { type: 'continue' } }];
    case 'check':
      return [
        ...step.branches.map((branch, index): FlowEdge => ({ from: id, to: branch.next, via: { type: 'branch', index } })),
        { from: id, to: step.otherwise, via: { type: 'otherwise' } },
      ];
    case 'action': {
      const failed = failedNodeId(id);
      const errorEdges = Object.entries(step.errors ?? {})
        .filter(([kind, to]) => kind !== 'other' && to !== undefined)
        .map(([kind, to]): FlowEdge => ({ from: id, to: to as string, via: { type: 'error', kind } }));
      const edges: FlowEdge[] = [{ from: id, to: step.next, via: { type: 'done' } }, ...errorEdges];
      // Errors the flow does not route land on the failed screen (Retry, or give up to errors.other),
      // or, for a step that is not retried, go straight on to errors.other.
      if (hasFailedScreen(step)) {
        edges.push({ from: id, to: failed, via: { type: 'failed' } });
        edges.push({ from: failed, to: id, via: { type: 'retry' } });
        if (step.errors?.other) edges.push({ from: failed, to: step.errors.other, via: { type: 'give-up' } });
      } else if (unroutedErrorKinds(step).length > 0 && step.errors?.other) {
        edges.push({ from: id, to: step.errors.other, via: { type: 'error', kind: 'other' } });
      }
      return edges;
    }
    case 'wait':
      return [
        { from: id, to: step.next, via: { type: 'elapsed' } },
        ...(step.skippable ? [{ from: id, to: step.next, via: { type: 'skip' } } satisfies FlowEdge] : []),
      ];
    case 'outcome':
    case 'flow':
      return [];
  }
}

/** All edges of a set of steps. */
export function flowEdges(steps: Readonly<Record<string, Step>>): FlowEdge[] {
  return Object.entries(steps).flatMap(([id, step]) => edgesOfStep(id, step));
}

/** All graph nodes: steps, and the failed screen of each action step that has one. */
export function flowNodes(steps: Readonly<Record<string, Step>>): string[] {
  return Object.entries(steps).flatMap(([id, step]) => (step.kind === 'action' && hasFailedScreen(step) ? [id, failedNodeId(id)] : [id]));
}

/** Whether a node ends a session (an outcome, or a hand-over to another flow). */
export function isTerminalStep(step: Step): boolean {
  return step.kind === 'outcome' || step.kind === 'flow';
}

/**
 * Nodes reachable from `starts` by following edges forward, or (`backward`) the nodes from which
 * one of `starts` can be reached.
 */
export function reachableNodes(starts: string | readonly string[], edges: readonly FlowEdge[], direction: 'forward' | 'backward' = 'forward'): Set<string> {
  const forward = direction === 'forward';
  const adjacent = groupEdgesByNode(edges, forward ? 'from' : 'to');
  const seen = new Set<string>(typeof starts === 'string' ? [starts] : starts);
  const queue = [...seen];
  while (queue.length > 0) {
    const node = queue.pop() as string;
    for (const edge of adjacent.get(node) ?? []) {
      const next = forward ? edge.to : edge.from;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Edges grouped by the node they leave (`from`) or, with `to`, by the node they enter. */
export function groupEdgesByNode(edges: readonly FlowEdge[], by: 'from' | 'to' = 'from'): Map<string, FlowEdge[]> {
  const grouped = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    const list = grouped.get(edge[by]);
    if (list) list.push(edge);
    else grouped.set(edge[by], [edge]);
  }
  return grouped;
}

/** A short label for an edge, used by the flow map, coverage reports and test names. */
export function describeEdgeVia(via: EdgeVia): string {
  switch (via.type) {
    case 'option':
      return via.optionId;
    case 'branch':
      return `branch ${via.index + 1}`;
    case 'error':
      return `error: ${via.kind}`;
    default:
      return via.type;
  }
}

/** Error kinds an action step does not send to a step of its own. */
export function unroutedErrorKinds(step: ActionStep): BackendErrorKind[] {
  return backendErrorKinds.filter((kind) => !step.errors?.[kind]);
}

/**
 * Whether an action step has a failed screen (the error, Try again, Continue without it): when
 * some error kind has no step of its own and the step is retried. Without one, no node stands
 * for it, so nothing can report a screen that no session ever shows.
 */
export function hasFailedScreen(step: ActionStep): boolean {
  return step.retry !== false && unroutedErrorKinds(step).length > 0;
}

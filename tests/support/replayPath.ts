import { createActor, fromCallback, fromPromise } from 'xstate';
import {
  describeEdgeVia,
  failedNodeId,
  stepOfNode,
  unroutedErrorKinds,
  type ActionStep,
  type CompiledFlow,
  type DeliveryFinding,
  type FlowEdge,
  type FlowPath,
  type SessionEvent,
} from '../../src/engine/index.ts';

/**
 * Replays paths on the real compiled machine. Checks and backend calls are scripted from the
 * path itself: a check takes the branch the path names, an action resolves or fails with the
 * error kind the edge names. Every interactive edge is a real event sent to the machine, and the
 * sequence of nodes the machine visits must equal the path's.
 */
export function createPathReplayer(compiled: CompiledFlow) {
  let checkScript = new Map<string, number[]>();
  let actionScript = new Map<string, EdgeOutcome[]>();
  let currentChoice = new Map<string, number>();
  let visits: string[] = [];

  const actionNames = new Set(
    Object.values(compiled.flow.steps).flatMap((step) => (step.kind === 'action' ? [step.action] : [])),
  );
  const scriptedActors = Object.fromEntries(
    [...actionNames].map((name) => [
      name,
      fromPromise<object, { context: { stepId: string } }>(async ({ input }) => {
        const outcome = actionScript.get(input.context.stepId)?.shift();
        if (!outcome) return new Promise<object>(() => {});
        if (outcome.ok) return {};
        throw { kind: outcome.kind, retryAfterMs: 60_000, cause: 'server' };
      }),
    ]),
  );
  const machine = compiled.machine.provide({
    guards: {
      checkBranch: (_: unknown, params: { step: string; index: number }) => {
        if (params.index === 0) {
          visits.push(params.step);
          currentChoice.set(params.step, checkScript.get(params.step)?.shift() ?? -1);
        }
        return currentChoice.get(params.step) === params.index;
      },
    },
    actors: { ...scriptedActors, waitTimer: fromCallback(() => () => {}) },
  } as never);

  return async function replay(path: FlowPath): Promise<void> {
    checkScript = new Map();
    actionScript = new Map();
    currentChoice = new Map();
    visits = [];
    for (const edge of path.edges) scriptEdge(compiled, edge, checkScript, actionScript);

    const actor = createActor(machine, { input: { email: 'replayed@example.com' } });
    actor.subscribe((snapshot) => {
      const node = nodeOf(snapshot.value);
      const step = compiled.flow.steps[stepOfNode(node)];
      if (step?.kind !== 'check' && visits[visits.length - 1] !== node) visits.push(node);
    });
    actor.start();
    try {
      if (path.entry) {
        // A way in from outside the flow: from wherever the session stands, the entry's event.
        await settleConfirming(actor);
        visits = [];
        actor.send(path.entry === 'deliveryError' ? { type: 'flow.enter', entry: 'deliveryError', finding: replayedFinding } : { type: 'flow.enter', entry: 'escalate' });
      }
      for (const edge of path.edges) {
        const event = eventFor(edge);
        if (!event) continue;
        await settleConfirming(actor);
        const at = nodeOf(actor.getSnapshot().value);
        if (at !== edge.from) throw new Error(`expected to be at ${edge.from} before "${describeEdgeVia(edge.via)}", but at ${at}`);
        actor.send(event);
      }
      await settleConfirming(actor);
      const first = path.entry ? (compiled.flow.entries as Readonly<Record<string, string | undefined>>)[path.entry] : compiled.flow.start;
      const expected = [first, ...path.edges.map((edge) => edge.to)];
      // A path ending in a loop (or joining the start's paths) may end on a check or call, which the machine passes straight
      // through; what it visits after the path's last node is not part of the path.
      const visited = path.end === 'outcome' ? visits : visits.slice(0, expected.length);
      if (visited.join(' > ') !== expected.join(' > ')) {
        throw new Error(`visited ${visits.join(' > ')}\nexpected ${expected.join(' > ')}`);
      }
      if (path.end === 'outcome' && !(actor.getSnapshot().hasTag('outcome') || actor.getSnapshot().hasTag('jump'))) {
        throw new Error('the path ended outside an outcome');
      }
    } finally {
      actor.stop();
    }
  };
}

type EdgeOutcome = { ok: true } | { ok: false; kind: string };

/** The finding a replayed `deliveryError` entry carries; checks are scripted, so its content does not steer. */
const replayedFinding: DeliveryFinding = { action: 'unknown', category: 'unknown', code: null, adviceKey: 'diagnostics.unknown', raw: 'replayed', at: '2026-01-01T00:00:00.000Z' };

function scriptEdge(compiled: CompiledFlow, edge: FlowEdge, checks: Map<string, number[]>, actions: Map<string, EdgeOutcome[]>): void {
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  switch (edge.via.type) {
    case 'branch':
      push(checks, edge.from, edge.via.index);
      return;
    case 'otherwise':
      push(checks, edge.from, -1);
      return;
    case 'done':
      push(actions, edge.from, { ok: true });
      return;
    case 'error': {
      // `other` (a step that is not retried): any error kind the step does not route.
      const kind = edge.via.kind === 'other' ? unroutedErrorKinds(compiled.flow.steps[edge.from] as ActionStep)[0] : edge.via.kind;
      push(actions, edge.from, { ok: false, kind: kind as string });
      return;
    }
    case 'failed': {
      const step = compiled.flow.steps[edge.from] as ActionStep;
      push(actions, edge.from, { ok: false, kind: unroutedErrorKinds(step)[0] as string });
      return;
    }
    default:
      return;
  }
}

function eventFor(edge: FlowEdge): SessionEvent | null {
  switch (edge.via.type) {
    case 'option':
      return { type: 'answer.select', optionId: edge.via.optionId };
    case 'input':
      return { type: 'input.submit', value: 'replayed@example.com' };
    case 'continue':
    case 'give-up':
      return { type: 'step.continue' };
    case 'retry':
      return { type: 'action.retry' };
    case 'elapsed':
      return { type: 'wait.elapsed' };
    case 'skip':
      return { type: 'wait.skip' };
    default:
      return null;
  }
}

/** The graph node a snapshot value stands for (`{ resend: 'failed' }` → `resend/failed`). */
export function nodeOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const [step, sub] = Object.entries(value as Record<string, string>)[0] as [string, string];
  return sub === 'failed' ? failedNodeId(step) : step;
}

/**
 * Settles, and where a side-effect step waits for its confirmation, confirms it with a real
 * `action.confirm` (the second press) and settles again: a path through such a step walks the
 * confirmation, and a replay that skipped it would stall there and fail its visit check.
 */
async function settleConfirming(actor: { getSnapshot(): { hasTag(tag: string): boolean }; send(event: SessionEvent): void }): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    await settle();
    if (!actor.getSnapshot().hasTag('confirming')) return;
    actor.send({ type: 'action.confirm' });
  }
  throw new Error('a side effect asked for confirmation over and over');
}

/** Lets promise actors finish and their done/error events be processed. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

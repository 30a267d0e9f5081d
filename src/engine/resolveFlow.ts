import type { Flow, Step } from './flowSchema.ts';
import type { Capability } from './InvitationBackend.ts';
import type { FlowRegistry } from './FlowRegistry.ts';
import type { FlowProblem } from './FlowProblem.ts';
import { flowEdges, reachableNodes, stepOfNode } from './flowGraph.ts';

/** A flow shaped for one backend: unsupported steps and options removed, every target live. */
export interface ResolvedFlow {
  id: string;
  version: string;
  title: string;
  start: string;
  /** Named entry steps, redirected like any target; an entry whose step disappeared is dropped. */
  entries: Readonly<Partial<Record<'escalate' | 'deliveryError', string>>>;
  steps: Readonly<Record<string, Step>>;
  /** Steps that disappeared for want of a capability, and where their traffic now goes. */
  redirects: Readonly<Record<string, string>>;
}

export type ResolveResult = { ok: true; flow: ResolvedFlow } | { ok: false; problems: FlowProblem[] };

/**
 * Fits a flow to the capabilities a backend offers. A step whose `requires` (or whose action's
 * capability) is missing disappears: every edge into it follows its `unsupported` target instead,
 * transitively. Options that need a missing capability are dropped. Steps nobody can reach any
 * more are left out, so the machine holds only what a person can meet.
 */
export function resolveFlow(
  flow: Flow,
  capabilities: ReadonlySet<Capability>,
  registry: FlowRegistry,
  file = flow.id,
): ResolveResult {
  const problems: FlowProblem[] = [];
  const disabled = new Set<string>();
  for (const [id, step] of Object.entries(flow.steps)) {
    if (!hasAll(capabilities, requiredCapabilities(step, registry))) disabled.add(id);
  }

  const redirects: Record<string, string> = {};
  const follow = (target: string, from: string): string => {
    const seen: string[] = [];
    let current = target;
    while (disabled.has(current)) {
      if (seen.includes(current)) {
        problems.push({ file, step: from, code: 'unsupported-cycle', message: `steps ${seen.join(' → ')} send each other round in a circle when their capabilities are missing` });
        return current;
      }
      seen.push(current);
      const step = flow.steps[current] as Step;
      if (!step.unsupported) {
        problems.push({ file, step: current, code: 'no-way-out', message: `needs ${requiredCapabilities(step, registry).join(', ')} and has no "unsupported" step to go to without it` });
        return current;
      }
      current = step.unsupported;
    }
    if (current !== target) redirects[target] = current;
    return current;
  };

  const steps: Record<string, Step> = {};
  for (const [id, step] of Object.entries(flow.steps)) {
    if (disabled.has(id)) continue;
    const resolved = retarget(step, (target) => follow(target, id), capabilities);
    if (resolved.kind === 'question' && resolved.options.length === 0) {
      problems.push({ file, step: id, code: 'no-options-left', message: 'every option needs a capability this backend lacks' });
    }
    steps[id] = resolved;
  }
  const start = follow(flow.start, '(flow)');
  const entries = Object.fromEntries(
    Object.entries(flow.entries ?? {}).flatMap(([name, target]) => (target ? [[name, follow(target, '(flow)')]] : [])),
  );
  if (problems.length > 0) return { ok: false, problems };

  // Entries are ways in too: a step only reachable by "escalate" must stay in the machine.
  const edges = flowEdges(steps);
  const reachable = new Set([...reachableNodes([start, ...Object.values(entries)], edges)].map(stepOfNode));
  const liveSteps = Object.fromEntries(Object.entries(steps).filter(([id]) => reachable.has(id)));
  return { ok: true, flow: { id: flow.id, version: flow.version, title: flow.title, start, entries, steps: liveSteps, redirects } };
}

/** The capabilities a step needs: its own `requires`, plus its action's. Unknown actions need none here (validation reports them). */
export function requiredCapabilities(step: Step, registry: FlowRegistry): Capability[] {
  const own = (step.requires ?? []) as Capability[];
  const fromAction = step.kind === 'action' ? (registry.actions[step.action]?.requires ?? []) : [];
  return [...new Set([...own, ...fromAction])];
}

function hasAll(capabilities: ReadonlySet<Capability>, needed: readonly Capability[]): boolean {
  return needed.every((capability) => capabilities.has(capability));
}

function retarget(step: Step, to: (target: string) => string, capabilities: ReadonlySet<Capability>): Step {
  switch (step.kind) {
    case 'question':
      return {
        ...step,
        options: step.options
          .filter((option) => hasAll(capabilities, (option.requires ?? []) as Capability[]))
          .map((option) => ({ ...option, next: to(option.next) })),
      };
    case 'input':
    case 'info':
    case 'wait':
      return { ...step, next: to(step.next) };
    case 'check':
      return {
        ...step,
        branches: step.branches.map((branch) => ({ ...branch, next: to(branch.next) })),
        otherwise: to(step.otherwise),
      };
    case 'action':
      return {
        ...step,
        next: to(step.next),
        errors: step.errors && Object.fromEntries(Object.entries(step.errors).map(([kind, target]) => [kind, target && to(target)])),
      };
    case 'outcome':
    case 'flow':
      return step;
  }
}

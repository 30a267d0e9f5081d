import type { Flow, Step } from './flowSchema.ts';
import type { FlowProblem } from './FlowProblem.ts';
import type { FlowRegistry } from './FlowRegistry.ts';
import { allCapabilities, type Capability } from './InvitationBackend.ts';
import { edgesOfStep, flowEdges, flowNodes, groupEdgesByNode, hasFailedScreen, isTerminalStep, reachableNodes, stepOfNode, type FlowEdge } from './flowGraph.ts';
import { resolveFlow } from './resolveFlow.ts';
import { flowCapabilities } from './flowCapabilities.ts';
import { flowTextKeys } from './flowTextKeys.ts';

export interface ValidateOptions {
  file?: string;
  registry: FlowRegistry;
  /** Ids of the flows a `flow` step may jump to. Omit to skip that check. */
  knownFlows?: readonly string[];
  /** Flattened translation keys per language. Omit to skip that check. */
  locales?: Readonly<Record<string, ReadonlySet<string>>>;
  /** Optional capabilities to try every subset of. @default the ones the flow depends on (`flowCapabilities`) */
  optionalCapabilities?: readonly Capability[];
}

/**
 * Everything that would break a person's session, found before anyone meets it: unknown names,
 * missing targets, unreachable steps, steps with no way out (under every subset of the capabilities
 * the flow depends on),
 * action steps without a generic error edge, a Try again offered for a local action, and texts
 * missing in a language.
 */
export function validateFlow(flow: Flow, options: ValidateOptions): FlowProblem[] {
  const file = options.file ?? flow.id;
  const problems: FlowProblem[] = [];
  const report = (step: string, code: FlowProblem['code'], message: string) => problems.push({ file, step, code, message });

  if (!flow.steps[flow.start]) report('(flow)', 'unknown-target', `start step "${flow.start}" does not exist`);
  for (const [name, target] of Object.entries(flow.entries ?? {})) {
    if (target && !flow.steps[target]) report('(flow)', 'unknown-target', `entry "${name}" goes to "${target}", which is not a step of this flow`);
  }
  for (const [id, step] of Object.entries(flow.steps)) {
    checkNames(id, step, flow, options, report);
  }
  if (options.locales) checkTranslations(flow, options.locales, report);
  // Graph checks need every name and target to resolve; report those first rather than cascades.
  if (problems.some((problem) => problem.code !== 'missing-translation')) return problems;

  checkReachability(flow, report);
  checkWayOut(flow.steps, [flow.start, ...Object.values(flow.entries ?? {}).filter((to): to is string => Boolean(to))], (step, message) =>
    report(step, 'no-way-out', message),
  );
  checkEveryCapabilitySubset(flow, options, file, problems);
  return dedupe(problems);
}

type Report = (step: string, code: FlowProblem['code'], message: string) => void;

function checkNames(id: string, step: Step, flow: Flow, options: ValidateOptions, report: Report): void {
  const targets = edgesOfStep(id, step).filter((edge) => edge.from === id && edge.via.type !== 'failed').map((edge) => edge.to);
  if (step.kind === 'action' && step.errors?.other) targets.push(step.errors.other);
  if (step.unsupported) targets.push(step.unsupported);
  for (const target of new Set(targets)) {
    if (!flow.steps[target]) report(id, 'unknown-target', `goes to "${target}", which is not a step of this flow`);
  }
  if (step.kind === 'check') {
    for (const branch of step.branches) {
      const name = typeof branch.when === 'string' ? branch.when : branch.when.type;
      if (!options.registry.guards[name]) report(id, 'unknown-guard', `uses guard "${name}", which is not registered`);
    }
  }
  if (step.kind === 'action') {
    const action = options.registry.actions[step.action];
    if (!action) report(id, 'unknown-action', `uses action "${step.action}", which is not registered`);
    if (!step.errors?.other) report(id, 'missing-error-edge', 'an action step needs errors.other, the step to go to when the call fails and the person gives up retrying');
    if (action?.local && hasFailedScreen(step)) {
      report(id, 'pointless-retry', `"${step.action}" is a local action: trying it again gives the same answer, so its failed screen would offer a Try again that cannot help; set "retry": false`);
    }
  }
  if (step.kind === 'question') {
    const seen = new Set<string>();
    for (const option of step.options) {
      if (seen.has(option.id)) report(id, 'duplicate-option', `option "${option.id}" appears twice`);
      seen.add(option.id);
    }
  }
  if (step.kind === 'flow' && options.knownFlows && !options.knownFlows.includes(step.flow)) {
    report(id, 'unknown-flow', `jumps to flow "${step.flow}", which is not loaded`);
  }
}

function checkReachability(flow: Flow, report: Report): void {
  // `unsupported` targets count as reachable: they are where a step goes on a smaller backend.
  const edges: FlowEdge[] = [
    ...flowEdges(flow.steps),
    ...Object.entries(flow.steps).flatMap(([id, step]): FlowEdge[] =>
      step.unsupported ? [{ from: id, to: step.unsupported, via: { type: 'otherwise' } }] : [],
    ),
  ];
  const entries = Object.values(flow.entries ?? {}).filter((to): to is string => Boolean(to));
  const reachable = reachableNodes([flow.start, ...entries], edges);
  for (const id of Object.keys(flow.steps)) {
    if (!reachable.has(id)) report(id, 'unreachable', 'no path from the start step leads here');
  }
}

/** Reports every step from which no outcome (or hand-over to another flow) can be reached. */
export function checkWayOut(steps: Readonly<Record<string, Step>>, starts: readonly string[], report: (step: string, message: string) => void): void {
  const edges = flowEdges(steps);
  const terminals = Object.entries(steps).filter(([, step]) => isTerminalStep(step)).map(([id]) => id);
  const canFinish = reachableNodes(terminals, edges, 'backward');
  const reachable = reachableNodes(starts, edges);
  const outgoing = groupEdgesByNode(edges);
  for (const node of flowNodes(steps)) {
    if (!reachable.has(node) || canFinish.has(node)) continue;
    const step = stepOfNode(node);
    const leaves = (outgoing.get(node) ?? []).length > 0;
    report(step, leaves ? 'no outcome can be reached from here (the paths only go round in circles)' : 'a step with no way out');
  }
}

function checkEveryCapabilitySubset(flow: Flow, options: ValidateOptions, file: string, problems: FlowProblem[]): void {
  const optional = options.optionalCapabilities ?? flowCapabilities(flow, options.registry);
  const all = new Set<Capability>(allCapabilities);
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const missing = optional.filter((_, bit) => (mask & (1 << bit)) !== 0);
    const capabilities = new Set([...all].filter((capability) => !missing.includes(capability)));
    const without = missing.length > 0 ? `without ${missing.join(', ')}: ` : '';
    const resolved = resolveFlow(flow, capabilities, options.registry, file);
    if (!resolved.ok) {
      problems.push(...resolved.problems.map((problem) => ({ ...problem, message: without + problem.message })));
      continue;
    }
    checkWayOut(resolved.flow.steps, [resolved.flow.start, ...Object.values(resolved.flow.entries)], (step, message) =>
      problems.push({ file, step, code: 'no-way-out', message: without + message }),
    );
  }
}

function checkTranslations(flow: Flow, locales: Readonly<Record<string, ReadonlySet<string>>>, report: Report): void {
  for (const { step, key } of flowTextKeys(flow)) {
    for (const [language, keys] of Object.entries(locales)) {
      if (!keys.has(key)) report(step, 'missing-translation', `text "${key}" is missing in locale ${language}`);
    }
  }
}

/** One line per distinct problem; with many capability subsets the same fault is often found repeatedly. */
function dedupe(problems: FlowProblem[]): FlowProblem[] {
  const seen = new Map<string, FlowProblem>();
  for (const problem of problems) {
    const key = `${problem.step}|${problem.code}|${problem.message.replace(/^without [^:]+: /, '')}`;
    if (!seen.has(key)) seen.set(key, problem);
  }
  return [...seen.values()];
}

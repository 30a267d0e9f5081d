import { createActor, waitFor, type Actor } from 'xstate';
import {
  allCapabilities,
  compileFlow,
  currentStep,
  defaultPolicy,
  failedNodeId,
  flowEdges,
  flowNodes,
  requiredCapabilities,
  stepOfNode,
  unroutedErrorKinds,
  type ActionStep,
  type BackendError,
  type BackendErrorKind,
  type Capability,
  type CompiledFlow,
  type Flow,
  type FlowEdge,
  type FlowMachine,
  type InvitationBackend,
  type Policy,
  type SessionContext,
  type SessionEvent,
} from '../../src/engine/index.ts';
import { createInvitationRegistry, latestDeliveryProblem } from '../../src/registry/index.ts';
import type { MemoryBackend } from '../../src/adapters/memory/MemoryBackend.ts';
import { demoSeed } from '../../src/adapters/memory/demoSeed.ts';
import type { DemoOperation } from '../../src/app/appBackend.ts';
import { createDemoBackend, demoDeliveryFailure } from '../../src/app/createBackends.ts';

/** At a question: an option id. At an input: `{ input }`. At a failed call: `{ press: 'retry' | 'continue' }` (Try again / Continue without it). */
export type RouteMove = string | { input: string } | { press: 'retry' | 'continue' };

/** The next call of `operation` fails with `error` (faults are used up in the order given). */
export interface RouteFault {
  operation: DemoOperation;
  error: BackendError;
}

/** How the demo backend must be set up for a route: the URL hooks `?capabilities=`, `?policy=`, `?delivery=`, `?fault=`. */
export interface DemoSetup {
  /** The operations offered; all of them unless the node needs fewer. */
  capabilities: Capability[];
  /** Overrides of the default policy (usually none). */
  policy: Partial<Policy>;
  /** The status code every seeded invitation's latest delivery attempt failed with; null: the seed's own log. */
  delivery: string | null;
  /** Injected before the session starts. */
  faults: RouteFault[];
  /** Where invite links point (`?links=`); absent or null: the demo's own origin. */
  links?: string | null;
}

/**
 * How to bring a fresh demo session to one node of a flow's graph: a step, or the failed screen
 * of an action step (`<step>/failed`). Replayed by {@link replayRoute} in Node and by the
 * end-to-end gates in Chromium (start page or `/flows/<id>`, plus the demo URL hooks).
 */
export interface StepRoute extends DemoSetup {
  flowId: string;
  /** A step id, or `<action step>/failed`. */
  node: string;
  /** The address the session starts with; `null`: the flow asks for it. */
  email: string | null;
  /** Info steps continue and waits are skipped on the way; every other step takes the next move. */
  moves: RouteMove[];
  /** Sent once the session has started, before the moves: the session jumps to a flow entry (an agent pasting a delivery error). */
  enter?: FlowEnter;
}

/** A jump to one of the flow's named entries, as the app sends it. */
export type FlowEnter = Extract<SessionEvent, { type: 'flow.enter' }>;

export interface FindRoutesOptions {
  /** Whether the app can hand this flow an address at the start (the start page does, for its flow). @default true */
  emailAtStart?: boolean;
  /** Longest move sequence tried. @default 16 */
  maxMoves?: number;
  /** The fixed time the search runs at (epoch ms). @default 2026-11-22T10:00:00Z */
  now?: number;
}

export interface FlowRoutes {
  flowId: string;
  /** Every node of the flow's graph, in flow order. */
  nodes: string[];
  /** One route per node that could be reached. */
  routes: Map<string, StepRoute>;
  /** Nodes no search reached. */
  unreachable: string[];
  /** The backend operations each action step's action was seen calling (none: a local action). */
  operations: Map<string, DemoOperation[]>;
  /** Sessions replayed during the search. */
  replays: number;
}

const registry = createInvitationRegistry();
const defaultNow = Date.parse('2026-11-22T10:00:00.000Z');

/**
 * Finds, for every node of `flow` (each step, and the failed screen of each action step), a route
 * that reaches it on the demo backend; nothing is written by hand. First a breadth-first search on
 * the full demo over the seed's addresses (and an unknown variant of each) and over every option
 * and address at each question and input, on the real compiled machine. Then, for each node still
 * missing, the demo setups its incoming edges imply: a fault of the kind an error edge names (or one
 * the step does not route, for a failed screen), a capability removed where a step's `unsupported`
 * leads to it, a delivery status code that makes a check branch true, a policy switch flipped —
 * combined along chains of missing nodes — each searched from the routes known so far.
 */
export async function findStepRoutes(flow: Flow, options: FindRoutesOptions = {}): Promise<FlowRoutes> {
  const now = options.now ?? defaultNow;
  const maxMoves = options.maxMoves ?? 16;
  const nodes = flowNodes(flow.steps);
  const routes = new Map<string, StepRoute>();
  const operations = new Map<string, Set<DemoOperation>>();
  const addresses = candidateAddresses(now);
  const starts: Start[] = [...(options.emailAtStart === false ? [] : addresses.map((email) => ({ email, moves: [] }))), { email: null, moves: [] }];
  const runners = new Map<string, Runner | null>();
  // Setups searched to the end: searching them again cannot find anything new.
  const exhausted = new Set<string>();
  let replays = 0;

  const search = async (setup: DemoSetup, targets: readonly string[], from: { starts: Start[]; seeded: boolean } = { starts, seeded: true }) => {
    const key = runnerKey(setup);
    if (!runners.has(key)) runners.set(key, createRunner(flow, setup, now));
    const runner = runners.get(key);
    if (!runner) return;
    const done = () => targets.every((node) => routes.has(node));
    const setupKey = JSON.stringify([setup, from.seeded ? null : from.starts]);
    if (exhausted.has(setupKey)) return;

    const seeds = from.seeded
      ? [...routes.values()].sort((a, b) => a.moves.length - b.moves.length).map(({ email, moves, enter }) => ({ email, moves, ...(enter ? { enter } : {}) }))
      : [];
    const seen = new Set<string>();
    let frontier: Start[] = [...seeds, ...from.starts];
    while (frontier.length > 0 && !done()) {
      const next: Start[] = [];
      for (const start of frontier) {
        if (start.moves.length > maxMoves) continue;
        const route: StepRoute = { flowId: flow.id, node: '', email: start.email, moves: start.moves, ...setup, ...(start.enter ? { enter: start.enter } : {}) };
        const run = await runner.run(route);
        replays++;
        run.actor.stop();
        if (run.unusedMoves.length > 0 || run.misfit) continue;
        for (const [step, ops] of run.operations) operations.set(step, new Set([...(operations.get(step) ?? []), ...ops]));
        for (const node of run.visited) if (!routes.has(node)) routes.set(node, { ...route, node });
        if (done()) return;
        const state = `${run.stoppedAt}|${run.stateKey}`;
        if (seen.has(state)) continue;
        seen.add(state);
        for (const move of nextMoves(run, addresses)) next.push({ ...start, moves: [...start.moves, move] });
      }
      frontier = next;
    }
    if (!done()) exhausted.add(setupKey);
  };

  const full = fullSetup();
  await search(full, nodes);
  // Steps reached only through a named entry: a session that jumps there first, as the agent's
  // "paste an error" dialog does, searched from those starts alone.
  const entered = entryStarts(flow, starts, now);
  const fromEntries = onlyFromEntries(flow).filter((node) => !routes.has(node));
  if (entered.length > 0 && fromEntries.length > 0) await search(full, fromEntries, { starts: entered, seeded: false });
  const edges = [...flowEdges(flow.steps), ...unsupportedEdges(flow)];
  const codes = deliveryCodes(flow, now);
  const links = linkOrigins(flow, now);
  const peerCodes = domainCodes(now);
  for (const node of nodes) {
    const tried = new Set<string>();
    for (const setup of proposeSetups(node, { flow, edges, codes, links, peerCodes, routes, operations, depth: 0 })) {
      if (routes.has(node)) break;
      const key = JSON.stringify(setup);
      if (tried.has(key)) continue;
      tried.add(key);
      await search(setup, [node]);
    }
  }

  return {
    flowId: flow.id,
    nodes,
    routes: new Map(nodes.flatMap((node) => (routes.has(node) ? [[node, routes.get(node) as StepRoute]] : []))),
    unreachable: nodes.filter((node) => !routes.has(node)),
    operations: new Map([...operations].map(([step, ops]) => [step, [...ops]])),
    replays,
  };
}

export interface ReplayOptions {
  /** @default 2026-11-22T10:00:00Z */
  now?: number;
  /** Stop as soon as the session enters this node (default: the route's own node, if it has one). */
  until?: string;
  /** Instead of `until`: once the session has entered this node, stop at the first screen it rests on (after a call's outcome, say). */
  restAfter?: string;
}

export interface RouteRun {
  actor: Actor<FlowMachine>;
  compiled: CompiledFlow;
  backend: MemoryBackend;
  /** Every node the session entered, in order, checks and calls included. */
  visited: string[];
  /** The screens the session rested on, in order, with the event the run sent there (none on the last). */
  screens: RouteScreen[];
  /** The node the session rests at (a question, input, outcome, failed screen, or the call it was stopped in). */
  stoppedAt: string | undefined;
  unusedMoves: RouteMove[];
  /** A move did not fit the step it was meant for. */
  misfit: boolean;
  /** Backend operations called, by the action step that called them. */
  operations: Map<string, DemoOperation[]>;
  /** What the session knows (address, facts, last error), to tell two states at one node apart. */
  stateKey: string;
}

/**
 * Plays a route on the real compiled machine against a fresh demo backend set up as the route
 * says: answers from `moves`, info steps continued, waits skipped. Stops at `until` (or the route's
 * node), an outcome, a failed call without a move for it, or a question without a move.
 */
export async function replayRoute(flow: Flow, route: Omit<StepRoute, 'node'> & { node?: string }, options: ReplayOptions = {}): Promise<RouteRun> {
  const runner = createRunner(flow, route, options.now ?? defaultNow);
  if (!runner) throw new Error(`${flow.id} does not compile with ${route.capabilities.join(', ') || 'no capabilities'}`);
  return runner.run(route, options);
}

/** The graph node a snapshot value stands for (`{ resend: 'failed' }` → `resend/failed`). */
export function nodeOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const [step, sub] = Object.entries(value as Record<string, string>)[0] as [string, string];
  return sub === 'failed' ? failedNodeId(step) : step;
}

/** A representative error of each kind, as a backend would report it. */
export function errorOfKind(kind: BackendErrorKind): BackendError {
  if (kind === 'rate_limited') return { kind, retryAfterMs: 60_000 };
  if (kind === 'unavailable') return { kind, cause: 'server', status: 503 };
  return { kind } as BackendError;
}

/** The full demo: every capability, the default policy, the seed's delivery log, no faults. */
export function fullSetup(): DemoSetup {
  return { capabilities: [...allCapabilities], policy: {}, delivery: null, faults: [] };
}

type Start = { email: string | null; moves: RouteMove[]; enter?: FlowEnter };

/** The nodes the graph leads to from the flow's entries but not from its start step. */
function onlyFromEntries(flow: Flow): string[] {
  const edges = [...flowEdges(flow.steps), ...unsupportedEdges(flow)];
  const reach = (from: readonly string[]) => {
    const seen = new Set(from);
    const queue = [...from];
    for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
      for (const edge of edges) {
        if (edge.from !== node || seen.has(edge.to)) continue;
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
    return seen;
  };
  const fromStart = reach([flow.start]);
  return [...reach(Object.values(flow.entries ?? {}))].filter((node) => !fromStart.has(node));
}

/**
 * Each start again, opened at each of the flow's entries: `escalate` as it is, `deliveryError`
 * with the finding a pasted bounce (a bare 550) is classified as.
 */
function entryStarts(flow: Flow, starts: readonly Start[], now: number): Start[] {
  const at = new Date(now).toISOString();
  const finding = latestDeliveryProblem([{ at, email: 'someone@example.com', ...demoDeliveryFailure('550') }]);
  const enters: FlowEnter[] = Object.keys(flow.entries ?? {}).flatMap((entry): FlowEnter[] => {
    if (entry === 'escalate') return [{ type: 'flow.enter', entry }];
    if (entry === 'deliveryError' && finding) return [{ type: 'flow.enter', entry, finding }];
    return [];
  });
  return enters.flatMap((enter) => starts.map((start) => ({ ...start, enter })));
}

/** A screen a run rested on: a step (or its failed screen, or a call it was stopped in) and what the run did there. */
export interface RouteScreen {
  node: string;
  event?: SessionEvent;
  /** On a failed screen: the error it shows. */
  error?: BackendError;
  /** A side effect waiting for its second press: the screen asks to confirm (also where a run stops there). */
  confirming?: true;
}

interface Runner {
  run(route: Omit<StepRoute, 'node'> & { node?: string }, stop?: Pick<ReplayOptions, 'until' | 'restAfter'>): Promise<RouteRun>;
}

/**
 * One compiled machine for a capability set and policy, reused across runs: its backend calls go
 * to the run's own fresh demo backend. Runs must not overlap (the search awaits each one).
 */
function createRunner(flow: Flow, setup: DemoSetup, now: number): Runner | null {
  const slot: { call: (operation: DemoOperation, args: unknown[]) => unknown } = { call: () => new Promise(() => {}) };
  const forwarding: Record<string, unknown> = { capabilities: () => new Set(setup.capabilities) };
  for (const name of operationNames) forwarding[name] = (...args: unknown[]) => slot.call(name, args);
  const result = compileFlow(flow, { registry, backend: forwarding as unknown as InvitationBackend, policy: { ...defaultPolicy, ...setup.policy }, clock: () => now });
  if (!result.ok) return null;
  const compiled = result.compiled;
  let made: Promise<MemoryBackend> | null = null;

  return {
    async run(route, stop = {}) {
      const until = stop.restAfter ? undefined : (stop.until ?? (route.node || undefined));
      // Built once, as the app builds it from its URL hooks; each run starts from the seed again.
      // Without the generated organisation: a reset per run would rebuild 2,400 people, and no
      // seeded person's route depends on them (their domains have no generated peers).
      made ??= createDemoBackend({ latencyMs: 0, capabilities: setup.capabilities, policy: setup.policy, delivery: setup.delivery, links: setup.links ?? null, faults: [], organisation: 0 }, () => now).then(
        ({ demo }) => demo,
      );
      const demo = await made;
      demo.reset();
      for (const fault of route.faults) demo.injectFault(fault.operation, fault.error);
      const visited: string[] = [];
      const operations = new Map<string, DemoOperation[]>();
      let callingStep: string | null = null;
      slot.call = (operation, args) => {
        if (callingStep) operations.set(callingStep, [...(operations.get(callingStep) ?? []), operation]);
        // Stopped in a call: it stays under way, as `?hold=` keeps it in the browser.
        if (until !== undefined && callingStep === until) return new Promise(() => {});
        return (demo[operation] as (...rest: unknown[]) => unknown)(...args);
      };
      const note = (value: unknown) => {
        const node = nodeOf(value);
        if (visited[visited.length - 1] === node) return;
        visited.push(node);
        if (compiled.flow.steps[node]?.kind === 'action') callingStep = node;
      };
      // A session always enters the start step first (a check: no snapshot ever rests there).
      visited.push(compiled.flow.start);
      const actor = createActor(compiled.machine, {
        input: { email: route.email },
        inspect: (event) => {
          // Children (calls, timers) report snapshots too; only the session's own have a state value.
          if (event.type !== '@xstate.microstep' && event.type !== '@xstate.snapshot') return;
          const value = (event.snapshot as { value?: unknown } | undefined)?.value;
          if (value !== undefined) note(value);
        },
      });
      const queue = [...route.moves];
      const screens: RouteScreen[] = [];
      let misfit = false;
      const reached = () => until !== undefined && visited.includes(until);
      const restAfter = stop.restAfter;
      actor.start();
      note(actor.getSnapshot().value);
      const send = (event: SessionEvent) => {
        screens.push(screenOf(actor.getSnapshot(), event));
        const before = actor.getSnapshot();
        actor.send(event);
        if (actor.getSnapshot() === before) misfit = true;
        note(actor.getSnapshot().value);
      };
      if (route.enter) send(route.enter);
      for (let guard = 0; guard < 300 && !reached() && !misfit; guard++) {
        if (currentStep(compiled.flow, actor.getSnapshot())?.running) {
          await waitFor(actor, (snapshot) => !currentStep(compiled.flow, snapshot)?.running || reached(), { timeout: 2000 });
        }
        if (reached()) break;
        const snapshot = actor.getSnapshot();
        const here = currentStep(compiled.flow, snapshot);
        if (!here || snapshot.hasTag('outcome') || snapshot.hasTag('jump')) break;
        if (restAfter && visited.includes(restAfter) && nodeOf(snapshot.value) !== restAfter) break;
        if (here.confirming) {
          // A side effect's confirmation: the person presses its button (the second press).
          send({ type: 'action.confirm' });
          continue;
        }
        if (here.step.kind === 'info') {
          send({ type: 'step.continue' });
          continue;
        }
        if (here.step.kind === 'wait') {
          send({ type: 'wait.skip' });
          continue;
        }
        const move = queue.shift();
        if (move === undefined) break;
        if (here.failed && typeof move === 'object' && 'press' in move) send({ type: move.press === 'retry' ? 'action.retry' : 'step.continue' });
        else if (here.step.kind === 'question' && typeof move === 'string') send({ type: 'answer.select', optionId: move });
        else if (here.step.kind === 'input' && typeof move === 'object' && 'input' in move) send({ type: 'input.submit', value: move.input });
        else misfit = true;
      }
      const { email, correctedEmail, facts, lastError } = actor.getSnapshot().context;
      if (!misfit) screens.push(screenOf(actor.getSnapshot()));
      return {
        actor,
        compiled,
        backend: demo,
        visited,
        screens,
        stoppedAt: visited[visited.length - 1],
        unusedMoves: queue,
        misfit,
        operations,
        stateKey: JSON.stringify({ email, correctedEmail, facts, lastError }),
      };
    },
  };
}

function screenOf(snapshot: { value: unknown; context: SessionContext; hasTag(tag: string): boolean }, event?: SessionEvent): RouteScreen {
  const node = nodeOf(snapshot.value);
  return {
    node,
    ...(event ? { event } : {}),
    ...(node.endsWith('/failed') && snapshot.context.lastError ? { error: snapshot.context.lastError } : {}),
    ...(snapshot.hasTag('confirming') ? { confirming: true as const } : {}),
  };
}

/** Every move the session could take where it stopped. */
function nextMoves(run: RouteRun, addresses: readonly string[]): RouteMove[] {
  const snapshot = run.actor.getSnapshot();
  const here = currentStep(run.compiled.flow, snapshot);
  if (!here || snapshot.hasTag('outcome') || snapshot.hasTag('jump')) return [];
  if (here.failed) return [{ press: 'retry' }, ...(snapshot.can({ type: 'step.continue' }) ? [{ press: 'continue' } as const] : [])];
  if (here.step.kind === 'question') return here.step.options.map((option) => option.id);
  if (here.step.kind === 'input') return addresses.map((input) => ({ input }));
  return [];
}

interface ProposalContext {
  flow: Flow;
  edges: readonly (FlowEdge | UnsupportedEdge)[];
  codes: Map<string, string>;
  links: Map<string, string>;
  /** Status codes whose failure says something about the recipient's whole domain, one per kind of finding. */
  peerCodes: readonly string[];
  routes: Map<string, StepRoute>;
  operations: Map<string, Set<DemoOperation>>;
  depth: number;
}

type UnsupportedEdge = { from: string; to: string; via: { type: 'unsupported' } };

/** The demo setups that could reach `node`, read backwards from the edges into it, simplest first. */
function proposeSetups(node: string, context: ProposalContext): DemoSetup[] {
  return rankedSetups(node, context)
    .sort((a, b) => a.rank - b.rank)
    .map((proposal) => proposal.setup);
}

function rankedSetups(node: string, context: ProposalContext): { setup: DemoSetup; rank: number }[] {
  if (context.routes.has(node)) return [{ setup: setupOf(context.routes.get(node) as StepRoute), rank: 0 }];
  if (context.depth > 3) return [];
  const proposals: { setup: DemoSetup; rank: number }[] = [];
  for (const edge of context.edges.filter((candidate) => candidate.to === node)) {
    const before = rankedSetups(edge.from, { ...context, depth: context.depth + 1 });
    for (const change of changesFor(edge, context)) {
      for (const { setup, rank } of before) proposals.push({ setup: combine(setup, change), rank: rank + changeRank(change) });
    }
  }
  return proposals;
}

/** `noWait`: every rate_limited fault of the setup comes without a usable Retry-After (`?fault=<op>:rate_limited:none`). */
type Change = Partial<DemoSetup> & { without?: Capability; unlikely?: boolean; noWait?: boolean };

/** Simpler setups first; a check branch taken without any change last (the search that reached the check already tried it). */
function changeRank(change: Change): number {
  if (change.unlikely) return 10;
  return (change.without ? 1 : 0) + (change.noWait ? 1 : 0) + (change.policy ? 1 : 0) + (change.delivery ? 1 : 0) + (change.links ? 1 : 0) + (change.faults?.length ?? 0);
}

function changesFor(edge: FlowEdge | UnsupportedEdge, context: ProposalContext): Change[] {
  const { flow } = context;
  const operationOf = (stepId: string) => [...(context.operations.get(stepId) ?? [])][0];
  const via = edge.via;
  if (via.type === 'error' || via.type === 'failed' || via.type === 'give-up') {
    const action = stepOfNode(edge.from);
    const operation = operationOf(action);
    if (!operation) return [];
    const kind = via.type === 'error' && via.kind !== 'other' ? (via.kind as BackendErrorKind) : failedKind(flow.steps[action] as ActionStep);
    return kind ? [{ faults: [{ operation, error: errorOfKind(kind) }] }] : [];
  }
  if (via.type === 'unsupported') {
    return requiredCapabilities(flow.steps[edge.from]!, registry).map((without) => ({ without }));
  }
  // A check's fallback after a refusal: the backend said to wait, but not for how long.
  if (via.type === 'otherwise') {
    const refusals = context.edges
      .filter((into) => into.to === edge.from && into.via.type === 'error' && into.via.kind === 'rate_limited')
      .flatMap((into): Change[] => {
        const operation = operationOf(stepOfNode(into.from));
        return operation ? [{ noWait: true, faults: [{ operation, error: { kind: 'rate_limited', retryAfterMs: Number.NaN } }] }] : [];
      });
    return [{}, { noWait: true }, ...refusals];
  }
  if (via.type === 'branch') {
    const code = context.codes.get(`${edge.from}#${via.index}`);
    const links = context.links.get(`${edge.from}#${via.index}`);
    const flips = Object.entries(defaultPolicy)
      .filter(([, value]) => typeof value === 'boolean')
      .map(([key, value]) => ({ policy: { [key]: !value } as Partial<Policy> }));
    // An invite expiry of 0: every link, a resend's too, is expired the moment it is made (isResendExpiryPast).
    const instantExpiry: Change = { policy: { inviteExpiryMs: 0 } };
    // Every other invitation's latest attempt failing while this person's own arrived: colleagues at their domain fail.
    const email = context.routes.get(edge.from)?.email;
    // Only where the check follows an action that read the invitation list: elsewhere nobody's colleagues are looked at.
    const readsPeers = context.edges.some((into) => into.to === edge.from && (context.operations.get(stepOfNode(into.from))?.has('listInvitations') ?? false));
    const spared: Change[] = email && readsPeers ? context.peerCodes.map((peerCode) => ({ delivery: `${peerCode}:except:${email}` })) : [];
    return [...(code ? [{ delivery: code }] : []), ...(links ? [{ links }] : []), ...spared, ...flips, instantExpiry, { unlikely: true }];
  }
  return [{}];
}

function combine(setup: DemoSetup, change: Change): DemoSetup {
  const faults = [...setup.faults, ...(change.faults ?? [])]
    .filter((fault, index, all) => all.findIndex((other) => other.operation === fault.operation && other.error.kind === fault.error.kind) === index)
    .map((fault) => (change.noWait && fault.error.kind === 'rate_limited' ? { ...fault, error: { ...fault.error, retryAfterMs: Number.NaN } } : fault));
  return {
    capabilities: setup.capabilities.filter((capability) => capability !== change.without),
    policy: { ...setup.policy, ...change.policy },
    delivery: change.delivery ?? setup.delivery,
    faults,
    ...(change.links ?? setup.links ? { links: change.links ?? setup.links } : {}),
  };
}


function setupOf(route: StepRoute): DemoSetup {
  return { capabilities: route.capabilities, policy: route.policy, delivery: route.delivery, faults: route.faults, ...(route.links ? { links: route.links } : {}) };
}

/** A step's `unsupported` target as an edge: where its traffic goes when a capability is missing. */
function unsupportedEdges(flow: Flow): UnsupportedEdge[] {
  return Object.entries(flow.steps).flatMap(([from, step]) => (step.unsupported ? [{ from, to: step.unsupported, via: { type: 'unsupported' as const } }] : []));
}

/** The error kind shown on an action step's failed screen (or sent on to errors.other): an outage if the step does not route it, else the first kind it does not route. */
export function failedKind(step: ActionStep): BackendErrorKind | undefined {
  const unrouted = unroutedErrorKinds(step);
  return unrouted.includes('unavailable') ? 'unavailable' : unrouted[0];
}

/**
 * For each check branch (`<step>#<index>`) whose guard turns true on a failed delivery: the first
 * status code (bare reply codes, then enhanced codes) whose demo delivery failure makes it true.
 */
function deliveryCodes(flow: Flow, now: number): Map<string, string> {
  const candidates = [
    ...['450', '550', '552', '553', '554'],
    ...['5', '4'].flatMap((cls) => Array.from({ length: 8 }, (_, subject) => Array.from({ length: 30 }, (__, detail) => `${cls}.${subject}.${detail}`)).flat()),
  ];
  const at = new Date(now).toISOString();
  const findings = candidates.map((code) => {
    const finding = latestDeliveryProblem([
      { at, email: 'someone@example.com', kind: 'sent' },
      { at, email: 'someone@example.com', ...demoDeliveryFailure(code) },
    ]);
    return [code, finding] as const;
  });
  const codes = new Map<string, string>();
  for (const [id, step] of Object.entries(flow.steps)) {
    if (step.kind !== 'check') continue;
    step.branches.forEach((branch, index) => {
      const [name, params] = typeof branch.when === 'string' ? [branch.when, undefined] : [branch.when.type, branch.when.params];
      const guard = registry.guards[name];
      if (!guard) return;
      const holds = (delivery: SessionContext['facts']['delivery']) =>
        guard({ context: probeContext({ delivery }), policy: defaultPolicy, now }, params as never);
      if (holds(null)) return;
      const found = findings.find(([, finding]) => finding && holds(finding));
      if (found) codes.set(`${id}#${index}`, found[0]);
    });
  }
  return codes;
}

/**
 * One status code per kind of delivery finding that is about the recipient's domain rather than
 * one mailbox or our own sending: no sending reason, and not an address, suppression, full-mailbox
 * or not-a-bounce finding (as loadDomainPeers counts them).
 */
function domainCodes(now: number): string[] {
  const at = new Date(now).toISOString();
  const personal = new Set(['fix-address', 'resend-suppressed', 'wait-full-mailbox', 'fix-sending-setup', 'not-a-bounce']);
  const byAction = new Map<string, string>();
  for (const code of ['450', '550', '5.7.1', '4.7.0']) {
    const finding = latestDeliveryProblem([{ at, email: 'someone@example.com', kind: 'sent' }, { at, email: 'someone@example.com', ...demoDeliveryFailure(code) }]);
    if (finding && !finding.reason && !personal.has(finding.action) && !byAction.has(finding.action)) byAction.set(finding.action, code);
  }
  return [...byAction.values()];
}

/** A session that has just begun, knowing only `facts`: what a guard is probed with. */
function probeContext(facts: SessionContext['facts']): SessionContext {
  return { email: 'someone@example.com', facts, answers: {}, trail: [], transcript: [] } as unknown as SessionContext;
}

/** Invite links on a host only the product's own machine reaches: a public URL left at its development default. */
const misconfiguredLinkOrigin = 'http://localhost:3000';

/** For each check branch whose guard turns true when invite links point at {@link misconfiguredLinkOrigin}: that origin. */
function linkOrigins(flow: Flow, now: number): Map<string, string> {
  const links = new Map<string, string>();
  for (const [id, step] of Object.entries(flow.steps)) {
    if (step.kind !== 'check') continue;
    step.branches.forEach((branch, index) => {
      const [name, params] = typeof branch.when === 'string' ? [branch.when, undefined] : [branch.when.type, branch.when.params];
      const guard = registry.guards[name];
      if (!guard) return;
      const holds = (facts: SessionContext['facts']) => guard({ context: probeContext(facts), policy: defaultPolicy, now }, params as never);
      if (!holds({}) && holds({ sending: { configured: true, linkOrigin: misconfiguredLinkOrigin } })) links.set(`${id}#${index}`, misconfiguredLinkOrigin);
    });
  }
  return links;
}

/**
 * The seed's addresses, and for each an address nobody has (`new.` + it) that keeps its domain,
 * so "not found" and "not found, but a typo is likely" are reachable from the seed alone.
 */
function candidateAddresses(now: number): string[] {
  const seed = demoSeed(now, defaultPolicy);
  const known = [...new Set([...seed.users.map((user) => user.email), ...seed.events.map((event) => event.email), ...seed.suppressed].map((email) => email.toLowerCase()))];
  return [...known, ...known.map((email) => `new.${email}`)];
}

/** What a runner is built for: the compiled machine depends on capabilities and policy, the seed on the delivery code. */
function runnerKey(setup: DemoSetup): string {
  return JSON.stringify([setup.capabilities, setup.policy, setup.delivery, setup.links ?? null]);
}

const operationNames: readonly DemoOperation[] = [
  'findUser',
  'resendInvite',
  'getInviteLink',
  'sendPasswordReset',
  'cancelInvite',
  'inviteUser',
  'deliveryEvents',
  'clearSuppression',
  'listInvitations',
  'sendingStatus',
  'linkEvents',
];

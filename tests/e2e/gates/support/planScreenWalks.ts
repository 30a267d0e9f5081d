import { failedNodeId, hasFailedScreen, type ActionStep, type Flow } from '../../../../src/engine/index.ts';
import type { DemoOperation } from '../../../../src/app/appBackend.ts';
import { errorOfKind, failedKind, replayRoute, type FlowRoutes, type RouteFault, type RouteScreen, type StepRoute } from '../../../support/findStepRoutes.ts';
import { predictFault } from './predictFault.ts';


export interface ScreenWalk {
  route: StepRoute;
  /** The screens the walk passes, as the Node replay saw them; the last is the route's own node. */
  screens: RouteScreen[];
  /** The screens this walk is the first to reach, to check there. */
  check: string[];
  /** For an action step's "working…" screen: the call to keep under way (`?hold=`). */
  hold?: { operation: DemoOperation; call: number };
  /** After the held screen: released, the call fails with this fault and shows this failed screen. */
  then?: { fault: RouteFault; screen: RouteScreen };
}

export interface ScreenPlan {
  /** Every node of the flow's graph. */
  nodes: string[];
  /** Nodes with a screen of their own. */
  screens: string[];
  /** The screens to check (those `wanted`). */
  wanted: string[];
  walks: ScreenWalk[];
  /** Checks: they pass in an instant and show nothing. */
  noScreen: string[];
  notShowable: { node: string; why: string }[];
}

/**
 * Which routes to walk so that every wanted screen is passed at least once: each route's screens
 * come from its Node replay; a route is walked only if it reaches a screen no earlier walk did.
 * An action step's "working…" screen needs a walk of its own that holds the call (and can then
 * end on the failed screen); those go first, then the longest routes. A local action never stays
 * on screen long enough to be seen.
 */
export async function planScreenWalks(flow: Flow, found: FlowRoutes, wanted: (node: string) => boolean): Promise<ScreenPlan> {
  const plan: ScreenPlan = { nodes: found.nodes, screens: [], wanted: [], walks: [], noScreen: [], notShowable: [] };
  const candidates: ScreenWalk[] = [];
  for (const node of found.nodes) {
    const step = flow.steps[node];
    if (step?.kind === 'check') {
      plan.noScreen.push(node);
      continue;
    }
    const route = found.routes.get(node);
    if (!route) {
      plan.notShowable.push({ node, why: 'no route: nothing in the demo makes it happen' });
      continue;
    }
    if (route.enter) {
      // The Node search opens these at a flow entry (flow.enter, as the agent's "paste an error" dialog
      // sends it); the page walk starts a session from the start page or /flows/<id> only.
      plan.notShowable.push({ node, why: 'reached only through a flow entry (agent mode\'s paste dialog), which the walk does not replay yet' });
      continue;
    }
    const run = await replayRoute(flow, route);
    run.actor.stop();
    if (step?.kind === 'action') {
      const hold = holdFor(run.operations, node);
      if (!hold) {
        plan.notShowable.push({ node, why: 'a local action: it is done before the screen could show it' });
        continue;
      }
      candidates.push({ route, screens: run.screens, check: [], hold, ...(await failAfterHold(flow, route, node, hold)) });
    } else {
      candidates.push({ route, screens: run.screens, check: [] });
    }
    plan.screens.push(node);
    if (wanted(node)) plan.wanted.push(node);
  }

  const covered = new Set<string>();
  const wantedSet = new Set(plan.wanted);
  // Only a held walk ends in a call under way; every other screen a walk passes is a resting one.
  const order = (walk: ScreenWalk) => (walk.hold ? 1000 : 0) + walk.screens.length;
  for (const walk of [...candidates].sort((a, b) => order(b) - order(a))) {
    const passed = [...walk.screens, ...(walk.then ? [walk.then.screen] : [])];
    const fresh = [...new Set(passed.map((screen) => screen.node))].filter((node) => wantedSet.has(node) && !covered.has(node));
    if (fresh.length === 0) continue;
    for (const node of fresh) covered.add(node);
    plan.walks.push({ ...walk, check: fresh });
  }
  return plan;
}

/** The same plan cut down to some of its walks: their screens are what is wanted then. */
export function keepWalks(plan: ScreenPlan, walks: readonly ScreenWalk[]): ScreenPlan {
  const covered = new Set<string>();
  const kept = walks.map((walk) => {
    const check = [...walk.screens, ...(walk.then ? [walk.then.screen] : [])].map((screen) => screen.node).filter((node) => !covered.has(node) && covered.add(node));
    return { ...walk, check };
  });
  return { ...plan, walks: kept, wanted: [...covered] };
}

/**
 * A held call can fail once released: when it is the first call of its operation, a fault
 * injected up front hits exactly it, so the same page then shows the step's failed screen.
 */
async function failAfterHold(flow: Flow, route: StepRoute, step: string, hold: NonNullable<ScreenWalk['hold']>): Promise<Pick<ScreenWalk, 'then'>> {
  const action = flow.steps[step] as ActionStep;
  const kind = failedKind(action);
  if (!kind || !hasFailedScreen(action) || hold.call !== 1 || route.faults.some((fault) => fault.operation === hold.operation)) return {};
  const fault: RouteFault = { operation: hold.operation, error: errorOfKind(kind) };
  const expected = await predictFault(flow, route, step, fault);
  return expected.landing.node === failedNodeId(step) ? { then: { fault, screen: expected.landing } } : {};
}

/** The call that keeps an action step's "working…" screen up: its operation, and which call of it that is. */
function holdFor(operations: Map<string, DemoOperation[]>, step: string): ScreenWalk['hold'] | null {
  const own = operations.get(step);
  const operation = own?.[own.length - 1];
  if (!operation) return null;
  return { operation, call: [...operations.values()].flat().filter((name) => name === operation).length };
}

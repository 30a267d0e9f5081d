import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCapabilities, failedNodeId, formatFlowProblem, parseFlow, requiredCapabilities, stepOfNode, type Flow } from '../../src/engine/index.ts';
import { createInvitationRegistry } from '../../src/registry/index.ts';
import { relativeToRepo, shippedFlowFiles } from '../../scripts/lib/loadProjectFiles.ts';
// The start page hands its flow an address; every other flow asks for it.
import { startFlowId } from '../../src/app/flowCatalog.ts';
import { findStepRoutes, replayRoute, type FlowRoutes } from '../support/findStepRoutes.ts';
import { readDemoHooks } from '../../src/app/appBackend.ts';
import { createDemoBackend } from '../../src/app/createBackends.ts';
import { demoQuery } from '../e2e/gates/support/demoQuery.ts';

const registry = createInvitationRegistry();

const flows: Flow[] = shippedFlowFiles().map((file) => {
  const parsed = parseFlow(readFileSync(file, 'utf8'), relativeToRepo(file));
  if (!parsed.ok) throw new Error(parsed.problems.map(formatFlowProblem).join('\n'));
  return parsed.flow;
});

describe.each(flows.map((flow) => [flow.id, flow] as const))('routes to every step of %s on the demo backend', (_, flow) => {
  let found: FlowRoutes;
  beforeAll(async () => {
    found = await findStepRoutes(flow, { emailAtStart: flow.id === startFlowId });
    const steps = Object.keys(flow.steps);
    const failedScreens = found.nodes.filter((node) => !flow.steps[node]);
    const reducedSetups = [...found.routes.values()].filter((route) => route.capabilities.length < 8 || Object.keys(route.policy).length > 0 || route.delivery || route.links || route.faults.length > 0);
    console.log(
      `${flow.id}: ${steps.length} steps and ${failedScreens.length} failed screens; routes to ${[...found.routes.keys()].filter((node) => flow.steps[node]).length}/${steps.length} steps ` +
        `and ${[...found.routes.keys()].filter((node) => !flow.steps[node]).length}/${failedScreens.length} failed screens ` +
        `(${reducedSetups.length} need a changed demo setup); ${found.replays} sessions replayed; unreachable: ${found.unreachable.join(', ') || 'none'}`,
    );
  }, 600_000);

  it('finds a route to every step', () => {
    expect(Object.keys(flow.steps).filter((id) => !found.routes.has(id))).toEqual([]);
  });

  it('finds a route to every failed screen: the graph has no screen that nothing in the demo makes happen', () => {
    // A local action's answer cannot change on Try again, so its step must not have a failed screen ("retry": false).
    const missing = found.unreachable.filter((node) => !flow.steps[node]);
    const local = missing.filter((node) => (found.operations.get(stepOfNode(node)) ?? []).length === 0);
    expect(local, 'failed screens of local actions').toEqual([]);
    expect(missing).toEqual([]);
  });

  it('changes the demo only in ways the flow data names: capabilities it requires, operations its actions call', () => {
    const named = new Set(Object.values(flow.steps).flatMap((step) => [
      ...requiredCapabilities(step, registry),
      ...(step.kind === 'question' ? step.options.flatMap((option) => option.requires ?? []) : []),
    ]));
    const called = new Set([...found.operations.values()].flat());
    for (const route of found.routes.values()) {
      for (const capability of allCapabilities.filter((name) => !route.capabilities.includes(name))) expect(named, route.node).toContain(capability);
      for (const fault of route.faults) expect(called, route.node).toContain(fault.operation);
    }
    expect(found.routes.get(flow.start)).toMatchObject({ capabilities: [...allCapabilities], faults: [], delivery: null, policy: {} });
  });

  it('replays every route in Node to its step, with every move used', async () => {
    let replayed = 0;
    for (const route of found.routes.values()) {
      const run = await replayRoute(flow, route);
      run.actor.stop();
      expect(run.misfit, `${route.node}: a move did not fit`).toBe(false);
      expect(run.unusedMoves, `${route.node}: moves left over`).toEqual([]);
      expect(run.visited, `${route.node}: not entered`).toContain(route.node);
      // A check passes on at once; every other node is where the session rests (or calls, for an action).
      if (flow.steps[route.node]?.kind !== 'check') expect(run.stoppedAt, route.node).toBe(route.node);
      if (route.node.endsWith('/failed')) expect(run.visited).toContain(stepOfNode(route.node));
      replayed++;
    }
    console.log(`${flow.id}: ${replayed} routes replayed to their steps`);
    expect(replayed).toBe(found.routes.size);
  });

  it('describes each route\'s demo in URL hooks the app reads back exactly as the search used it', () => {
    for (const route of found.routes.values()) {
      const hooks = readDemoHooks(new URLSearchParams(demoQuery(route)));
      expect(hooks, route.node).toEqual({
        latencyMs: 0,
        capabilities: route.capabilities.length === allCapabilities.length ? null : route.capabilities,
        policy: route.policy,
        delivery: route.delivery,
        links: route.links ?? null,
        faults: route.faults,
        hold: null,
        organisation: 0,
      });
    }
  });

  it('lands a failed screen on the action step it belongs to, from a fault or a failure the demo really produces', async () => {
    for (const [node, route] of found.routes) {
      if (!node.endsWith('/failed')) continue;
      const run = await replayRoute(flow, route);
      run.actor.stop();
      const errors = run.actor.getSnapshot().context.transcript.filter((entry) => entry.type === 'error');
      expect(errors.at(-1)?.stepId, node).toBe(stepOfNode(node));
      expect(failedNodeId(stepOfNode(node))).toBe(node);
    }
  });
});

describe('demo URL hooks that shape the flows', () => {
  it('are kept for the tab, so a reload without them resumes against the same demo', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) } as Storage;
    const opened = readDemoHooks(new URLSearchParams('capabilities=lookup,resend&policy=ssoEnabled:true&delivery=4.2.2&fault=findUser:rate_limited:5000&latency=0'), storage);
    expect(opened).toMatchObject({ capabilities: ['lookup', 'resend'], policy: { ssoEnabled: true }, delivery: '4.2.2', faults: [{ operation: 'findUser', error: { kind: 'rate_limited', retryAfterMs: 5000 } }] });
    const reloaded = readDemoHooks(new URLSearchParams('session=abc'), storage);
    expect(reloaded).toMatchObject({ capabilities: ['lookup', 'resend'], policy: { ssoEnabled: true }, delivery: '4.2.2', faults: [], latencyMs: 350 });
    expect(readDemoHooks(new URLSearchParams('capabilities=all&policy=&delivery='), storage)).toMatchObject({ capabilities: null, policy: {}, delivery: null });
  });

  it('point invite links at another origin with ?links=, an http(s) origin only, kept through a reset', async () => {
    expect(readDemoHooks(new URLSearchParams('links=http://localhost:3000/invite/abc?x=1')).links).toBe('http://localhost:3000');
    expect(readDemoHooks(new URLSearchParams('links=javascript:alert(1)')).links).toBeNull();
    expect(readDemoHooks(new URLSearchParams('')).links).toBeNull();
    const { demo } = await createDemoBackend({ latencyMs: 0, capabilities: null, policy: {}, delivery: null, links: 'http://localhost:3000', faults: [] });
    demo.reset();
    expect(await demo.sendingStatus()).toMatchObject({ ok: true, value: { linkOrigin: 'http://localhost:3000' } });
  });

  it('keep the existing fault hook working', () => {
    expect(readDemoHooks(new URLSearchParams('fault=resendInvite:unavailable:timeout')).faults).toEqual([{ operation: 'resendInvite', error: { kind: 'unavailable', cause: 'timeout' } }]);
    expect(readDemoHooks(new URLSearchParams('fault=resendInvite:rate_limited')).faults).toEqual([{ operation: 'resendInvite', error: { kind: 'rate_limited', retryAfterMs: 60_000 } }]);
    expect(readDemoHooks(new URLSearchParams('fault=resendInvite:nonsense')).faults).toEqual([]);
  });
});

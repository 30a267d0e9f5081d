import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Actor } from 'xstate';
import { createEscalationPacket, createPolicy, currentStep, type CompiledFlow, type FlowMachine, type Policy } from '../engine/index.ts';
import { FlowRunner } from '../ui/FlowRunner.tsx';
import type { WidgetStore } from './createWidgetStore.ts';
import { dispatchWidgetEvent } from './dispatchWidgetEvent.ts';
import { loadWidgetFlow } from './loadWidgetFlow.ts';
import { resolveWidgetBackend, type WidgetBackendResult, type WidgetProblem } from './resolveWidgetBackend.ts';
import { WidgetLoading } from './WidgetLoading.tsx';
import { WidgetProblemView } from './WidgetProblemView.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; problem: WidgetProblem }
  | { status: 'ready'; compiled: CompiledFlow; policy: Policy; key: string };

/** Loads the backend and the flow, runs the session, and tells the host what happens. */
export function WidgetSessionRunner({ store, host }: { store: WidgetStore; host: HTMLElement }) {
  const { options, session } = useSyncExternalStore(store.subscribe, store.getState);
  const { backend: hostBackend, bridge, demo } = options;
  const policyKey = JSON.stringify(options.policy ?? {});
  const [attempt, setAttempt] = useState(0);
  // Each answer remembers the request it answers, so a stale one is simply not used.
  const request = useMemo(() => ({ hostBackend, bridge, demo, policyKey, attempt }), [hostBackend, bridge, demo, policyKey, attempt]);
  const [resolved, setResolved] = useState<{ request: typeof request; result: WidgetBackendResult; policy: Policy } | null>(null);
  const backend = resolved?.request === request ? resolved : null;
  const [compiled, setCompiled] = useState<{ backend: NonNullable<typeof backend>; loaded: Loaded } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let close = () => {};
    const policy = createPolicy(JSON.parse(request.policyKey) as Partial<Policy>);
    void resolveWidgetBackend({ backend: request.hostBackend, bridge: request.bridge, demo: request.demo }, policy).then((result) => {
      if (result.ok) close = result.close;
      if (cancelled) return close();
      if (!result.ok) reportProblem(result.problem);
      setResolved({ request, result, policy });
    });
    return () => {
      cancelled = true;
      close();
    };
  }, [request]);

  useEffect(() => {
    if (!backend?.result.ok) return;
    let cancelled = false;
    const answer = (loaded: Loaded) => {
      if (!cancelled) setCompiled({ backend, loaded });
    };
    void loadWidgetFlow(session.flowId, backend.result.backend, backend.policy).then((result) => {
      if (result.ok) return answer({ status: 'ready', compiled: result.compiled, policy: backend.policy, key: `${session.flowId}@${result.compiled.hash}:${session.key}` });
      reportProblem(result.problem);
      answer({ status: 'failed', problem: result.problem });
    });
    return () => {
      cancelled = true;
    };
  }, [backend, session.flowId, session.key]);

  // While a new session of the same backend compiles, the previous one stays on screen.
  const loaded: Loaded = !backend
    ? { status: 'loading' }
    : !backend.result.ok
      ? { status: 'failed', problem: backend.result.problem }
      : compiled?.backend === backend
        ? compiled.loaded
        : { status: 'loading' };

  const seen = useRef<{ key: string; stepId: string | null; outcome: string | null }>({ key: '', stepId: null, outcome: null });
  const ready = loaded.status === 'ready' ? loaded : null;
  const onChange = useCallback(
    (actor: Actor<FlowMachine>) => {
      if (!ready) return;
      const snapshot = actor.getSnapshot();
      const step = currentStep(ready.compiled.flow, snapshot);
      if (!step) return;
      if (seen.current.key !== ready.key) seen.current = { key: ready.key, stepId: null, outcome: null };
      const flowId = ready.compiled.flow.id;
      if (seen.current.stepId !== step.id) {
        seen.current.stepId = step.id;
        dispatchWidgetEvent(host, 'invite-doctor:step', { flowId, stepId: step.id });
      }
      if (step.step.kind !== 'outcome' || seen.current.outcome === step.id) return;
      seen.current.outcome = step.id;
      const result = step.step.result;
      dispatchWidgetEvent(host, 'invite-doctor:outcome', { result, stepId: step.id, flowId });
      if (result !== 'escalated') return;
      const packet = createEscalationPacket(snapshot.context, { flow: ready.compiled.flow, hash: ready.compiled.hash, outcome: result, now: Date.now() });
      dispatchWidgetEvent(host, 'invite-doctor:escalation', { packet: packet.json, markdown: packet.markdown });
    },
    [ready, host],
  );
  const onJump = useCallback((flowId: string, email: string | null) => store.jump(flowId, email), [store]);

  if (loaded.status === 'failed') return <WidgetProblemView problem={loaded.problem} onRetry={() => setAttempt((count) => count + 1)} />;
  if (!ready) return <WidgetLoading />;
  return (
    <FlowRunner
      key={ready.key}
      compiled={ready.compiled}
      policy={ready.policy}
      input={{ email: session.email }}
      onChange={onChange}
      onJump={onJump}
    />
  );
}

/** Configuration problems also go to the console, for the developer embedding the widget. */
function reportProblem(problem: WidgetProblem) {
  if (problem.kind === 'bridgeUnavailable') return;
  console.error(`invite-doctor: ${describeProblem(problem)}`);
}

function describeProblem(problem: WidgetProblem): string {
  switch (problem.kind) {
    case 'noBackend':
      return 'no invitation backend. Pass `backend` (an InvitationBackend), `bridge: { target, origin }`, or `demo: true` for made-up demo data.';
    case 'badBridge':
      return problem.message;
    case 'unknownFlow':
      return `there is no flow "${problem.flowId}".`;
    case 'invalidFlow':
      return `the flow cannot run:\n${problem.problems.join('\n')}`;
    case 'bridgeUnavailable':
      return 'the host window did not answer over the bridge.';
  }
}

import type { BackendDescription } from './BackendDescription.ts';
import { assign, fromCallback, fromPromise, setup, type AnyActorLogic } from 'xstate';
import type { Flow, CheckStep } from './flowSchema.ts';
import type { FlowRegistry, ActionOutput, GuardParams } from './FlowRegistry.ts';
import type { InvitationBackend } from './InvitationBackend.ts';
import type { FlowProblem } from './FlowProblem.ts';
import type { SessionContext, SessionEvent, SessionInput } from './SessionContext.ts';
import { defaultPolicy, type Policy } from './Policy.ts';
import { systemClock, type Clock } from './Clock.ts';
import { resolveFlow, type ResolvedFlow } from './resolveFlow.ts';
import { hashFlow } from './hashFlow.ts';
import { buildStepState, machineId, toBackendError, type StateConfig } from './buildStepState.ts';
import { backTarget, createInitialContext, enterEntry, goBack, recordNote, restart } from './sessionReducers.ts';

export interface CompileOptions {
  registry: FlowRegistry;
  backend: InvitationBackend;
  /** @default defaultPolicy */
  policy?: Policy;
  /** @default systemClock */
  clock?: Clock;
}

export interface CompiledFlow {
  /** The flow as this backend sees it (unsupported steps gone). */
  flow: ResolvedFlow;
  /** The flow file as loaded. */
  source: Flow;
  /** Identifies flow data + capabilities; saved sessions must match it. */
  hash: string;
  machine: ReturnType<typeof createFlowMachine>;
  /** What the backend says about itself (does a resend rotate the link?); `null` when it does not say. */
  description: BackendDescription | null;
}

export type CompileResult = { ok: true; compiled: CompiledFlow } | { ok: false; problems: FlowProblem[] };

/**
 * Flow data + registry + policy + the backend's capabilities → an XState v5 machine. The machine
 * owns everything a session is: the current step, Back (a trail), Restart, the transcript, wait
 * deadlines and backend calls. The UI only reads snapshots and sends {@link SessionEvent}s.
 */
export function compileFlow(source: Flow, options: CompileOptions): CompileResult {
  const capabilities = options.backend.capabilities();
  const resolved = resolveFlow(source, capabilities, options.registry);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const machine = createFlowMachine(resolved.flow, {
    registry: options.registry,
    backend: options.backend,
    policy: options.policy ?? defaultPolicy,
    clock: options.clock ?? systemClock,
  });
  return { ok: true, compiled: { flow: resolved.flow, source, hash: hashFlow(source, capabilities), machine, description: options.backend.describe?.() ?? null } };
}

function createFlowMachine(flow: ResolvedFlow, options: Required<CompileOptions>) {
  const { registry, backend, policy, clock } = options;

  const actors: Record<string, AnyActorLogic> = {
    waitTimer: fromCallback<SessionEvent, { deadline: number }>(({ input, sendBack }) => {
      // setTimeout overflows past ~24.8 days; a wait is minutes, but never let it fire early.
      const delay = Math.min(Math.max(0, input.deadline - clock()), 2_147_483_647);
      const timer = setTimeout(() => sendBack({ type: 'wait.elapsed' }), delay);
      return () => clearTimeout(timer);
    }),
  };
  for (const step of Object.values(flow.steps)) {
    if (step.kind !== 'action' || actors[step.action]) continue;
    const action = registry.actions[step.action];
    if (!action) continue;
    actors[step.action] = fromPromise<ActionOutput, { context: SessionContext }>(async ({ input, signal }) => {
      let result;
      try {
        result = await action.run({ context: input.context, backend, policy, clock, signal });
      } catch (error) {
        throw toBackendError(error);
      }
      if (!result.ok) throw result.error;
      return result.value;
    });
  }

  const states: Record<string, StateConfig> = {};
  for (const [id, step] of Object.entries(flow.steps)) states[id] = buildStepState(id, step, { clock, policy, registry });

  // Steps Back can return to: every step a person sees, including a side effect's confirmation.
  const visibleSteps = Object.entries(flow.steps)
    .filter(([, step]) => step.kind !== 'check' && (step.kind !== 'action' || registry.actions[step.action]?.sideEffect === true))
    .map(([id]) => id);

  return setup({
    types: {} as { context: SessionContext; events: SessionEvent; input: SessionInput | undefined },
    actors,
    guards: {
      /** One named guard for every check branch, so tests can script branches with `machine.provide`. */
      checkBranch: ({ context }, params: { step: string; index: number }) => {
        const step = flow.steps[params.step] as CheckStep;
        const when = step.branches[params.index]?.when;
        if (!when) return false;
        const [name, guardParams] = typeof when === 'string' ? [when, undefined] : [when.type, when.params as GuardParams | undefined];
        const guard = registry.guards[name];
        return guard ? guard({ context, policy, now: clock() }, guardParams) : false;
      },
    },
  }).createMachine({
    id: machineId,
    context: ({ input }: { input: SessionInput | undefined }) => createInitialContext(flow.id, flow.start, input, clock()),
    initial: flow.start,
    on: {
      'step.back': visibleSteps.map((stepId) => ({
        guard: ({ context }: { context: SessionContext }) => backTarget(context) === stepId,
        target: `.${stepId}`,
        reenter: true,
        actions: assign(({ context }: { context: SessionContext }) => goBack(context, stepId, clock())),
      })),
      'flow.restart': {
        target: `.${flow.start}`,
        reenter: true,
        actions: assign(({ context }: { context: SessionContext }) => restart(context, flow.start, clock())),
      },
      'flow.enter': entryTransitions(flow, clock),
      'note.add': {
        actions: assign(({ context, event }: { context: SessionContext; event: SessionEvent }) =>
          event.type === 'note.add' ? recordNote(context, event.text, clock()) : {},
        ),
      },
    },
    states,
    // The states come from data (checked by validateFlow and the path tests), so the config is
    // not statically typed; the machine's context, events and input still are.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  } as any);
}

export type FlowMachine = CompiledFlow['machine'];

/** One transition per named entry the (resolved) flow still has; other entries are ignored. */
function entryTransitions(flow: ResolvedFlow, clock: Clock) {
  return Object.entries(flow.entries)
    .filter(([, stepId]) => stepId && flow.steps[stepId])
    .map(([entry, stepId]) => ({
      guard: ({ event }: { event: SessionEvent }) => event.type === 'flow.enter' && event.entry === entry,
      target: `.${stepId}`,
      reenter: true,
      actions: assign(({ context, event }: { context: SessionContext; event: SessionEvent }) =>
        enterEntry(context, entry, event.type === 'flow.enter' && event.entry === 'deliveryError' ? event.finding : null, clock()),
      ),
    }));
}

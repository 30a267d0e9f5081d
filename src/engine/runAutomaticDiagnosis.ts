import { createActor, waitFor, type InspectionEvent } from 'xstate';
import type { BackendError } from './BackendError.ts';
import type { CompiledFlow } from './compileFlow.ts';
import { currentStep } from './currentStep.ts';
import type { StepKind, OutcomeResult } from './flowSchema.ts';
import type { InvitedUser, UserStatus } from './InvitationBackend.ts';
import { maskSecrets } from './maskSecrets.ts';
import type { DeliveryFinding, SessionContext } from './SessionContext.ts';

export interface AutomaticDiagnosisOptions {
  /** How long one backend call may run before the diagnosis gives up on it. @default 30000 */
  callTimeoutMs?: number;
  /**
   * Called once with the session's context where it stopped, before the actor is dropped (to
   * build the stop's text parameters). The context holds secrets such as a copied invite link:
   * read what you need, keep nothing.
   */
  onStop?: (context: SessionContext) => void;
}

/** The user facts the wizard branches on, as the backend reported them (no id, no name). */
export interface DiagnosedUser {
  status: UserStatus;
  invitedAt: string | null;
  lastSentAt: string | null;
  expiresAt: string | null;
  sso: boolean;
  team: string;
}

/**
 * Where the automatic part ended: the first thing a person would have to do or decide.
 * `confirm` is a side effect the wizard would offer (never made here); `failed` a call that failed
 * in a way the flow does not route (the wizard would show it with Retry); `timeout` a call still
 * running after `callTimeoutMs`.
 */
export type DiagnosisStop =
  | { kind: 'question' | 'input' | 'info'; stepId: string }
  | { kind: 'wait'; stepId: string; until: string | null }
  | { kind: 'confirm'; stepId: string; action: string }
  | { kind: 'outcome'; stepId: string; result: OutcomeResult }
  | { kind: 'jump'; stepId: string; flow: string }
  | { kind: 'failed'; stepId: string; action: string; error: BackendError }
  | { kind: 'timeout'; stepId: string; action: string };

/** One backend call made on the way, with its error when it failed (the flow may have routed it). */
export interface DiagnosisCall {
  stepId: string;
  action: string;
  error: BackendError | null;
}

/** What the wizard concludes about one address before it needs a person. JSON-safe, no secret in it. */
export interface AutomaticDiagnosis {
  email: string;
  flowId: string;
  /** `not-looked-up`: the flow never got to a lookup (or the backend cannot look users up). */
  lookup: 'found' | 'not-found' | 'not-looked-up';
  user: DiagnosedUser | null;
  /** The latest delivery problem as diagnostics classifies it (`raw` masked); `null` when none was found or read. */
  delivery: DeliveryFinding | null;
  /** Whether the delivery log was read at all. */
  deliveryRead: boolean;
  /** Every step passed through before the stop, checks and calls included, in order. */
  passed: Array<{ stepId: string; kind: StepKind }>;
  calls: DiagnosisCall[];
  stop: DiagnosisStop;
  /** The outcome's result when the flow reached one by itself, else `null`. */
  conclusion: OutcomeResult | null;
}

/**
 * Runs the automatic part of a flow for one address, as the wizard would before showing anything:
 * checks branch, reads (lookup, delivery log, link events, …) call the backend, info steps are
 * passed, and it stops at the first question, input or wait, at an outcome or a hand-over to another
 * flow, or at a side effect's confirmation screen. It never confirms a side effect, so nothing is
 * sent and no invitation changes. Pure: no DOM, no I/O beyond the compiled flow's backend.
 */
export async function runAutomaticDiagnosis(compiled: CompiledFlow, email: string, options: AutomaticDiagnosisOptions = {}): Promise<AutomaticDiagnosis> {
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const { flow } = compiled;
  const passed: Array<{ stepId: string; kind: StepKind }> = [];
  const note = (stepId: string) => {
    const step = flow.steps[stepId];
    if (step && passed[passed.length - 1]?.stepId !== stepId) passed.push({ stepId, kind: step.kind });
  };
  // Every microstep, so eventless check steps (never on the transcript) are seen too.
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.microstep') return;
    const stepId = (event.snapshot as { context?: Partial<SessionContext> }).context?.stepId;
    if (typeof stepId === 'string') note(stepId);
  };
  const actor = createActor(compiled.machine, { input: { email }, inspect });
  actor.start();
  let stop: DiagnosisStop;
  try {
    stop = await advance();
  } finally {
    actor.stop();
  }
  // The stop itself is not "passed through" (its microstep may be reported after the snapshot settles).
  if (passed[passed.length - 1]?.stepId === stop.stepId) passed.pop();
  const context = actor.getSnapshot().context;
  options.onStop?.(context);
  return summarize(context, flow.id, email, passed, stop);

  async function advance(): Promise<DiagnosisStop> {
    for (let guard = 0; guard < 500; guard++) {
      try {
        await waitFor(actor, (snapshot) => !currentStep(flow, snapshot)?.running, { timeout: callTimeoutMs });
      } catch {
        const here = currentStep(flow, actor.getSnapshot());
        return { kind: 'timeout', stepId: here?.id ?? actor.getSnapshot().context.stepId, action: here?.step.kind === 'action' ? here.step.action : '' };
      }
      const snapshot = actor.getSnapshot();
      const here = currentStep(flow, snapshot);
      if (!here) throw new Error(`${flow.id}: the session is in no step`);
      const { id, step } = here;
      switch (step.kind) {
        case 'outcome':
          return { kind: 'outcome', stepId: id, result: step.result };
        case 'flow':
          return { kind: 'jump', stepId: id, flow: step.flow };
        case 'question':
        case 'input':
          return { kind: step.kind, stepId: id };
        case 'wait':
          return { kind: 'wait', stepId: id, until: snapshot.context.waitDeadline === null ? null : new Date(snapshot.context.waitDeadline).toISOString() };
        case 'info':
          // An info step only tells; the wizard goes on from it. A dead end here would be a flow bug.
          if (!step.next) return { kind: 'info', stepId: id };
          actor.send({ type: 'step.continue' });
          continue;
        case 'action':
          if (here.confirming) return { kind: 'confirm', stepId: id, action: step.action };
          if (here.failed) return { kind: 'failed', stepId: id, action: step.action, error: maskError(snapshot.context.lastError) };
          break;
        case 'check':
          break;
      }
      throw new Error(`${flow.id}: ${id} (${step.kind}) neither moved on nor waited for anyone`);
    }
    throw new Error(`${flow.id}: more than 500 automatic steps; the flow loops`);
  }
}

function summarize(context: SessionContext, flowId: string, email: string, passed: AutomaticDiagnosis['passed'], stop: DiagnosisStop): AutomaticDiagnosis {
  const { user, delivery, deliveryEvents } = context.facts;
  const calls: DiagnosisCall[] = [];
  for (const entry of context.transcript) {
    if (entry.type === 'call') calls.push({ stepId: entry.stepId, action: entry.action, error: null });
    if (entry.type === 'error') {
      const last = calls.findLast((call) => call.stepId === entry.stepId && call.action === entry.action && call.error === null);
      if (last) last.error = maskError(entry.error);
    }
  }
  return {
    email,
    flowId,
    lookup: user === undefined ? 'not-looked-up' : user === null ? 'not-found' : 'found',
    user: user ? diagnosedUser(user) : null,
    delivery: delivery ? { ...delivery, raw: maskSecrets(delivery.raw) } : null,
    deliveryRead: deliveryEvents !== undefined,
    passed,
    calls,
    stop,
    conclusion: stop.kind === 'outcome' ? stop.result : null,
  };
}

function diagnosedUser(user: InvitedUser): DiagnosedUser {
  return { status: user.status, invitedAt: user.invitedAt, lastSentAt: user.lastSentAt, expiresAt: user.expiresAt, sso: user.sso, team: user.team };
}

/** A backend's message may quote a request or a link: masked like everything that leaves a session. */
function maskError(error: BackendError | null): BackendError {
  if (!error) return { kind: 'unavailable', cause: 'server', message: 'The call failed without saying why.' };
  return error.message === undefined ? error : { ...error, message: maskSecrets(error.message) };
}

import type { BackendError } from './BackendError.ts';
import { maskSecrets } from './maskSecrets.ts';
import type { ActionOutput } from './FlowRegistry.ts';
import type { DeliveryFinding, SessionContext, SessionInput, TranscriptEntry } from './SessionContext.ts';

/**
 * Pure context updates behind the machine's actions. Kept apart from XState so each rule
 * (what Back drops, what Restart keeps) is readable and testable on its own.
 */
export function createInitialContext(flowId: string, start: string, input: SessionInput | undefined, now: number): SessionContext {
  const email = normaliseInputEmail(input?.email);
  return {
    flowId,
    email,
    initialEmail: email,
    correctedEmail: null,
    facts: { ...(input?.facts ?? {}) },
    answers: {},
    trail: [],
    stepId: start,
    transcript: [],
    waitDeadline: null,
    lastError: null,
    startedAt: now,
  };
}

function normaliseInputEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  return trimmed ? trimmed : null;
}

/** Entering a step: remember where we are; steps a person sees go on the trail and into the transcript. */
export function enterStep(context: SessionContext, stepId: string, visible: boolean, now: number): Partial<SessionContext> {
  // lastError survives entering a step on purpose: a step reached through an error edge shows it.
  // The next backend call clears it.
  const patch: Partial<SessionContext> = { stepId };
  if (visible && context.trail[context.trail.length - 1] !== stepId) {
    patch.trail = [...context.trail, stepId];
    patch.transcript = append(context, { type: 'step', at: now, stepId });
  }
  return patch;
}

/** The step Back leads to: the visible step before the current one, or `null` at the start. */
export function backTarget(context: SessionContext): string | null {
  const { trail, stepId } = context;
  const index = trail[trail.length - 1] === stepId ? trail.length - 2 : trail.length - 1;
  return index >= 0 ? (trail[index] as string) : null;
}

/**
 * Going back to `target`: the trail is cut just before it (entering re-adds it) and answers given
 * after it are dropped, so a changed answer cannot leave stale choices behind. The target's own
 * answer stays, so the question shows what was chosen before.
 */
export function goBack(context: SessionContext, target: string, now: number): Partial<SessionContext> {
  const index = context.trail.lastIndexOf(target);
  const trail = context.trail.slice(0, Math.max(0, index));
  const kept = new Set([...trail, target]);
  const answers = Object.fromEntries(Object.entries(context.answers).filter(([step]) => kept.has(step)));
  return {
    trail,
    answers,
    waitDeadline: null,
    transcript: append(context, { type: 'back', at: now, from: context.stepId, to: target }),
  };
}

/** Restart: a clean case for the same address; the transcript keeps the history of the call. */
export function restart(context: SessionContext, start: string, now: number): SessionContext {
  return {
    ...context,
    email: context.initialEmail,
    correctedEmail: null,
    facts: {},
    answers: {},
    trail: [],
    stepId: start,
    waitDeadline: null,
    lastError: null,
    transcript: append(context, { type: 'restart', at: now }),
  };
}

export function recordAnswer(context: SessionContext, stepId: string, optionId: string, now: number): Partial<SessionContext> {
  return {
    answers: { ...context.answers, [stepId]: optionId },
    transcript: append(context, { type: 'answer', at: now, stepId, optionId }),
  };
}

/** A typed answer. A new address starts a new case, so facts about the old one are dropped. */
export function recordInput(
  context: SessionContext,
  stepId: string,
  field: 'email' | 'correctedEmail',
  value: string,
  now: number,
): Partial<SessionContext> {
  const trimmed = value.trim();
  const transcript = append(context, { type: 'input', at: now, stepId, field, value: trimmed });
  if (field === 'email') return trimmed === context.email ? { transcript } : { email: trimmed, facts: {}, transcript };
  return { correctedEmail: trimmed, transcript };
}

export function recordCall(context: SessionContext, stepId: string, action: string, now: number): Partial<SessionContext> {
  return { lastError: null, transcript: append(context, { type: 'call', at: now, stepId, action }) };
}

export function applyActionOutput(context: SessionContext, stepId: string, action: string, output: ActionOutput, now: number): Partial<SessionContext> {
  // A different address is a different case: facts about the old one must not leak into it.
  const switchesAddress = output.email !== undefined && output.email !== context.email;
  return {
    facts: switchesAddress ? { ...(output.facts ?? {}) } : { ...context.facts, ...(output.facts ?? {}) },
    ...(output.email !== undefined ? { email: output.email } : {}),
    lastError: null,
    transcript: append(context, { type: 'result', at: now, stepId, action, summary: output.summary ?? {} }),
  };
}

export function recordError(context: SessionContext, stepId: string, action: string, error: BackendError, now: number): Partial<SessionContext> {
  return { lastError: error, transcript: append(context, { type: 'error', at: now, stepId, action, error }) };
}

export function recordWaitEnd(context: SessionContext, stepId: string, how: 'elapsed' | 'skipped', now: number): Partial<SessionContext> {
  return { waitDeadline: null, transcript: append(context, { type: 'wait', at: now, stepId, how }) };
}

export function recordNote(context: SessionContext, text: string, now: number): Partial<SessionContext> {
  const trimmed = text.trim();
  if (!trimmed) return {};
  // A link or code typed into a note is masked at once: the call's record never holds it in clear.
  return { transcript: append(context, { type: 'note', at: now, stepId: context.stepId, text: maskSecrets(trimmed) }) };
}

function append(context: SessionContext, entry: TranscriptEntry): TranscriptEntry[] {
  return [...context.transcript, entry];
}

/** Jumping to a named entry (escalate, or a pasted delivery error whose finding joins the facts). */
export function enterEntry(context: SessionContext, entry: string, finding: DeliveryFinding | null, now: number): Partial<SessionContext> {
  const detail = finding ? { category: finding.category, code: finding.code, action: finding.action } : undefined;
  return {
    ...(finding ? { facts: { ...context.facts, delivery: finding } } : {}),
    transcript: append(context, { type: 'entry', at: now, from: context.stepId, entry, ...(detail ? { detail } : {}) }),
  };
}

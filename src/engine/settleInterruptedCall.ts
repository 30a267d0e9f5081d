import type { FlowMachine } from './compileFlow.ts';
import type { SessionContext, TranscriptEntry } from './SessionContext.ts';

type CallEntry = Extract<TranscriptEntry, { type: 'call' }>;

interface PersistedShape {
  value?: unknown;
  context?: SessionContext;
  children?: Record<string, unknown>;
}

/**
 * A saved session that stopped while a side effect's call was under way (the page was closed, or
 * the network went down after the request left and the answer was lost) must not send it again by
 * itself when it resumes: the earlier attempt may have gone through. Restored as saved, XState would
 * start the call's actor again. Instead the session goes back to the step's confirmation and the
 * call's child is dropped, so nothing is sent until the person presses again. Calls without a side
 * effect (lookups, reads) resume as they are. Any other snapshot is returned unchanged.
 */
export function settleInterruptedCall(snapshot: unknown, machine: FlowMachine): unknown {
  if (!snapshot || typeof snapshot !== 'object') return snapshot;
  const persisted = snapshot as PersistedShape;
  const value = persisted.value;
  if (!value || typeof value !== 'object') return snapshot;
  const [stepId, sub] = Object.entries(value as Record<string, unknown>)[0] ?? [];
  if (!stepId || sub !== 'running') return snapshot;
  const state = machine.root.states[stepId];
  if (!state?.states.confirming) return snapshot;
  const children = Object.fromEntries(Object.entries(persisted.children ?? {}).filter(([key]) => !key.includes(`.${stepId}.running`)));
  return { ...persisted, value: { [stepId]: 'confirming' }, children };
}

/**
 * The call of `stepId` that was under way when the session was last saved and never answered: the
 * step's latest transcript entry is its `call`, with no result or error after it. Read on the
 * step's confirmation, where a fresh visit always records a `step` entry first; `null` otherwise.
 */
export function interruptedCall(context: SessionContext, stepId: string): CallEntry | null {
  const last = context.transcript.findLast((entry) => entry.type !== 'note' && 'stepId' in entry && entry.stepId === stepId);
  return last?.type === 'call' ? last : null;
}

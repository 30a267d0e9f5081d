import type { Step } from './flowSchema.ts';
import type { ResolvedFlow } from './resolveFlow.ts';
import type { SessionContext } from './SessionContext.ts';

/** Where a session is, as the UI needs it. */
export interface CurrentStep {
  id: string;
  step: Step;
  /** For action steps with a side effect: waiting for the person to confirm it (`action.confirm`). */
  confirming: boolean;
  /** For action steps: the call is under way. */
  running: boolean;
  /** For action steps: the call failed in a way the flow does not route; show the error with Retry. */
  failed: boolean;
}

/** Reads the current step from a snapshot's value and context. */
export function currentStep(flow: ResolvedFlow, snapshot: { value: unknown; context: SessionContext }): CurrentStep | null {
  const value = snapshot.value;
  const id = typeof value === 'string' ? value : value && typeof value === 'object' ? Object.keys(value)[0] : undefined;
  if (!id) return null;
  const step = flow.steps[id];
  if (!step) return null;
  const sub = typeof value === 'object' && value ? (value as Record<string, unknown>)[id] : undefined;
  return { id, step, confirming: sub === 'confirming', running: sub === 'running', failed: sub === 'failed' };
}

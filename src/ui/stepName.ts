import type { ResolvedFlow, Step } from '../engine/index.ts';
import type { Translate } from './itTicketText.ts';

/** Translation key of the generic name of a step without a title of its own (only a check may lack one). */
export const untitledStepKey = 'app.transcript.untitledStep';
/** Translation key for a step the flow no longer has (an earlier version, or one this backend cannot offer). */
export const unknownStepKey = 'app.transcript.unknownStep';

/**
 * What a step is called wherever people read about it (timelines, transcripts, sessions): its
 * translated title, never its id. A step without a title gets a generic name, and a step the
 * flow no longer has (a session recorded by an earlier version) says so.
 */
export function stepName(flow: ResolvedFlow, stepId: string, text: Translate, params?: Record<string, unknown>): string {
  const step: Step | undefined = flow.steps[stepId];
  if (!step) return text(unknownStepKey);
  return step.title ? text(step.title, params) : text(untitledStepKey);
}

/** What an answer is called: the translated label of the question's option, never its id (`—` for an option the flow no longer has). */
export function answerName(flow: ResolvedFlow, stepId: string, optionId: string, text: Translate, params?: Record<string, unknown>): string {
  const step = flow.steps[stepId];
  const option = step?.kind === 'question' ? step.options.find((candidate) => candidate.id === optionId) : undefined;
  return option ? text(option.label, params) : '—';
}

import type { CurrentStep, SessionContext } from '../engine/index.ts';
import { confirmKey } from './ActionStep.tsx';
import type { Translate } from './itTicketText.ts';
import type { StepTextParams } from './stepTextParams.ts';

/**
 * What a step is called where it is shown: its h1, the tab title and what the live region says.
 * A side effect waiting for its second press asks its own question ("Send a new invitation?"),
 * never the "…ing" title of the call that has not started; every other step shows its title.
 * `exists` tells whether a text key exists (the action's own confirmation texts, else the generic ones).
 */
export function stepTitleText(current: CurrentStep, context: SessionContext, params: StepTextParams, text: Translate, exists: (key: string) => boolean): string {
  if (current.confirming && current.step.kind === 'action') {
    return text(`${confirmKey(current.step.action, exists)}.title`, { ...params, address: context.correctedEmail ?? context.email ?? params.email });
  }
  return current.step.title ? text(current.step.title, params) : '';
}

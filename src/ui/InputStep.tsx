import { useState, type FormEvent } from 'react';
import { checkAddress } from '../diagnostics/index.ts';
import type { InputStep as InputStepData } from '../engine/index.ts';
import { AddressField } from './AddressField.tsx';
import { FactsPanel } from './FactsPanel.tsx';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/** Asks for an address, checked as it is typed; Continue (or Enter) submits it. */
export function InputStep({ id, step }: { id: string; step: InputStepData }) {
  const { actor } = useFlowSession();
  // A correction starts from the address on record, so a typo fix is one click or keystroke away.
  const initial = useSessionSelector((snapshot) => (step.field === 'email' ? snapshot.context.email : (snapshot.context.correctedEmail ?? snapshot.context.email)) ?? '');
  const [value, setValue] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const text = useText();
  const params = useStepParams();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const check = checkAddress(value);
    if (check.valid && check.normalized) actor.send({ type: 'input.submit', value: check.normalized });
  };
  return (
    <form className="id-step" onSubmit={submit} noValidate>
      <StepHeading>{text(step.title, params)}</StepHeading>
      {step.body && <p className="id-body">{text(step.body, params)}</p>}
      <FactsPanel facts={step.facts} />
      <AddressField id={`${id}-value`} label={text(step.label, params)} value={value} onChange={setValue} showProblems={attempted} />
      <button type="submit" className="id-button">
        {text('app.common.continue')}
      </button>
    </form>
  );
}

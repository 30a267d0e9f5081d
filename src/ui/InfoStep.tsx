import type { InfoStep as InfoStepData } from '../engine/index.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/** Something to read (and the facts behind it), then one button onwards. */
export function InfoStep({ step }: { step: InfoStepData }) {
  const { actor } = useFlowSession();
  const text = useText();
  const params = useStepParams();
  return (
    <div className="id-step">
      <StepHeading>{text(step.title, params)}</StepHeading>
      {step.body && <p className="id-body">{text(step.body, params)}</p>}
      <FactsPanel facts={step.facts} />
      <button type="button" className="id-button" onClick={() => actor.send({ type: 'step.continue' })}>
        {text(step.continueLabel ?? 'app.common.continue', params)}
      </button>
    </div>
  );
}

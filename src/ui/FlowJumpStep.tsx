import type { FlowJumpStep as FlowJumpStepData } from '../engine/index.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/** Hands the case to another flow with the same address; the new session keeps a link back here. */
export function FlowJumpStep({ step }: { step: FlowJumpStepData }) {
  const { onJump } = useFlowSession();
  const email = useSessionSelector((snapshot) => snapshot.context.email);
  const text = useText();
  const params = useStepParams();
  return (
    <div className="id-step">
      <StepHeading>{text(step.title, params)}</StepHeading>
      {step.body && <p className="id-body">{text(step.body, params)}</p>}
      <FactsPanel facts={step.facts} />
      {onJump && (
        <button type="button" className="id-button" onClick={() => onJump(step.flow, email)}>
          {text('app.jump.continue')}
        </button>
      )}
    </div>
  );
}

import type { OutcomeStep as OutcomeStepData } from '../engine/index.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { SessionSummary } from './SessionSummary.tsx';
import { StepHeading } from './StepHeading.tsx';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/**
 * Where a session ends: resolved, escalated, not resolved, or waiting for the person (which says
 * how to come back to it), with the summary below.
 */
export function OutcomeStep({ step }: { step: OutcomeStepData }) {
  const text = useText();
  const params = useStepParams();
  const title = text(step.title, params);
  return (
    <div className="id-step">
      <div className={`id-outcome id-outcome--${step.result}`}>
        <p className="id-outcome-badge">{text(`app.outcome.${step.result}`)}</p>
        <StepHeading>{title}</StepHeading>
        {step.body && <p className="id-body">{text(step.body, params)}</p>}
        {step.result === 'waiting' && <p className="id-body">{text('app.outcome.waitingHint')}</p>}
      </div>
      <FactsPanel facts={step.facts} />
      <SessionSummary result={step.result} outcomeTitle={title} shownFacts={step.facts ?? []} />
    </div>
  );
}

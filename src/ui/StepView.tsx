import type { CurrentStep } from '../engine/index.ts';
import { ActionStep } from './ActionStep.tsx';
import { FlowJumpStep } from './FlowJumpStep.tsx';
import { InfoStep } from './InfoStep.tsx';
import { InputStep } from './InputStep.tsx';
import { OutcomeStep } from './OutcomeStep.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import { WaitStep } from './WaitStep.tsx';

/** The view for the current step's kind. Checks pass in an instant and show nothing of their own. */
export function StepView({ current }: { current: CurrentStep }) {
  const { id, step } = current;
  switch (step.kind) {
    case 'question':
      return <QuestionStep id={id} step={step} />;
    case 'input':
      return <InputStep id={id} step={step} />;
    case 'info':
      return <InfoStep step={step} />;
    case 'action':
      return <ActionStep step={step} failed={current.failed} confirming={current.confirming} />;
    case 'wait':
      return <WaitStep step={step} />;
    case 'outcome':
      return <OutcomeStep step={step} />;
    case 'flow':
      return <FlowJumpStep step={step} />;
    case 'check':
      return null;
  }
}

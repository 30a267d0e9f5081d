import { useState, type FormEvent } from 'react';
import type { QuestionStep as QuestionStepData } from '../engine/index.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/** One question, its options as radios in a fieldset whose legend is the page heading, one Continue. */
export function QuestionStep({ id, step }: { id: string; step: QuestionStepData }) {
  const { actor } = useFlowSession();
  const previous = useSessionSelector((snapshot) => snapshot.context.answers[id] ?? null);
  const [choice, setChoice] = useState<string | null>(previous);
  const [missing, setMissing] = useState(false);
  const text = useText();
  const params = useStepParams();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setMissing(true);
      return;
    }
    actor.send({ type: 'answer.select', optionId: choice });
  };
  const describedBy = [step.body ? `${id}-body` : null, missing ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <form className="id-step" onSubmit={submit} noValidate>
      <fieldset className={`id-fieldset${missing ? ' id-field--error' : ''}`} aria-describedby={describedBy}>
        <legend className="id-legend">
          <StepHeading>{text(step.title, params)}</StepHeading>
        </legend>
        {step.body && (
          <p id={`${id}-body`} className="id-body">
            {text(step.body, params)}
          </p>
        )}
        <FactsPanel facts={step.facts} />
        {missing && (
          <p id={`${id}-error`} className="id-error-message" role="alert">
            <span className="id-visually-hidden">{text('app.common.errorPrefix')}</span> {text('app.question.missing')}
          </p>
        )}
        <div className="id-radios">
          {step.options.map((option) => (
            <div className="id-radio" key={option.id}>
              <input
                type="radio"
                id={`${id}-${option.id}`}
                name={id}
                value={option.id}
                checked={choice === option.id}
                aria-describedby={option.hint ? `${id}-${option.id}-hint` : undefined}
                onChange={() => {
                  setChoice(option.id);
                  setMissing(false);
                }}
              />
              <label htmlFor={`${id}-${option.id}`}>{text(option.label, params)}</label>
              {option.hint && (
                <p id={`${id}-${option.id}-hint`} className="id-hint">
                  {text(option.hint, params)}
                </p>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="id-button">
        {text('app.common.continue')}
      </button>
    </form>
  );
}

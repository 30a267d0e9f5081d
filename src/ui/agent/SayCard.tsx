import type { Step } from '../../engine/index.ts';
import { useStepParams } from '../useStepParams.ts';
import { useText } from '../useText.ts';

/**
 * What to say to the person on this step, as a quote to read out: the step's own `say` text
 * (written for reading aloud) when it has one; otherwise, on a question, its title and choices,
 * and on an input step its title. Only steps that ask nothing may have nothing to read out.
 */
export function SayCard({ step }: { step: Step | undefined }) {
  const text = useText();
  const params = useStepParams();
  const asked = step && !step.say && (step.kind === 'question' || step.kind === 'input') ? step : null;
  return (
    <section className="id-agent-say" aria-labelledby="id-agent-say-label">
      <p id="id-agent-say-label" className="id-agent-label">
        {text('agent.say.label')}
      </p>
      {step?.say ? (
        <blockquote className="id-agent-quote">
          <p>{text('agent.say.quote', { text: text(step.say, params) })}</p>
        </blockquote>
      ) : asked ? (
        <blockquote className="id-agent-quote">
          <p>{text('agent.say.quote', { text: text(asked.title, params) })}</p>
          {asked.kind === 'question' && (
            <ul className="id-agent-choices" aria-label={text('agent.say.choices')}>
              {asked.options.map((option) => (
                <li key={option.id}>{text(option.label, params)}</li>
              ))}
            </ul>
          )}
        </blockquote>
      ) : (
        <p className="id-muted">{text('agent.say.none')}</p>
      )}
    </section>
  );
}

import type { Step } from '../../engine/index.ts';
import { useStepParams } from '../useStepParams.ts';
import { useText } from '../useText.ts';

/** What to say to the person on this step, as a quote to read out. */
export function SayCard({ step }: { step: Step | undefined }) {
  const text = useText();
  const params = useStepParams();
  return (
    <section className="id-agent-say" aria-labelledby="id-agent-say-label">
      <p id="id-agent-say-label" className="id-agent-label">
        {text('agent.say.label')}
      </p>
      {step?.say ? (
        <blockquote className="id-agent-quote">
          <p>{text('agent.say.quote', { text: text(step.say, params) })}</p>
        </blockquote>
      ) : (
        <p className="id-muted">{text('agent.say.none')}</p>
      )}
    </section>
  );
}

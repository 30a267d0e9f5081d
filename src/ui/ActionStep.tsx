import type { ActionStep as ActionStepData } from '../engine/index.ts';
import { describeBackendError } from './describeBackendError.ts';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/**
 * A backend call. While it runs, its title says what is happening ("Looking up ana@…");
 * when it fails in a way the flow does not route, the error in plain words, with Retry and,
 * where the flow offers it, a way on without it.
 */
export function ActionStep({ step, failed }: { step: ActionStepData; failed: boolean }) {
  const text = useText();
  const params = useStepParams();
  const title = text(step.title, params);
  if (!failed) {
    return (
      <div className="id-step id-working" aria-busy="true">
        <span className="id-spinner" aria-hidden="true" />
        <StepHeading>{`${title}…`}</StepHeading>
        <p className="id-muted">{text('app.action.working')}</p>
      </div>
    );
  }
  return <FailedAction title={title} />;
}

function FailedAction({ title }: { title: string }) {
  const { actor } = useFlowSession();
  const error = useSessionSelector((snapshot) => snapshot.context.lastError);
  const at = useSessionSelector((snapshot) => snapshot.context.transcript.findLast((entry) => entry.type === 'error')?.at ?? null);
  const canRetry = useSessionSelector((snapshot) => snapshot.can({ type: 'action.retry' }));
  const canContinue = useSessionSelector((snapshot) => snapshot.can({ type: 'step.continue' }));
  const text = useText();
  const format = useFormatters();
  const description = error
    ? describeBackendError(error, at, text, format, 'failed-screen')
    : { title: text('app.errors.unknown.title'), next: text('app.errors.unknown.next') };
  return (
    <div className="id-step id-failed">
      <p className="id-caption">{title}</p>
      <StepHeading>{description.title}</StepHeading>
      <p className="id-body">{description.next}</p>
      <div className="id-actions">
        {canRetry && (
          <button type="button" className="id-button" onClick={() => actor.send({ type: 'action.retry' })}>
            {text('app.action.retry')}
          </button>
        )}
        {canContinue && (
          <button type="button" className="id-button id-button--secondary" onClick={() => actor.send({ type: 'step.continue' })}>
            {text('app.action.continueWithout')}
          </button>
        )}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { interruptedCall, type ActionStep as ActionStepData } from '../engine/index.ts';
import { BackendMessage } from './BackendMessage.tsx';
import { describeBackendError } from './describeBackendError.ts';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/**
 * A backend call. A call with a side effect first says what will happen and waits for a second,
 * deliberate press (`confirming`); while it runs, its title says what is happening ("Looking up
 * ana@…"); when it fails in a way the flow does not route, the error in plain words and the
 * backend's own message, with Retry and, where the flow offers it, a way on without it.
 */
export function ActionStep({ step, failed, confirming = false }: { step: ActionStepData; failed: boolean; confirming?: boolean }) {
  const text = useText();
  const params = useStepParams();
  const title = text(step.title, params);
  if (confirming) return <ConfirmAction step={step} />;
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

/** The key stem of a side effect's confirmation texts: its action's own, or the generic one. */
export function confirmKey(action: string, exists: (key: string) => boolean): string {
  const own = `diagnostics.confirm.${action}`;
  return exists(`${own}.title`) ? own : 'diagnostics.confirm.generic';
}

/** What a side effect will do, to this address, before it is done: the confirm button calls, Back leaves. */
function ConfirmAction({ step }: { step: ActionStepData }) {
  const { actor } = useFlowSession();
  const text = useText();
  const { i18n } = useTranslation('app');
  const params = useStepParams();
  // The address a new invitation goes to: the corrected one where there is one (as inviteUser does).
  const address = useSessionSelector((snapshot) => snapshot.context.correctedEmail ?? snapshot.context.email) ?? params.email;
  const canGoBack = useSessionSelector((snapshot) => snapshot.can({ type: 'step.back' }));
  // Resumed after this very call was under way and never answered (settleInterruptedCall): say it may have gone through.
  const interruptedAt = useSessionSelector((snapshot) => interruptedCall(snapshot.context, snapshot.context.stepId)?.at ?? null);
  const format = useFormatters();
  const key = confirmKey(step.action, (candidate) => i18n.exists(candidate, { ns: 'diagnostics' }));
  const values = { ...params, address };
  return (
    <div className="id-step id-confirm">
      <StepHeading>{text(`${key}.title`, values)}</StepHeading>
      {interruptedAt !== null && (
        <div className="id-notice" role="note">
          <p>{text('diagnostics.interruptedCall.body', { at: format.dateTime(interruptedAt) })}</p>
        </div>
      )}
      <p className="id-body">{text(`${key}.body`, values)}</p>
      <div className="id-actions">
        <button type="button" className="id-button" onClick={() => actor.send({ type: 'action.confirm' })}>
          {text(`${key}.confirm`, values)}
        </button>
        {canGoBack && (
          <button type="button" className="id-button id-button--secondary" onClick={() => actor.send({ type: 'step.back' })}>
            {text('app.nav.back')}
          </button>
        )}
      </div>
    </div>
  );
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
      {error?.message && <BackendMessage message={error.message} />}
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

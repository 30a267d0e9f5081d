import { shallowEqual } from '@xstate/react';
import { currentStep } from '../engine/index.ts';
import { estimateProgress } from './estimateProgress.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/**
 * "Step 4" and a bar. The label gives the fewest screens still possible ("at least"); the bar
 * counts with the most (see `estimateProgress`), so neither claims more than is known.
 */
export function ProgressBar() {
  const { flow } = useFlowSession();
  const text = useText();
  const format = useFormatters();
  const progress = useSessionSelector(
    (snapshot) => estimateProgress(flow, currentStep(flow, snapshot)?.id ?? flow.start, snapshot.context.trail),
    shallowEqual,
  );
  const percent = Math.round(progress.fraction * 100);
  const remaining = progress.atLeastRemaining > 0 ? text('app.progress.remaining', { count: progress.atLeastRemaining }) : text('app.progress.done');
  return (
    <div className="id-progress">
      <p className="id-progress-label">
        <strong>{text('app.progress.step', { step: progress.step })}</strong> <span className="id-muted">· {remaining}</span>
      </p>
      <div
        className="id-progress-track"
        role="progressbar"
        aria-label={text('app.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={format.list([text('app.progress.step', { step: progress.step }), remaining])}
      >
        <div className="id-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

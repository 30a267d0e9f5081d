import { useWidgetText } from './useWidgetText.ts';
import type { WidgetProblem } from './resolveWidgetBackend.ts';

/** Why the widget cannot run a check, in the widget's language; never a stack trace. */
export function WidgetProblemView({ problem, onRetry }: { problem: WidgetProblem; onRetry(): void }) {
  const text = useWidgetText();
  const params = problem.kind === 'unknownFlow' ? { flowId: problem.flowId } : {};
  return (
    <div className="idw-problem" data-problem={problem.kind}>
      <h1 className="id-heading">{text(`widget.problems.${problem.kind}.title`, params)}</h1>
      <p className="id-body">{text(`widget.problems.${problem.kind}.body`, params)}</p>
      {problem.kind === 'bridgeUnavailable' && (
        <button type="button" className="id-button" onClick={onRetry}>
          {text('widget.problems.retry')}
        </button>
      )}
    </div>
  );
}

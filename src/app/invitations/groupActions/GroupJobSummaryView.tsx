import { describeBackendError } from '../../../ui/describeBackendError.ts';
import { useFormatters } from '../../../ui/useFormatters.ts';
import { useText } from '../../../ui/useText.ts';
import type { GroupJob } from './GroupJob.ts';
import { summarizeGroupJob } from './summarizeGroupJob.ts';

interface GroupJobSummaryViewProps {
  job: GroupJob;
  onDone(): void;
}

/** What the job did: how many succeeded, each failure with why (and what to do), what was left out or never started. */
export function GroupJobSummaryView({ job, onDone }: GroupJobSummaryViewProps) {
  const text = useText();
  const format = useFormatters();
  const summary = summarizeGroupJob(job);
  return (
    <div className="id-group-summary">
      <p>{text(`groupActions.summary.succeeded.${job.action}`, { count: summary.succeeded.length })}</p>
      {summary.reinviteByHand.map((item) => (
        <p key={`hand-${item.userId}`} className="id-group-warning">
          {text('groupActions.summary.reinviteByHand', { email: item.email, target: item.target })}
        </p>
      ))}
      {summary.failed.length > 0 && (
        <>
          <p>{text('groupActions.summary.failed', { count: summary.failed.length })}</p>
          <ul className="id-group-list" tabIndex={0} aria-label={text('groupActions.summary.failed', { count: summary.failed.length })}>
            {summary.failed.map((item) => {
              const described = item.error ? describeBackendError(item.error, null, text, format, 'step') : null;
              return <li key={item.userId}>{text('groupActions.summary.failedRow', { email: item.email, title: described?.title ?? '', next: described?.next ?? '' })}</li>;
            })}
          </ul>
        </>
      )}
      {summary.skipped.length > 0 && <p className="id-muted">{text('groupActions.summary.skipped', { count: summary.skipped.length })}</p>}
      {summary.notRun.length > 0 && <p>{text('groupActions.summary.notRun', { count: summary.notRun.length })}</p>}
      <div className="id-actions">
        <button type="button" className="id-button" onClick={onDone}>
          {text('groupActions.summary.done')}
        </button>
      </div>
    </div>
  );
}

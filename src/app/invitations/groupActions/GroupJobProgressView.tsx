import { useNow } from '../../../ui/useNow.ts';
import { useText } from '../../../ui/useText.ts';
import type { GroupJobAnnouncement } from './useGroupJobRun.ts';
import type { GroupJobProgress } from './groupJobProgress.ts';

interface GroupJobProgressViewProps {
  progress: GroupJobProgress;
  announcement: GroupJobAnnouncement;
  stopping: boolean;
  onStop(): void;
}

/**
 * The live progress of a running job: a bar, the count, a countdown while the mail system has
 * asked us to slow down, and Stop. The polite live region speaks every tenth of the way and when
 * a wait starts, not once per invitation.
 */
export function GroupJobProgressView({ progress, announcement, stopping, onStop }: GroupJobProgressViewProps) {
  const text = useText();
  const now = useNow(1_000);
  const percent = progress.total === 0 ? 100 : Math.round((progress.settled / progress.total) * 100);
  const count = text('groupActions.running.progress', { settled: progress.settled, total: progress.total });
  const waitLeft = progress.waitingUntil === null ? null : Math.max(0, Math.ceil((progress.waitingUntil - now) / 1000));
  return (
    <div className="id-group-progress">
      <p className="id-group-progress-label">{count}</p>
      <div className="id-group-track" role="progressbar" aria-label={text('groupActions.running.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={count}>
        <div className="id-group-fill" style={{ width: `${percent}%` }} />
      </div>
      {waitLeft !== null && <p className="id-group-waiting">{text('groupActions.running.waiting', { seconds: waitLeft })}</p>}
      {progress.failed > 0 && <p className="id-muted">{text('groupActions.running.failedSoFar', { count: progress.failed })}</p>}
      <p role="status" aria-live="polite" className="id-visually-hidden">
        {announcement.waitSeconds !== null
          ? text('groupActions.running.waiting', { seconds: announcement.waitSeconds })
          : text('groupActions.running.progress', { settled: announcement.settled, total: announcement.total })}
      </p>
      <div className="id-actions">
        <button type="button" className="id-button id-button--secondary" onClick={onStop} disabled={stopping}>
          {stopping ? text('groupActions.running.stopping') : text('groupActions.running.stop')}
        </button>
      </div>
    </div>
  );
}

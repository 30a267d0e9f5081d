import { useFormatters } from '../../../ui/useFormatters.ts';
import { useText } from '../../../ui/useText.ts';
import type { GroupJob, GroupJobItem } from './GroupJob.ts';
import { defaultGroupJobIntervalMs } from './runGroupJob.ts';

interface GroupJobPreviewProps {
  job: GroupJob;
  onConfirm(): void;
  onClose(): void;
}

/** Shown in full up to this many rows; a longer list scrolls inside its own box. */
const listHeightRows = 8;

/**
 * Exactly what a group job will do before anything happens: who gets an email (or loses an
 * invitation), who is left out and why, how long it takes at the allowed pace, and a confirm
 * button that names the count.
 */
export function GroupJobPreview({ job, onConfirm, onClose }: GroupJobPreviewProps) {
  const text = useText();
  const format = useFormatters();
  const acting = job.items.filter((item) => item.state !== 'skipped');
  const skipped = job.items.filter((item) => item.state === 'skipped');
  const callsPerItem = job.action === 'fixTypo' ? 2 : 1;
  const seconds = Math.max(1, Math.ceil((acting.length * callsPerItem * defaultGroupJobIntervalMs) / 1000));
  const duration = seconds < 120 ? text('groupActions.preview.seconds', { count: seconds }) : text('groupActions.preview.minutes', { count: Math.ceil(seconds / 60) });
  const row = (item: GroupJobItem) => (job.action === 'fixTypo' ? text('groupActions.preview.fixTypoRow', { email: item.email, target: item.target }) : item.email);
  return (
    <div className="id-group-preview">
      {acting.length > 0 ? (
        <>
          <p>{text(`groupActions.preview.act.${job.action}`, { count: acting.length })}</p>
          {job.action !== 'cancel' && <p className="id-muted">{text('groupActions.preview.pace', { perSecond: Math.round(1000 / defaultGroupJobIntervalMs), duration })}</p>}
          <h3 className="id-group-subheading">{text('groupActions.preview.recipients')}</h3>
          <ul className="id-group-list" tabIndex={acting.length > listHeightRows ? 0 : undefined} aria-label={text('groupActions.preview.recipients')}>
            {acting.map((item) => (
              <li key={item.userId}>{row(item)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{text('groupActions.preview.nothing')}</p>
      )}
      {skipped.length > 0 && (
        <>
          <h3 className="id-group-subheading">{text('groupActions.preview.skipped', { count: skipped.length })}</h3>
          <ul className="id-group-list" tabIndex={skipped.length > listHeightRows ? 0 : undefined} aria-label={text('groupActions.preview.skipped', { count: skipped.length })}>
            {skipped.map((item, index) => (
              <li key={`${item.userId}-${index}`}>
                {item.email}: <span className="id-muted">{text(`groupActions.preview.skip.${item.skip?.reason ?? 'notPending'}`, { time: format.dateTime(item.skip?.until ?? null) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="id-actions">
        {acting.length > 0 && (
          <button type="button" className="id-button" onClick={onConfirm}>
            {text(`groupActions.confirm.${job.action}`, { count: acting.length })}
          </button>
        )}
        <button type="button" className="id-button id-button--secondary" onClick={onClose}>
          {text('groupActions.back')}
        </button>
      </div>
    </div>
  );
}

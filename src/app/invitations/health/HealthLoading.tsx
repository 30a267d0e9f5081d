import { useText } from '../../../ui/useText.ts';

export interface HealthLoadingProps {
  phase: 'listing' | 'evidence';
  loaded: number;
  total: number | null;
}

/**
 * Progress while the invitations load: a bar (indeterminate while listing, whose total no page
 * tells) and the same words in a polite live region, so a screen reader hears it move on.
 */
export function HealthLoading({ phase, loaded, total }: HealthLoadingProps) {
  const text = useText();
  const message = phase === 'listing' ? text('invitations.loading.listing', { count: loaded }) : text('invitations.loading.evidence', { loaded, total: total ?? 0 });
  const percent = phase === 'evidence' && total ? Math.round((loaded / total) * 100) : null;
  return (
    <section className="id-health-loading" aria-busy="true" aria-label={text('invitations.loading.label')}>
      <div className="id-progress">
        <p className="id-progress-label" role="status" aria-live="polite">
          {message}
        </p>
        <div
          className="id-progress-track"
          role="progressbar"
          aria-label={text('invitations.loading.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          {...(percent === null ? {} : { 'aria-valuenow': percent })}
          aria-valuetext={message}
        >
          <div className={percent === null ? 'id-progress-fill id-health-indeterminate' : 'id-progress-fill'} style={{ width: `${percent ?? 30}%` }} />
        </div>
      </div>
    </section>
  );
}

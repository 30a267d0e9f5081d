import type { InvitationHealth } from './InvitationHealth.ts';
import type { GroupActionRequest } from './GroupActionRequest.ts';
import { HealthFailed } from './health/HealthFailed.tsx';
import { HealthLoading } from './health/HealthLoading.tsx';
import { HealthReady } from './health/HealthReady.tsx';
import { HealthUnsupported } from './health/HealthUnsupported.tsx';

export interface InvitationHealthViewProps {
  health: InvitationHealth;
  onGroupAction(request: GroupActionRequest): void;
}

/**
 * What `useInvitationHealth` knows, shown: progress while loading, why nothing can be shown, a
 * failure with Try again, or the totals, the groups by cause and domain, the filters and the
 * virtualised list, whose rows open the wizard for that person.
 */
export function InvitationHealthView({ health, onGroupAction }: InvitationHealthViewProps) {
  switch (health.state) {
    case 'loading':
      return <HealthLoading phase={health.phase} loaded={health.loaded} total={health.total} />;
    case 'unsupported':
      return <HealthUnsupported missing={health.missing} />;
    case 'failed':
      return <HealthFailed error={health.error} retry={health.retry} />;
    case 'ready':
      return <HealthReady rows={health.rows} diagnosedAt={health.diagnosedAt} onGroupAction={onGroupAction} />;
  }
}

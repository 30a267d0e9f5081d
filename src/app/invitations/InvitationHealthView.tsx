import type { InvitationHealth } from './InvitationHealth.ts';
import type { GroupActionRequest } from './GroupActionRequest.ts';

export interface InvitationHealthViewProps {
  health: InvitationHealth;
  onGroupAction(request: GroupActionRequest): void;
}

/** Groups, filters and the virtualised list (placeholder: issue 15). */
export function InvitationHealthView({ health }: InvitationHealthViewProps) {
  return <p>{health.state}</p>;
}

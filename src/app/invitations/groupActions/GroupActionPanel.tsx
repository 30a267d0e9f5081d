import type { AppBackend } from '../../appBackend.ts';
import type { GroupActionRequest } from '../GroupActionRequest.ts';

export interface GroupActionPanelProps {
  app: AppBackend;
  /** The action asked for; `null` when none is open (a job resumed after a reload still shows). */
  request: GroupActionRequest | null;
  /** Something changed at the backend: the page loads the invitations again. */
  onChanged(): void;
  onClose(): void;
}

/** Preview, confirmation, progress and summary of one group action (placeholder: issue 15). */
export function GroupActionPanel({ request }: GroupActionPanelProps) {
  return request ? <p>{request.label}</p> : null;
}

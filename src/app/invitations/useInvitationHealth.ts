import type { AppBackend } from '../appBackend.ts';
import type { InvitationHealth } from './InvitationHealth.ts';

/** Loads and diagnoses every invitation (placeholder: issue 15, the health view's owner replaces it). */
export function useInvitationHealth(app: AppBackend | null): InvitationHealth {
  void app;
  return { state: 'loading', phase: 'listing', loaded: 0, total: null };
}

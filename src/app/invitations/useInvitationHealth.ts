import { useEffect, useState } from 'react';
import type { AppBackend } from '../appBackend.ts';
import type { InvitationHealth } from './InvitationHealth.ts';
import { loadInvitationHealth } from './loadInvitationHealth.ts';

const starting: InvitationHealth = { state: 'loading', phase: 'listing', loaded: 0, total: null };

/** What one load (of one backend, one attempt) has reported so far. */
interface LoadState {
  app: AppBackend;
  attempt: number;
  health: InvitationHealth;
}

/**
 * Loads and diagnoses every invitation `app`'s backend lists, with progress (see
 * {@link loadInvitationHealth}). `null` while the backend itself is loading. Without capability
 * `listInvitations` nothing can be shown: `unsupported`. A failure offers `retry`, a ready page
 * `reload`; both load everything again. Leaving the page aborts the calls in flight.
 */
export function useInvitationHealth(app: AppBackend | null): InvitationHealth {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<LoadState | null>(null);
  const supported = Boolean(app?.backend.listInvitations && app.backend.capabilities().has('listInvitations'));
  useEffect(() => {
    if (!app || !supported) return;
    const again = () => setAttempt((count) => count + 1);
    const controller = new AbortController();
    const report = (health: InvitationHealth) => {
      if (!controller.signal.aborted) setLoad({ app, attempt, health });
    };
    void loadInvitationHealth(app.backend, app.policy, { signal: controller.signal, onProgress: (progress) => report({ state: 'loading', ...progress }) }).then((result) =>
      report(result.ok ? { state: 'ready', ...result.value, reload: again } : { state: 'failed', error: result.error, retry: again }),
    );
    return () => controller.abort();
  }, [app, supported, attempt]);
  if (app && !supported) return { state: 'unsupported', missing: ['listInvitations'] };
  // A new backend or attempt starts from nothing, not from the last one's answer.
  return load && load.app === app && load.attempt === attempt ? load.health : starting;
}

import type { SessionAnalyticsEvent } from '../../engine/index.ts';
import type { SessionOutcome } from '../useSettingsStore.ts';

/** Where a session stands, as the app saves it after every transition (its recent-session line). */
export interface SessionMark {
  sessionId: string;
  flowId: string;
  stepId: string;
  outcome: SessionOutcome | null;
}

/**
 * The events that the move from `previous` (the saved mark before this transition; null: the
 * session is new) to `next` means: `started` for a new session, `step` when the step id changed,
 * `ended` when an outcome was reached. Nothing when nothing changed, so a reload resuming the same
 * step reports nothing. A hand-over to another flow is no outcome: that flow's session goes on.
 */
export function sessionProgressEvents(previous: SessionMark | null, next: SessionMark, mode: SessionAnalyticsEvent['mode'], at: string): SessionAnalyticsEvent[] {
  const base = { sessionId: next.sessionId, flowId: next.flowId, at, mode };
  const events: SessionAnalyticsEvent[] = [];
  if (!previous) events.push({ ...base, kind: 'started', stepId: next.stepId });
  else if (previous.stepId !== next.stepId) events.push({ ...base, kind: 'step', stepId: next.stepId });
  if (next.outcome !== null && next.outcome !== 'handed-over' && next.outcome !== previous?.outcome) events.push({ ...base, kind: 'ended', result: next.outcome });
  return events;
}

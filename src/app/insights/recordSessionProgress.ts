import type { RecentSession } from '../useSettingsStore.ts';
import { pageSessionEventSink } from './pageSessionEventSink.ts';
import { sessionProgressEvents, type SessionMark } from './sessionProgressEvents.ts';

/**
 * Reports what changed between a session's saved line before a transition (`previous`, absent for a
 * new session) and after it (`next`): see {@link sessionProgressEvents}. Called by the flow page
 * after each transition, with the line it is about to save.
 */
export function recordSessionProgress(previous: RecentSession | undefined, next: RecentSession, mode: 'admin' | 'agent'): void {
  const mark = (session: RecentSession): SessionMark => ({ sessionId: session.id, flowId: session.flowId, stepId: session.lastStepId, outcome: session.outcome });
  pageSessionEventSink().add(sessionProgressEvents(previous ? mark(previous) : null, mark(next), mode, new Date().toISOString()));
}

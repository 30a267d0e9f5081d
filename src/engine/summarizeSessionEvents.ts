import type { SessionAnalyticsEvent, SessionInsights } from './SessionAnalytics.ts';

/** Thirty minutes: a session quiet for longer, without an end, counts as abandoned. */
export const defaultSessionIdleMs = 30 * 60_000;

interface SessionTally {
  flowId: string;
  startedAt: number | null;
  firstAt: number;
  lastAt: number;
  lastStepId: string | null;
  lastStepAt: number;
  ended: { at: number; result: SessionAnalyticsEvent['result'] } | null;
  helpful: { at: number; value: boolean } | null;
}

/**
 * What a set of session events teaches (see {@link SessionInsights}); the same pure function runs on
 * the server over stored rows and in the browser over the demo's local events. Events may come in
 * any order and repeat (a batch retried): each session is judged by its events sorted by time.
 *
 * - A session's outcome is its latest `ended` event; `waiting` (the person waits for a mail) is
 *   not a verdict yet and counts as `open`, like a session without an end still within `idleMs`.
 * - A session without an end whose latest event is older than `idleMs` before `now` is
 *   `abandoned`; the step it last reached is where it gave up (`dropOffSteps`).
 * - Time to resolution runs from `started` (or the session's first event) to the `resolved` end.
 * - A session's feedback is its latest answer, so a repeated post counts once.
 * Events with an unreadable `at` are ignored.
 */
export function summarizeSessionEvents(events: readonly SessionAnalyticsEvent[], now: number, idleMs: number = defaultSessionIdleMs): SessionInsights {
  const sessions = new Map<string, SessionTally>();
  for (const event of events) {
    const at = Date.parse(event.at);
    if (Number.isNaN(at)) continue;
    const key = `${event.flowId}\u0000${event.sessionId}`;
    let tally = sessions.get(key);
    if (!tally) {
      tally = { flowId: event.flowId, startedAt: null, firstAt: at, lastAt: at, lastStepId: null, lastStepAt: -Infinity, ended: null, helpful: null };
      sessions.set(key, tally);
    }
    tally.firstAt = Math.min(tally.firstAt, at);
    tally.lastAt = Math.max(tally.lastAt, at);
    if (event.kind === 'started') tally.startedAt = tally.startedAt === null ? at : Math.min(tally.startedAt, at);
    if ((event.kind === 'started' || event.kind === 'step') && event.stepId !== undefined && at >= tally.lastStepAt) {
      tally.lastStepId = event.stepId;
      tally.lastStepAt = at;
    }
    if (event.kind === 'ended' && event.result !== undefined && (!tally.ended || at >= tally.ended.at)) tally.ended = { at, result: event.result };
    if (event.kind === 'feedback' && event.helpful !== undefined && (!tally.helpful || at >= tally.helpful.at)) tally.helpful = { at, value: event.helpful };
  }

  const counts = { total: 0, resolved: 0, escalated: 0, notResolved: 0, open: 0, abandoned: 0 };
  const dropOffs = new Map<string, { flowId: string; stepId: string; count: number }>();
  const resolutionSeconds: number[] = [];
  const feedback = { helpful: 0, notHelpful: 0 };
  for (const tally of sessions.values()) {
    counts.total += 1;
    if (tally.helpful) feedback[tally.helpful.value ? 'helpful' : 'notHelpful'] += 1;
    const result = tally.ended?.result;
    if (result === 'resolved') {
      counts.resolved += 1;
      resolutionSeconds.push(Math.max(0, (tally.ended!.at - (tally.startedAt ?? tally.firstAt)) / 1000));
    } else if (result === 'escalated') counts.escalated += 1;
    else if (result === 'not-resolved') counts.notResolved += 1;
    else if (result === 'waiting' || now - tally.lastAt <= idleMs) counts.open += 1;
    else {
      counts.abandoned += 1;
      if (tally.lastStepId !== null) {
        const key = `${tally.flowId}\u0000${tally.lastStepId}`;
        const entry = dropOffs.get(key) ?? { flowId: tally.flowId, stepId: tally.lastStepId, count: 0 };
        entry.count += 1;
        dropOffs.set(key, entry);
      }
    }
  }
  const dropOffSteps = [...dropOffs.values()].sort((a, b) => b.count - a.count || a.flowId.localeCompare(b.flowId) || a.stepId.localeCompare(b.stepId));
  return { sessions: counts, dropOffSteps, medianSecondsToResolution: median(resolutionSeconds), feedback };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

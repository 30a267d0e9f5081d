import type { OutcomeResult } from './flowSchema.ts';

/**
 * What one wizard session reports about itself, for "what sessions teach" on the invite-health
 * page. No address, no name, no link, no free text: an id made for the session, the flow, the
 * step, the result. The SPA posts these to the server (`POST /v1/session-events`) when there is
 * one and keeps them in the browser in the static demo.
 *
 * - `started`: the session began (`stepId` is the first step).
 * - `step`: the person reached `stepId` (the last one before nothing more happens is where they gave up).
 * - `ended`: an outcome was reached (`result`).
 * - `feedback`: the "did this help?" answer at the end (`helpful`).
 */
export interface SessionAnalyticsEvent {
  /** The session's own random id (never derived from an address). */
  sessionId: string;
  flowId: string;
  kind: 'started' | 'step' | 'ended' | 'feedback';
  at: string;
  stepId?: string;
  result?: OutcomeResult;
  helpful?: boolean;
  /** Which face ran it. */
  mode: 'admin' | 'agent' | 'widget';
}

/**
 * What a set of {@link SessionAnalyticsEvent}s teaches (computed by `summarizeSessionEvents`, the same
 * pure function on the server and in the browser). A session with no `ended` event whose last event
 * is older than the idle window counts as `abandoned`, one still within it as `open`.
 */
export interface SessionInsights {
  sessions: { total: number; resolved: number; escalated: number; notResolved: number; open: number; abandoned: number };
  /** Steps where abandoned sessions stopped, most first. */
  dropOffSteps: Array<{ flowId: string; stepId: string; count: number }>;
  /** Median seconds from `started` to a `resolved` end; `null` with no resolved session. */
  medianSecondsToResolution: number | null;
  feedback: { helpful: number; notHelpful: number };
}

import type { SessionAnalyticsEvent } from '../../engine/index.ts';

/** Where the SPA's session events go: the server (`createServerEventSink`) or this browser (`createLocalEventSink`). */
export interface SessionEventSink {
  /** Takes events; never throws and never waits (sending happens later, in batches). */
  add(events: readonly SessionAnalyticsEvent[]): void;
}

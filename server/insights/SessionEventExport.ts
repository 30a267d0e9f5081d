import type { SessionAnalyticsEvent } from '../../src/engine/SessionAnalytics.ts';

/**
 * Where stored session events also go (an OpenTelemetry collector, see
 * `createOtlpSessionEventExport`). `emit` buffers and returns at once: a slow or absent collector
 * never delays or fails a request. `shutdown` sends what is buffered and stops; the app calls it on close.
 */
export interface SessionEventExport {
  emit(events: readonly SessionAnalyticsEvent[]): void;
  shutdown(): Promise<void>;
}

import { sessionAnalyticsEventSchema, type SessionAnalyticsEvent } from '../../engine/index.ts';
import type { SessionEventSink } from './SessionEventSink.ts';

/** The static demo's session events: this browser only. */
export const localSessionEventsKey = 'invite-doctor:session-events';
/** Events kept at most; the oldest go first. About 10 events a session: the last few hundred sessions. */
export const maxLocalSessionEvents = 2_000;

/**
 * The demo's sink: events appended to one localStorage entry, capped at `max` (oldest dropped).
 * They hold ids, kinds, times and results only. A full or refusing storage loses the events quietly:
 * they are a nicety, and the session itself must go on.
 */
export function createLocalEventSink(storage: Storage, max = maxLocalSessionEvents): SessionEventSink {
  return {
    add(events) {
      if (events.length === 0) return;
      try {
        const kept = [...readLocalSessionEvents(storage), ...events].slice(-max);
        storage.setItem(localSessionEventsKey, JSON.stringify(kept));
      } catch {
        // Full or refused: nothing more to do.
      }
    },
  };
}

/** The stored events that still pass the schema (a hand-edited or older entry is skipped, never trusted). */
export function readLocalSessionEvents(storage: Storage): SessionAnalyticsEvent[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(localSessionEventsKey) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) => {
      const result = sessionAnalyticsEventSchema.safeParse(item);
      return result.success ? [result.data] : [];
    });
  } catch {
    return [];
  }
}

import { resolveHttpTransport, type HttpBackendOptions } from '../../adapters/http/HttpBackendOptions.ts';
import { requestJson } from '../../adapters/http/requestJson.ts';
import type { SessionAnalyticsEvent } from '../../engine/index.ts';
import type { SessionEventSink } from './SessionEventSink.ts';

export interface ServerEventSinkOptions extends Pick<HttpBackendOptions, 'baseUrl' | 'fetch' | 'token'> {
  /** How long events gather before a post. @default 2000 ms */
  delayMs?: number;
  /** Events kept waiting at most while the server cannot be reached; the oldest go first. @default 1000 */
  maxQueued?: number;
  /** The longest wait between two failed posts (it doubles from `delayMs`). @default 5 minutes */
  maxBackoffMs?: number;
}

/** The server takes at most this many events per post. */
const maxBatch = 100;

/**
 * Posts events to `POST /v1/session-events` in batches of up to 100, with the API key in the
 * Authorization header as the http adapter sends it (never in the URL). A failed post keeps its
 * events in memory and tries again later (doubling waits; a 429's Retry-After); a 400 (or another 4xx
 * but 401, 403 and 429) drops the batch, which would never be accepted. Events still waiting when the tab closes are lost.
 */
export function createServerEventSink(options: ServerEventSinkOptions): SessionEventSink & { flush(): Promise<void>; pending(): number } {
  const transport = { ...resolveHttpTransport(options), attempts: 1 };
  const delayMs = options.delayMs ?? 2_000;
  const maxQueued = options.maxQueued ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;
  let queue: SessionAnalyticsEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> | null = null;
  let backoffMs = delayMs;

  const schedule = (waitMs: number) => {
    if (timer !== null || queue.length === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, waitMs);
  };

  const send = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      const result = await requestJson(transport, { operation: 'recordSessionEvents', method: 'POST', path: '/v1/session-events', body: { events: batch } });
      // A 4xx other than 401/403/429 (a 400, a 413, a 404 from a server without the route) would only repeat.
      const refused = !result.ok && (result.error.kind === 'not_found' || (result.error.kind === 'unavailable' && (result.error.status ?? 0) >= 400 && (result.error.status ?? 0) < 500));
      if (result.ok || refused) {
        queue = queue.filter((event) => !batch.includes(event));
        backoffMs = delayMs;
        continue;
      }
      const retryAfterMs = result.error.kind === 'rate_limited' ? result.error.retryAfterMs : 0;
      schedule(Math.min(maxBackoffMs, Math.max(backoffMs, retryAfterMs)));
      backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
      return;
    }
  };

  const flush = (): Promise<void> => {
    sending ??= send().finally(() => {
      sending = null;
    });
    return sending;
  };

  return {
    add(events) {
      if (events.length === 0) return;
      queue = [...queue, ...events].slice(-maxQueued);
      if (!sending) schedule(delayMs);
    },
    flush,
    pending: () => queue.length,
  };
}

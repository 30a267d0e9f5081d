import type { BackendError } from '../../src/engine/BackendError.ts';

/** What a provider's SDK told us about a failed call, pulled out of its own error type by the adapter. */
export interface ProviderFailure {
  /** The HTTP status, when the call got an answer. */
  status?: number;
  /** The `Retry-After` header (seconds or an HTTP date) or a number of seconds, when given. */
  retryAfter?: string | number | null;
  /** The provider's error code (`user_not_found`, `UsernameExistsException`), for the message. */
  code?: string;
  /** The provider's own message; shown to admins, so adapters pass only text that holds no secret. */
  message?: string;
}

const defaultRetryAfterMs = 30_000;

/** Milliseconds to wait from a Retry-After value (delta seconds or an HTTP date); the default when unreadable. */
export function retryAfterMs(value: string | number | null | undefined, now: number): number {
  if (value === null || value === undefined || value === '') return defaultRetryAfterMs;
  const seconds = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  if (seconds !== null) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? defaultRetryAfterMs : Math.max(0, date - now);
}

/**
 * The contract's error for a provider failure: 429 → `rate_limited` (Retry-After honoured),
 * 401/403 → `not_permitted`, 404 → `not_found`, 409 and 422-style duplicates → `conflict` (the
 * adapter decides by code), 5xx and anything else → `unavailable` / `server`. The message names the
 * provider and what to do next; it never quotes a request (it may hold a secret).
 */
export function mapProviderFailure(providerName: string, failure: ProviderFailure, now: number): BackendError {
  const detail = failure.message ? ` (${failure.message.slice(0, 300)})` : failure.code ? ` (${failure.code})` : '';
  const status = failure.status;
  if (status === 429) {
    return { kind: 'rate_limited', retryAfterMs: retryAfterMs(failure.retryAfter, now), message: `${providerName} is limiting requests${detail}; try again after the wait.` };
  }
  if (status === 401 || status === 403) {
    return { kind: 'not_permitted', message: `${providerName} refused the server's credentials${detail}. Check the key the server is configured with and its permissions.` };
  }
  if (status === 404) return { kind: 'not_found', message: `${providerName} does not know this user or invitation${detail}.` };
  if (status === 409) return { kind: 'conflict', message: `${providerName} refused the change as it stands${detail}.` };
  return {
    kind: 'unavailable',
    cause: 'server',
    ...(status === undefined ? {} : { status }),
    message: `${providerName} could not answer${status ? ` (HTTP ${status})` : ''}${detail}. Nothing was changed on our side; try again in a moment.`,
  };
}

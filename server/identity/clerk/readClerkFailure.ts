import { isClerkAPIResponseError } from '@clerk/backend/errors';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * Status, Retry-After, code and short message of a Clerk API answer. `@clerk/backend` folds a
 * failed connection and an unreadable body into a status-less `unexpected_error`; those are
 * restored by {@link unfoldClerkTransportError} first, so here a status-less error reads as `null`.
 * Only the short `message` is kept: `long_message` quotes the addresses of the request.
 */
export function readClerkFailure(thrown: unknown): ProviderFailure | null {
  if (!isClerkAPIResponseError(thrown) || typeof thrown.status !== 'number') return null;
  const first = thrown.errors[0];
  return {
    status: thrown.status,
    retryAfter: thrown.retryAfter ?? null,
    ...(first?.code ? { code: first.code } : {}),
    ...(first?.message ? { message: first.message } : {}),
  };
}

const networkMessage = /fetch failed|failed to fetch|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket|network/i;

/**
 * `@clerk/backend` answers a fetch that never got a response, and a body that was not JSON, with a
 * `ClerkAPIResponseError` without status whose one error is `unexpected_error`. Rethrows the
 * first as the `TypeError('fetch failed')` that `callProvider` reads as a network failure, the
 * second as a plain error (read as malformed); anything else unchanged.
 */
export function unfoldClerkTransportError(thrown: unknown): unknown {
  if (!isClerkAPIResponseError(thrown) || typeof thrown.status === 'number') return thrown;
  const first = thrown.errors[0];
  if (first?.code !== 'unexpected_error') return thrown;
  if (networkMessage.test(first.message)) return new TypeError('fetch failed', { cause: thrown });
  return new Error('Clerk answered with a body that is not JSON', { cause: thrown });
}

import { ManagementError } from 'auth0';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * Status, Retry-After, code and message out of the two Auth0 SDK error types: `ManagementError`
 * (Management API and its token request; body `{ statusCode, error, message, errorCode }`) and the
 * Authentication API's `AuthApiError` (`{ error, error_description }`). A `ManagementError`
 * with a 2xx status is a body that was not JSON: `null`, read as malformed. Auth0's messages
 * name fields and limits, never a secret.
 */
export function readAuth0Failure(thrown: unknown): ProviderFailure | null {
  if (thrown instanceof ManagementError) {
    const status = thrown.statusCode;
    if (status === undefined || (status >= 200 && status < 300)) return null;
    const body = typeof thrown.body === 'object' && thrown.body !== null ? (thrown.body as Record<string, unknown>) : {};
    return withDetail(status, readRetryAfter(thrown.rawResponse?.headers), body['errorCode'] ?? body['error'], body['message']);
  }
  if (isAuthApiError(thrown)) {
    return withDetail(thrown.statusCode, readRetryAfter(thrown.headers), thrown.error, thrown.error_description);
  }
  return null;
}

function withDetail(status: number, retryAfter: string | null, code: unknown, message: unknown): ProviderFailure {
  return {
    status,
    retryAfter,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' && message !== '' ? { message: message.slice(0, 200) } : {}),
  };
}

/** `Retry-After`, or Auth0's `X-RateLimit-Reset` (epoch seconds) as an HTTP date. */
function readRetryAfter(headers: Headers | undefined): string | null {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) return retryAfter;
  const reset = Number(headers?.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toUTCString() : null;
}

interface AuthApiErrorShape {
  name: 'AuthApiError';
  statusCode: number;
  error: string;
  error_description: string;
  headers?: Headers;
}

function isAuthApiError(thrown: unknown): thrown is AuthApiErrorShape {
  return thrown instanceof Error && thrown.name === 'AuthApiError' && typeof (thrown as { statusCode?: unknown }).statusCode === 'number';
}

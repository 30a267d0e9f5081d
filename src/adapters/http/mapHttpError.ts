import type { BackendError } from '../../engine/BackendError.ts';
import { notSentReasons, type NotSentReason } from '../../engine/InvitationBackend.ts';
import { apiSchemas } from './apiSchemas.ts';
import { boundRetryAfter, parseRetryAfter } from './parseRetryAfter.ts';

/**
 * Turns a non-2xx response into a typed error. The status decides the kind; the body's
 * `{ error: { kind, message, retryAfterMs } }` only refines it.
 */
export function mapHttpError(status: number, headers: Headers, bodyText: string, operation: string, now: number): BackendError {
  const body = readErrorBody(bodyText);
  const message = body?.message?.slice(0, 300) ?? `${operation}: the server answered HTTP ${status}.`;
  if (status === 429) {
    // Bounded either way (0 … 7 days): a body's number is as untrusted as the header.
    const retryAfterMs = boundRetryAfter(body?.retryAfterMs) ?? parseRetryAfter(headers.get('retry-after'), now) ?? 0;
    return { kind: 'rate_limited', retryAfterMs, message };
  }
  if (status === 401 || status === 403) return { kind: 'not_permitted', message };
  if (status === 404) return { kind: 'not_found', message };
  if (status === 409) return { kind: body?.kind === 'deactivated' ? 'deactivated' : 'conflict', message };
  if (status === 501) return { kind: 'unsupported', message };
  // A 502 is our own mail side refusing the message only when the body says so with a known
  // reason; any other 502 (a proxy in front of the API) stays a plain server failure.
  if (status === 502 && body?.kind === 'not_sent' && isNotSentReason(body.reason)) {
    const retryAfterMs = boundRetryAfter(body.retryAfterMs) ?? parseRetryAfter(headers.get('retry-after'), now);
    return { kind: 'not_sent', reason: body.reason, message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  // Other 4xx mean the client and server disagree about the API; nothing the flow can act on.
  return { kind: 'unavailable', cause: 'server', status, message };
}

function isNotSentReason(value: string | undefined): value is NotSentReason {
  return (notSentReasons as readonly (string | undefined)[]).includes(value);
}

function readErrorBody(text: string) {
  try {
    const parsed = apiSchemas.errorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

import type { BackendError } from '../src/engine/BackendError.ts';

/** What a route answers: a status, a JSON body and extra headers. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The wire form of a typed error: the status a generic HTTP client understands, the kind for ours. */
export function errorResponse(error: BackendError): ApiResponse {
  const body = { error: { ...error, message: error.message ?? error.kind } };
  switch (error.kind) {
    case 'rate_limited':
      return { status: 429, body, headers: { 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) } };
    case 'not_permitted':
      return { status: 403, body };
    case 'not_found':
      return { status: 404, body };
    case 'deactivated':
    case 'conflict':
      return { status: 409, body };
    case 'unsupported':
      return { status: 501, body };
    case 'unavailable':
      return { status: error.status ?? (error.cause === 'timeout' ? 504 : 503), body };
  }
}

/** A 400 for a request this API cannot read. */
export function badRequest(message: string): ApiResponse {
  return { status: 400, body: { error: { kind: 'invalid_request', message } } };
}

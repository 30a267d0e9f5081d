import { HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';

/** A provider's error body for a status, in that provider's own JSON shape. */
export type ErrorBody = (status: number, code: string, message: string) => Record<string, unknown>;

/**
 * The failures a recorded-exchange fake can be told to answer its next request with, built in the
 * provider's error shape: 429 with `Retry-After: 7`, 401, 500, a JSON-typed body that is not JSON,
 * and a dropped connection (`HttpResponse.error()`, which fetch rejects with a TypeError).
 */
export function createFaultQueue(errorBody: ErrorBody) {
  const queue: ProviderFault[] = [];
  const onRequest = new Map<string, ProviderFault>();
  return {
    push(fault: ProviderFault) {
      queue.push(fault);
    },
    /** The next request `METHOD /path` (exactly) answers with this failure, whatever comes before it. */
    on(request: string, fault: ProviderFault) {
      onRequest.set(request, fault);
    },
    /** The response for the fault due for this request (`METHOD /path`), or `undefined` to answer normally. */
    take(request: string): Response | undefined {
      const fault = onRequest.get(request) ?? queue.shift();
      onRequest.delete(request);
      switch (fault) {
        case undefined:
          return undefined;
        case 'rate_limited':
          return HttpResponse.json(errorBody(429, 'too_many_requests', 'Too many requests'), { status: 429, headers: { 'Retry-After': '7' } });
        case 'unauthorized':
          return HttpResponse.json(errorBody(401, 'authentication_invalid', 'Unauthorized request'), { status: 401 });
        case 'server_error':
          return HttpResponse.json(errorBody(500, 'internal_error', 'Something went wrong'), { status: 500 });
        case 'malformed':
          return new HttpResponse('{"data": [{"id": "inv_', { status: 200, headers: { 'Content-Type': 'application/json' } });
        case 'network':
          return HttpResponse.error();
      }
    },
  };
}

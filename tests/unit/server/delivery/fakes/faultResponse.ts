import { HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';

/**
 * The answer a fake gives for a fault, in its provider's error shape: `errorBody(status, message)`
 * is that provider's JSON error body. A 429 carries `Retry-After: 7`; `malformed` is a 200 whose
 * body is not JSON; `network` drops the connection.
 */
export function faultResponse(fault: ProviderFault, errorBody: (status: number, message: string) => unknown, headers: Record<string, string> = {}): Response {
  switch (fault) {
    case 'rate_limited':
      return HttpResponse.json(errorBody(429, 'Too many requests') as object, { status: 429, headers: { 'Retry-After': '7', ...headers } });
    case 'unauthorized':
      return HttpResponse.json(errorBody(401, 'Unauthorized') as object, { status: 401, headers });
    case 'server_error':
      return HttpResponse.json(errorBody(500, 'Internal server error') as object, { status: 500, headers });
    case 'malformed':
      return new HttpResponse('<html><body>Bad gateway</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    case 'network':
      return HttpResponse.error();
  }
}

import { http, HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';
import { faultResponse } from './faultResponse.ts';

/** An entry of the SES v2 account-level suppression list, as `GetSuppressedDestination` answers it (rest-json). */
export interface SesSuppressedDestination {
  EmailAddress: string;
  Reason: 'BOUNCE' | 'COMPLAINT';
  /** Epoch seconds, the rest-json protocol's default timestamp format. */
  LastUpdateTime: number;
  Attributes?: { MessageId?: string; FeedbackId?: string };
}

const errorTypes: Record<number, string> = { 401: 'UnrecognizedClientException', 404: 'NotFoundException', 429: 'TooManyRequestsException', 500: 'InternalFailure' };
const errorBody = (_status: number, message: string) => ({ message });

/**
 * The SES v2 suppression-list API (`/v2/email/suppression/addresses/{EmailAddress}`) as a stateful
 * msw fake: requests must be SigV4-signed with the test access key (403 otherwise), errors carry
 * `x-amzn-ErrorType` and a `{ message }` body (404 `NotFoundException` for an address not on the
 * list), a 429 is `TooManyRequestsException`.
 */
export function createSesFake(origin: string, accessKeyId: string) {
  const list = new Map<string, SesSuppressedDestination>();
  let pendingFault: ProviderFault | null = null;
  const failure = (status: number, message: string) =>
    HttpResponse.json(errorBody(status, message), { status, headers: { 'x-amzn-ErrorType': `${errorTypes[status] ?? 'InternalFailure'}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`, 'x-amzn-RequestId': crypto.randomUUID() } });
  const gate = (request: Request): Response | null => {
    if (pendingFault) {
      const fault = pendingFault;
      pendingFault = null;
      if (fault === 'rate_limited' || fault === 'unauthorized' || fault === 'server_error') {
        const status = { rate_limited: 429, unauthorized: 401, server_error: 500 }[fault];
        const response = failure(status, 'Injected failure');
        if (status === 429) response.headers.set('Retry-After', '7');
        return response;
      }
      return faultResponse(fault, errorBody);
    }
    const authorization = request.headers.get('authorization') ?? '';
    if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) return failure(403, 'The security token included in the request is invalid.');
    return null;
  };
  const path = `${origin}/v2/email/suppression/addresses/:address`;

  return {
    handlers: [
      http.get(path, ({ request, params }) => {
        const refused = gate(request);
        if (refused) return refused;
        const entry = list.get(decodeURIComponent(String(params.address)).toLowerCase());
        return entry ? HttpResponse.json({ SuppressedDestination: entry }) : failure(404, `Email address ${decodeURIComponent(String(params.address))} does not exist on your suppression list.`);
      }),
      http.delete(path, ({ request, params }) => {
        const refused = gate(request);
        if (refused) return refused;
        const key = decodeURIComponent(String(params.address)).toLowerCase();
        if (!list.delete(key)) return failure(404, 'Email address does not exist on your suppression list.');
        return HttpResponse.json({});
      }),
    ],
    fault(fault: ProviderFault) {
      pendingFault = fault;
    },
    suppress(email: string, reason: SesSuppressedDestination['Reason'], at: Date) {
      // SES stores addresses case-insensitively.
      list.set(email.toLowerCase(), { EmailAddress: email, Reason: reason, LastUpdateTime: at.getTime() / 1000, Attributes: { MessageId: `0102018c${crypto.randomUUID().replaceAll('-', '')}-000000`, ...(reason === 'COMPLAINT' ? { FeedbackId: crypto.randomUUID() } : {}) } });
    },
  };
}

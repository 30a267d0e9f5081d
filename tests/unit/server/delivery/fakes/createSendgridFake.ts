import { http, HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';
import { faultResponse } from './faultResponse.ts';

export type SendgridList = 'bounces' | 'blocks' | 'spam_reports' | 'invalid_emails' | 'unsubscribes';

/** An entry as SendGrid's suppression endpoints list it: `created` in unix seconds. */
export interface SendgridEntry {
  created: number;
  email: string;
  reason?: string;
  status?: string;
  ip?: string;
}

const origin = 'https://api.sendgrid.com';
const errorBody = (_status: number, message: string) => ({ errors: [{ field: null, message }] });

/**
 * SendGrid's suppression API (v3) as a stateful msw fake: `Authorization: Bearer <key>` on every
 * request (401 `{ errors: [{ field, message }] }` otherwise), `GET /v3/suppression/<list>/<email>`
 * answers the entries (an empty array when there are none), `GET /v3/asm/suppressions/global/<email>`
 * `{ recipient_email }` for a global unsubscribe (`{}` when none), `DELETE` 204 or 404 when the address is not on that list. Rate limits
 * carry SendGrid's `X-RateLimit-*` headers.
 */
export function createSendgridFake(apiKey: string) {
  const entries = new Map<SendgridList, SendgridEntry[]>();
  let pendingFault: ProviderFault | null = null;
  const list = (name: SendgridList) => entries.get(name) ?? entries.set(name, []).get(name)!;
  const gate = (request: Request): Response | null => {
    if (pendingFault) {
      const fault = pendingFault;
      pendingFault = null;
      return faultResponse(fault, errorBody, { 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 7) });
    }
    if (request.headers.get('Authorization') !== `Bearer ${apiKey}`) return HttpResponse.json(errorBody(401, 'authorization required'), { status: 401 });
    return null;
  };
  const isList = (value: unknown): value is Exclude<SendgridList, 'unsubscribes'> => ['bounces', 'blocks', 'spam_reports', 'invalid_emails'].includes(String(value));

  const handlers = [
    http.get(`${origin}/v3/asm/suppressions/global/:email`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      const found = list('unsubscribes').find((entry) => entry.email.toLowerCase() === String(params.email).toLowerCase());
      return HttpResponse.json(found ? { recipient_email: found.email } : {});
    }),
    http.get(`${origin}/v3/suppression/:list/:email`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      if (!isList(params.list)) return HttpResponse.json(errorBody(404, 'resource not found'), { status: 404 });
      const email = String(params.email).toLowerCase();
      return HttpResponse.json(list(params.list).filter((entry) => entry.email.toLowerCase() === email));
    }),
    http.delete(`${origin}/v3/suppression/:list/:email`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      if (!isList(params.list)) return HttpResponse.json(errorBody(404, 'resource not found'), { status: 404 });
      const entriesOfList = list(params.list);
      const email = String(params.email).toLowerCase();
      const index = entriesOfList.findIndex((entry) => entry.email.toLowerCase() === email);
      if (index < 0) return HttpResponse.json(errorBody(404, 'Email does not exist'), { status: 404 });
      entriesOfList.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    fault(fault: ProviderFault) {
      pendingFault = fault;
    },
    add(name: SendgridList, entry: SendgridEntry) {
      list(name).push(entry);
    },
    /** The next request answers 429 with only SendGrid's X-RateLimit-Reset, `seconds` from now. */
    rateLimitWithReset(seconds: number) {
      const reset = Math.floor(Date.now() / 1000) + seconds;
      const once = http.all(`${origin}/*`, () => HttpResponse.json(errorBody(429, 'too many requests'), { status: 429, headers: { 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) } }), { once: true });
      return once;
    },
  };
}

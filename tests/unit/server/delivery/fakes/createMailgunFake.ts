import { http, HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';
import { faultResponse } from './faultResponse.ts';

/** An event as Mailgun's events API lists it (mailgun.js `DomainEvent`, the fields we seed). */
export interface MailgunEvent {
  id: string;
  event: 'accepted' | 'delivered' | 'failed' | 'complained' | 'opened';
  timestamp: number;
  recipient: string;
  'recipient-domain': string;
  severity?: 'permanent' | 'temporary';
  reason?: string;
  'log-level': string;
  'delivery-status'?: { code: number; 'enhanced-code'?: string; message: string; description: string; 'attempt-no': number; 'mx-host'?: string };
  message: { headers: { to: string; 'message-id': string; from: string; subject: string }; attachments: []; size: number };
  envelope: { transport: string; sender: string; targets: string };
  flags: Record<string, boolean>;
  tags: string[];
  'user-variables': Record<string, unknown>;
}

export type MailgunList = 'bounces' | 'complaints' | 'unsubscribes';

const origin = 'https://api.mailgun.net';
const errorBody = (_status: number, message: string) => ({ message });

/**
 * Mailgun's events and suppressions API (v3) for one domain as a stateful msw fake: HTTP basic
 * auth `api:<key>` (401 with the text `Forbidden` otherwise), events newest first and filtered by
 * `recipient` and `event` (`a OR b`), paged by `limit` (at most 300) with `paging.next` URLs that
 * carry an opaque page token, suppressions by address (404 `{ message }` when not listed).
 */
export function createMailgunFake(apiKey: string, domain: string) {
  const events: MailgunEvent[] = [];
  const lists: Record<MailgunList, { address: string; created_at: string; code?: string; error?: string; tags?: string[] }[]> = { bounces: [], complaints: [], unsubscribes: [] };
  let pendingFault: ProviderFault | null = null;
  let served = 0;
  const gate = (request: Request): Response | null => {
    served += 1;
    if (pendingFault) {
      const fault = pendingFault;
      pendingFault = null;
      return faultResponse(fault, errorBody);
    }
    if (request.headers.get('Authorization') !== `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`) return new HttpResponse('Forbidden', { status: 401 });
    return null;
  };
  const base = `${origin}/v3/${domain}`;
  const eventsPage = (query: { recipient?: string; event?: string; limit: number; offset: number }) => {
    const wanted = query.event ? query.event.split(/\s+OR\s+/) : null;
    const matching = events
      .filter((event) => (!query.recipient || event.recipient.toLowerCase() === query.recipient.toLowerCase()) && (!wanted || wanted.includes(event.event)))
      .sort((a, b) => b.timestamp - a.timestamp);
    const token = (offset: number) => Buffer.from(JSON.stringify({ ...query, offset })).toString('base64url');
    return HttpResponse.json({
      items: matching.slice(query.offset, query.offset + query.limit),
      paging: {
        first: `${base}/events/${token(0)}`,
        last: `${base}/events/${token(Math.max(0, matching.length - query.limit))}`,
        next: `${base}/events/${token(query.offset + query.limit)}`,
        previous: `${base}/events/${token(Math.max(0, query.offset - query.limit))}`,
      },
    });
  };

  const handlers = [
    http.get(`${base}/events`, ({ request }) => {
      const refused = gate(request);
      if (refused) return refused;
      const params = new URL(request.url).searchParams;
      const limit = Number(params.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 300) return HttpResponse.json({ message: 'Invalid limit' }, { status: 400 });
      return eventsPage({ recipient: params.get('recipient') ?? undefined, event: params.get('event') ?? undefined, limit, offset: 0 });
    }),
    http.get(`${base}/events/:page`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      try {
        return eventsPage(JSON.parse(Buffer.from(String(params.page), 'base64url').toString('utf8')));
      } catch {
        return HttpResponse.json({ message: 'Invalid page token' }, { status: 400 });
      }
    }),
    http.get(`${base}/:list/:address`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      const list = lists[String(params.list) as MailgunList];
      const entry = list?.find((item) => item.address.toLowerCase() === String(params.address).toLowerCase());
      return entry ? HttpResponse.json(entry) : HttpResponse.json({ message: `Address not found in ${String(params.list)} table` }, { status: 404 });
    }),
    http.delete(`${base}/:list/:address`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      const list = lists[String(params.list) as MailgunList];
      const index = list ? list.findIndex((item) => item.address.toLowerCase() === String(params.address).toLowerCase()) : -1;
      if (index < 0) return HttpResponse.json({ message: `Address not found in ${String(params.list)} table` }, { status: 404 });
      list!.splice(index, 1);
      return HttpResponse.json({ message: 'Bounced addresses for this domain have been removed', address: String(params.address) });
    }),
  ];

  return {
    handlers,
    get requests() {
      return served;
    },
    fault(fault: ProviderFault) {
      pendingFault = fault;
    },
    addEvent(email: string, event: MailgunEvent['event'], timestamp: number, details: Partial<Pick<MailgunEvent, 'severity' | 'reason' | 'delivery-status'>> = {}) {
      events.push({
        id: crypto.randomUUID(),
        event,
        timestamp,
        recipient: email,
        'recipient-domain': email.split('@')[1] ?? '',
        'log-level': event === 'failed' ? 'error' : 'info',
        message: { headers: { to: email, 'message-id': `${crypto.randomUUID()}@${domain}`, from: `invites@${domain}`, subject: 'You are invited' }, attachments: [], size: 4213 },
        envelope: { transport: 'smtp', sender: `bounce@${domain}`, targets: email },
        flags: { 'is-routed': false, 'is-authenticated': true, 'is-system-test': false, 'is-test-mode': false },
        tags: ['invite'],
        'user-variables': {},
        ...details,
      });
    },
    suppress(list: MailgunList, email: string, createdAt: Date, bounce?: { code: string; error: string }) {
      // Mailgun writes suppression times in RFC 2822 form.
      lists[list].push({ address: email, created_at: createdAt.toUTCString(), ...(bounce ?? {}), ...(list === 'unsubscribes' ? { tags: ['*'] } : {}) });
    },
  };
}

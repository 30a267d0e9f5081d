import { http, HttpResponse } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';
import { faultResponse } from './faultResponse.ts';

/** A bounce as Postmark's `GET /bounces` lists it (postmark.js `Bounce`). */
export interface PostmarkBounce {
  RecordType: 'Bounce';
  ID: number;
  Type: string;
  TypeCode: number;
  Name: string;
  Tag: string;
  MessageID: string;
  ServerID: number;
  MessageStream: string;
  Description: string;
  Details: string;
  Email: string;
  From: string;
  BouncedAt: string;
  DumpAvailable: boolean;
  Inactive: boolean;
  CanActivate: boolean;
  Subject: string;
}

/** A suppression as `GET /message-streams/{stream}/suppressions/dump` lists it. */
export interface PostmarkSuppression {
  EmailAddress: string;
  SuppressionReason: 'HardBounce' | 'SpamComplaint' | 'ManualSuppression';
  Origin: 'Recipient' | 'Customer' | 'Admin';
  CreatedAt: string;
}

const origin = 'https://api.postmarkapp.com';
const errorBody = (status: number, message: string) => ({ ErrorCode: status === 401 ? 10 : status === 429 ? 429 : 0, Message: message });

/**
 * Postmark's bounce and suppression API as a stateful msw fake: the server token is checked on
 * every request (401 with Postmark's `{ ErrorCode: 10, Message }` otherwise), bounces page by
 * `count`/`offset` (both required, count at most 500) newest first, `emailFilter` matches part of
 * the address, and a spam complaint's suppression cannot be deleted (status `Failed`).
 */
export function createPostmarkFake(token: string) {
  const bounces: PostmarkBounce[] = [];
  const suppressions = new Map<string, PostmarkSuppression[]>();
  let nextId = 1;
  let pendingFault: ProviderFault | null = null;
  const streamList = (stream: string) => suppressions.get(stream) ?? suppressions.set(stream, []).get(stream)!;
  const gate = (request: Request): Response | null => {
    if (pendingFault) {
      const fault = pendingFault;
      pendingFault = null;
      return faultResponse(fault, errorBody);
    }
    if (request.headers.get('X-Postmark-Server-Token') !== token) return HttpResponse.json(errorBody(401, 'Request does not contain a valid Server token.'), { status: 401 });
    return null;
  };
  const query = (request: Request, key: string) => {
    for (const [name, value] of new URL(request.url).searchParams) if (name.toLowerCase() === key.toLowerCase()) return value;
    return null;
  };

  const handlers = [
    http.get(`${origin}/bounces`, ({ request }) => {
      const refused = gate(request);
      if (refused) return refused;
      const count = Number(query(request, 'count'));
      const offset = Number(query(request, 'offset'));
      if (!Number.isInteger(count) || count < 1 || count > 500 || !Number.isInteger(offset) || offset < 0 || query(request, 'count') === null || query(request, 'offset') === null) {
        return HttpResponse.json({ ErrorCode: 2, Message: 'The count and offset parameters are required, count at most 500.' }, { status: 422 });
      }
      const filter = query(request, 'emailFilter')?.toLowerCase();
      const matching = bounces.filter((bounce) => !filter || bounce.Email.toLowerCase().includes(filter)).sort((a, b) => b.BouncedAt.localeCompare(a.BouncedAt));
      return HttpResponse.json({ TotalCount: matching.length, Bounces: matching.slice(offset, offset + count) });
    }),
    http.get(`${origin}/message-streams/:stream/suppressions/dump`, ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      const address = query(request, 'emailAddress')?.toLowerCase();
      return HttpResponse.json({ Suppressions: streamList(String(params.stream)).filter((entry) => !address || entry.EmailAddress.toLowerCase() === address) });
    }),
    http.post(`${origin}/message-streams/:stream/suppressions/delete`, async ({ request, params }) => {
      const refused = gate(request);
      if (refused) return refused;
      const body = (await request.json()) as { Suppressions?: { EmailAddress?: string }[] };
      const list = streamList(String(params.stream));
      const statuses = (body.Suppressions ?? []).map(({ EmailAddress = '' }) => {
        const index = list.findIndex((entry) => entry.EmailAddress.toLowerCase() === EmailAddress.toLowerCase());
        if (index >= 0 && list[index]!.SuppressionReason === 'SpamComplaint') return { EmailAddress, Status: 'Failed', Message: 'You do not have the required authority to change this suppression.' };
        if (index >= 0) list.splice(index, 1);
        for (const bounce of bounces) if (bounce.Email.toLowerCase() === EmailAddress.toLowerCase()) bounce.Inactive = false;
        return { EmailAddress, Status: 'Deleted', Message: null };
      });
      return HttpResponse.json({ Suppressions: statuses });
    }),
  ];

  return {
    handlers,
    fault(fault: ProviderFault) {
      pendingFault = fault;
    },
    addBounce(email: string, type: string, typeCode: number, details: string, bouncedAt: string, inactive: boolean) {
      bounces.push({
        RecordType: 'Bounce',
        ID: nextId++,
        Type: type,
        TypeCode: typeCode,
        Name: type,
        Tag: 'invite',
        MessageID: crypto.randomUUID(),
        ServerID: 23,
        MessageStream: 'outbound',
        Description: `The server was unable to deliver your message (${type}).`,
        Details: details,
        Email: email,
        From: 'invites@example.org',
        BouncedAt: bouncedAt,
        DumpAvailable: true,
        Inactive: inactive,
        CanActivate: type !== 'SpamComplaint',
        Subject: 'You are invited',
      });
    },
    addSuppression(stream: string, email: string, reason: PostmarkSuppression['SuppressionReason'], createdAt: string) {
      streamList(stream).push({ EmailAddress: email, SuppressionReason: reason, Origin: reason === 'ManualSuppression' ? 'Customer' : 'Recipient', CreatedAt: createdAt });
    },
  };
}

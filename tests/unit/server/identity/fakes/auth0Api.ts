import { randomBytes } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';

/**
 * One Auth0 tenant as msw handlers, in the shapes of the `auth0` v7 SDK's types and Auth0's API
 * reference: the client-credentials token (`POST /oauth/token`, form-encoded), users by email,
 * users by id, Organization invitations (offset pages with `include_totals` → `{ start, limit,
 * invitations }`), password-change tickets, tenant logs (`q` in Lucene syntax, `{ start, limit,
 * length, total, logs }`) and the Authentication API's `dbconnections/change_password` (plain
 * text). Errors carry Auth0's body `{ statusCode, error, message, errorCode }`. The real SDK
 * makes every request; mails Auth0 "sends" are recorded in `mails`.
 */
export interface FakeAuth0User {
  user_id: string;
  email: string;
  email_verified: boolean;
  name: string;
  created_at: string;
  updated_at: string;
  identities: { connection: string; user_id: string; provider: string; isSocial: boolean }[];
  logins_count?: number;
  last_login?: string;
  blocked?: boolean;
}

export interface FakeAuth0Invitation {
  id: string;
  organization_id: string;
  inviter: { name: string };
  invitee: { email: string };
  invitation_url: string;
  created_at: string;
  expires_at: string;
  client_id: string;
  connection_id?: string;
  roles?: string[];
  ticket_id: string;
}

export interface FakeAuth0Log {
  log_id: string;
  date: string;
  type: string;
  description: string;
  user_name?: string;
  client_id?: string;
  details?: Record<string, unknown>;
}

export class FakeAuth0Tenant {
  readonly users = new Map<string, FakeAuth0User>();
  readonly invitations = new Map<string, FakeAuth0Invitation>();
  readonly logs: FakeAuth0Log[] = [];
  readonly mails: { to: string; kind: 'invitation' | 'change_password' }[] = [];
  readonly requests: string[] = [];
  tokenRequests = 0;
  private nextFault: ProviderFault | null = null;
  private readonly accessToken = `fake-access-token-${randomBytes(8).toString('hex')}`;
  private serial = 0;

  constructor(
    readonly domain: string,
    readonly organizationId: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  fault(kind: ProviderFault): void {
    this.nextFault = kind;
  }

  addUser(email: string, overrides: Partial<FakeAuth0User> = {}): FakeAuth0User {
    const id = `auth0|${this.nextId()}`;
    const now = new Date().toISOString();
    const user: FakeAuth0User = {
      user_id: id,
      email: email.toLowerCase(),
      email_verified: false,
      name: email.toLowerCase(),
      created_at: now,
      updated_at: now,
      identities: [{ connection: 'Username-Password-Authentication', user_id: id.slice(6), provider: 'auth0', isSocial: false }],
      logins_count: 0,
      ...overrides,
    };
    this.users.set(user.user_id, user);
    return user;
  }

  addInvitation(email: string, overrides: Partial<FakeAuth0Invitation> = {}): FakeAuth0Invitation {
    const id = `uinv_${this.nextId()}`;
    const created = new Date();
    const ticket = randomBytes(12).toString('hex');
    const invitation: FakeAuth0Invitation = {
      id,
      organization_id: this.organizationId,
      inviter: { name: 'Tests' },
      invitee: { email: email.toLowerCase() },
      invitation_url: `https://app.example.com/login?invitation=${ticket}&organization=${this.organizationId}&organization_name=acme`,
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + 7 * 86_400_000).toISOString(),
      client_id: 'invite-client-0001',
      ticket_id: ticket,
      ...overrides,
    };
    this.invitations.set(id, invitation);
    return invitation;
  }

  addFailedNotification(email: string, description: string): void {
    this.logs.push({ log_id: this.nextId(), date: new Date().toISOString(), type: 'fn', description, user_name: email.toLowerCase(), details: { email_type: 'user_invitation', to: email.toLowerCase() } });
  }

  private nextId(): string {
    this.serial += 1;
    return `${Date.now().toString(16)}${this.serial.toString(16).padStart(6, '0')}${randomBytes(3).toString('hex')}`;
  }

  handlers(): HttpHandler[] {
    const origin = `https://${this.domain}`;
    const api = `${origin}/api/v2`;
    const guard = (request: Request): Response | null => {
      const url = new URL(request.url);
      this.requests.push(`${request.method} ${url.pathname}${url.search}`);
      const fault = this.nextFault;
      this.nextFault = null;
      if (fault) return faultResponse(fault);
      if (request.headers.get('authorization') !== `Bearer ${this.accessToken}`) return auth0Error(401, 'Unauthorized', 'Invalid token', 'invalid_token');
      return null;
    };
    const org = this.organizationId;
    return [
      http.post(`${origin}/oauth/token`, async ({ request }) => {
        this.tokenRequests += 1;
        const form = new URLSearchParams(await request.text());
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
          return HttpResponse.json({ error: 'access_denied', error_description: 'Unauthorized' }, { status: 401 });
        }
        return HttpResponse.json({ access_token: this.accessToken, token_type: 'Bearer', expires_in: 86_400, scope: 'read:users read:organization_invitations create:organization_invitations delete:organization_invitations create:user_tickets read:logs' });
      }),
      http.get(`${api}/users-by-email`, ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const email = new URL(request.url).searchParams.get('email');
        if (!email) return auth0Error(400, 'Bad Request', 'Query validation error: Missing required property: email', 'invalid_query_string');
        return HttpResponse.json([...this.users.values()].filter((user) => user.email === email));
      }),
      http.get(`${api}/users/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const user = this.users.get(decodeURIComponent(String(params['id'])));
        return user ? HttpResponse.json(user) : auth0Error(404, 'Not Found', 'The user does not exist.', 'inexistent_user');
      }),
      http.get(`${api}/organizations/:org/invitations`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        if (params['org'] !== org) return auth0Error(404, 'Not Found', 'No organization found by that id.', 'inexistent_organization');
        const query = new URL(request.url).searchParams;
        const page = Number(query.get('page') ?? 0);
        const perPage = Number(query.get('per_page') ?? 50);
        if (perPage > 100) return auth0Error(400, 'Bad Request', 'Query validation error: per_page must be at most 100', 'invalid_query_string');
        const all = [...this.invitations.values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
        const rows = all.slice(page * perPage, (page + 1) * perPage);
        return HttpResponse.json(query.get('include_totals') === 'true' ? { start: page * perPage, limit: perPage, invitations: rows } : rows);
      }),
      http.get(`${api}/organizations/:org/invitations/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const invitation = params['org'] === org ? this.invitations.get(String(params['id'])) : undefined;
        return invitation ? HttpResponse.json(invitation) : auth0Error(404, 'Not Found', 'The invitation does not exist', 'inexistent_invitation');
      }),
      http.post(`${api}/organizations/:org/invitations`, async ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        if (params['org'] !== org) return auth0Error(404, 'Not Found', 'No organization found by that id.', 'inexistent_organization');
        const body = (await request.json()) as { inviter?: { name?: string }; invitee?: { email?: string }; client_id?: string; connection_id?: string; ttl_sec?: number; send_invitation_email?: boolean; roles?: string[] };
        if (!body.inviter?.name || !body.invitee?.email || !body.client_id) return auth0Error(400, 'Bad Request', 'Payload validation error: Missing required property: invitee', 'invalid_body');
        const created = new Date();
        const invitation = this.addInvitation(body.invitee.email, {
          inviter: { name: body.inviter.name },
          client_id: body.client_id,
          created_at: created.toISOString(),
          expires_at: new Date(created.getTime() + (body.ttl_sec || 604_800) * 1000).toISOString(),
          ...(body.connection_id ? { connection_id: body.connection_id } : {}),
          ...(body.roles ? { roles: body.roles } : {}),
        });
        if (body.send_invitation_email !== false) this.mails.push({ to: invitation.invitee.email, kind: 'invitation' });
        return HttpResponse.json(invitation, { status: 201 });
      }),
      http.delete(`${api}/organizations/:org/invitations/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        // Auth0 answers 204 whether or not the invitation existed.
        this.invitations.delete(String(params['id']));
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(`${api}/tickets/password-change`, async ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const body = (await request.json()) as { user_id?: string };
        if (!body.user_id || !this.users.has(body.user_id)) return auth0Error(404, 'Not Found', 'User not found', 'inexistent_user');
        return HttpResponse.json({ ticket: `${origin}/lo/reset?ticket=${randomBytes(16).toString('hex')}#` }, { status: 201 });
      }),
      http.get(`${api}/logs`, ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const query = new URL(request.url).searchParams;
        const q = query.get('q') ?? '';
        const type = /type:"?([a-z]+)"?/.exec(q)?.[1];
        const userName = /user_name:"([^"]+)"/.exec(q)?.[1];
        const perPage = Number(query.get('per_page') ?? 50);
        const rows = this.logs.filter((log) => (!type || log.type === type) && (!userName || log.user_name === userName)).sort((a, b) => b.date.localeCompare(a.date));
        const page = rows.slice(0, perPage);
        return HttpResponse.json(query.get('include_totals') === 'true' ? { start: 0, limit: perPage, length: page.length, total: rows.length, logs: page } : page);
      }),
      http.post(`${origin}/dbconnections/change_password`, async ({ request }) => {
        const body = (await request.json()) as { client_id?: string; email?: string; connection?: string };
        if (!body.client_id || !body.connection) return HttpResponse.json({ error: 'invalid_request', error_description: 'connection is required' }, { status: 400 });
        const user = [...this.users.values()].find((row) => row.email === body.email && row.identities.some((identity) => identity.connection === body.connection));
        if (user) this.mails.push({ to: user.email, kind: 'change_password' });
        return new HttpResponse("We've just sent you an email to reset your password.", { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
      }),
    ];
  }
}

function auth0Error(status: number, error: string, message: string, errorCode: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ statusCode: status, error, message, errorCode }, { status, headers });
}

function faultResponse(fault: ProviderFault): Response {
  switch (fault) {
    case 'rate_limited':
      return auth0Error(429, 'Too Many Requests', 'Global limit has been reached', 'too_many_requests', { 'Retry-After': '7', 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0' });
    case 'unauthorized':
      return auth0Error(401, 'Unauthorized', 'Expired token received for JSON Web Token validation', 'invalid_token');
    case 'server_error':
      return auth0Error(500, 'Internal Server Error', 'Internal error', 'internal_error');
    case 'malformed':
      return new HttpResponse('[{"user_id": "auth0|', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'network':
      return HttpResponse.error();
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';

/**
 * A Supabase project's Auth (GoTrue) admin API as msw handlers, answering in GoTrue's own shapes
 * (the `User` JSON of `@supabase/auth-js`, its `{ code, error_code, msg }` errors, `x-total-count`
 * and `Link` headers on `/admin/users`) so the real supabase-js makes every request. It keeps the
 * behaviours the adapter depends on: `/invite` sends a new link to an unconfirmed address and
 * refuses a confirmed one with 422 `email_exists`; `/admin/generate_link` replaces the token
 * without sending; `/recover` sends. Mails "sent" are recorded in `mails`.
 */
export interface FakeSupabaseUser {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  email_confirmed_at?: string;
  confirmed_at?: string;
  confirmation_sent_at?: string;
  recovery_sent_at?: string;
  invited_at?: string;
  last_sign_in_at?: string;
  banned_until?: string;
  app_metadata: { provider: string; providers: string[] };
  user_metadata: Record<string, unknown>;
  identities: unknown[];
  created_at: string;
  updated_at: string;
  is_anonymous: boolean;
  is_sso_user: boolean;
  /** Not on the wire: the current confirmation token (hashed in GoTrue). */
  confirmation_token?: string;
}

export interface FakeSupabaseMail {
  to: string;
  kind: 'invite' | 'recovery';
  token: string;
}

export class FakeSupabaseProject {
  readonly users = new Map<string, FakeSupabaseUser>();
  readonly mails: FakeSupabaseMail[] = [];
  /** Every request's method and path with its query, for assertions on paging. */
  readonly requests: string[] = [];
  private nextFault: ProviderFault | null = null;
  /** The next mail send fails this way (GoTrue's answers for its mail quota and an SMTP failure). */
  sendFailure: 'rate_limited' | 'smtp' | null = null;

  constructor(
    readonly url: string,
    readonly serviceRoleKey: string,
  ) {}

  fault(kind: ProviderFault): void {
    this.nextFault = kind;
  }

  /** Adds a user in the shape GoTrue keeps; `overrides` sets the timestamps that make a situation. */
  addUser(email: string, overrides: Partial<FakeSupabaseUser> = {}): FakeSupabaseUser {
    const now = new Date().toISOString();
    const user: FakeSupabaseUser = {
      id: randomUUID(),
      aud: 'authenticated',
      role: 'authenticated',
      email: email.toLowerCase(),
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      identities: [],
      created_at: now,
      updated_at: now,
      is_anonymous: false,
      is_sso_user: false,
      ...overrides,
    };
    this.users.set(user.id, user);
    return user;
  }

  findByEmail(email: string): FakeSupabaseUser | undefined {
    return [...this.users.values()].find((user) => user.email === email.toLowerCase());
  }

  handlers(): HttpHandler[] {
    const base = `${this.url}/auth/v1`;
    const guard = (request: Request): Response | null => {
      const url = new URL(request.url);
      this.requests.push(`${request.method} ${url.pathname}${url.search}`);
      const fault = this.nextFault;
      this.nextFault = null;
      if (fault) return faultResponse(fault);
      const bearer = request.headers.get('authorization');
      if (request.headers.get('apikey') !== this.serviceRoleKey || bearer !== `Bearer ${this.serviceRoleKey}`) {
        return HttpResponse.json({ message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' }, { status: 401 });
      }
      return null;
    };
    return [
      http.get(`${base}/admin/users`, ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const query = new URL(request.url).searchParams;
        const page = Math.max(1, Number(query.get('page') || 1));
        const perPage = Math.max(1, Number(query.get('per_page') || 50));
        const all = [...this.users.values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links = [`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
        if (page < last) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
        return HttpResponse.json(
          { users: all.slice((page - 1) * perPage, page * perPage).map(toWire), aud: 'authenticated' },
          { headers: { 'x-total-count': String(all.length), link: links.join(', ') } },
        );
      }),
      http.get(`${base}/admin/users/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const user = this.lookup(String(params['id']));
        return user instanceof Response ? user : HttpResponse.json(toWire(user));
      }),
      http.delete(`${base}/admin/users/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const user = this.lookup(String(params['id']));
        if (user instanceof Response) return user;
        this.users.delete(user.id);
        return HttpResponse.json({});
      }),
      http.post(`${base}/invite`, async ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const body = (await request.json()) as { email?: string; data?: Record<string, unknown> };
        const email = (body.email ?? '').toLowerCase();
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) return gotrueError(400, 'validation_failed', 'Unable to validate email address: invalid format');
        const existing = this.findByEmail(email);
        if (existing?.email_confirmed_at) return gotrueError(422, 'email_exists', 'A user with this email address has already been registered');
        const failed = this.failSend('invite');
        if (failed) return failed;
        const now = new Date().toISOString();
        const user = existing ?? this.addUser(email, { user_metadata: body.data ?? {} });
        Object.assign(user, { invited_at: now, confirmation_sent_at: now, confirmation_token: token(), updated_at: now });
        this.mails.push({ to: email, kind: 'invite', token: user.confirmation_token! });
        return HttpResponse.json(toWire(user));
      }),
      http.post(`${base}/admin/generate_link`, async ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const body = (await request.json()) as { type?: string; email?: string };
        const email = (body.email ?? '').toLowerCase();
        if (body.type !== 'invite' && body.type !== 'magiclink' && body.type !== 'recovery') return gotrueError(400, 'validation_failed', 'Invalid type');
        let user = this.findByEmail(email);
        if (body.type === 'invite') {
          if (user?.email_confirmed_at) return gotrueError(422, 'email_exists', 'A user with this email address has already been registered');
          user ??= this.addUser(email);
          const now = new Date().toISOString();
          Object.assign(user, { invited_at: now, confirmation_sent_at: now });
        }
        if (!user) return gotrueError(404, 'user_not_found', 'User with this email not found');
        const hashed = token();
        user.confirmation_token = hashed;
        const redirect = new URL(request.url).searchParams.get('redirect_to') ?? 'http://localhost:3000';
        return HttpResponse.json({
          ...toWire(user),
          action_link: `${base}/verify?token=${hashed}&type=${body.type}&redirect_to=${encodeURIComponent(redirect)}`,
          email_otp: '123456',
          hashed_token: hashed,
          verification_type: body.type,
          redirect_to: redirect,
        });
      }),
      http.post(`${base}/recover`, async ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const body = (await request.json()) as { email?: string };
        const user = this.findByEmail(body.email ?? '');
        const failed = this.failSend('recovery');
        if (failed) return failed;
        // GoTrue answers 200 for an unknown address too (no account enumeration).
        if (user) {
          user.recovery_sent_at = new Date().toISOString();
          this.mails.push({ to: user.email, kind: 'recovery', token: token() });
        }
        return HttpResponse.json({});
      }),
    ];
  }

  private lookup(id: string): FakeSupabaseUser | Response {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return gotrueError(400, 'validation_failed', 'user_id must be an UUID');
    return this.users.get(id) ?? gotrueError(404, 'user_not_found', 'User not found');
  }

  private failSend(kind: 'invite' | 'recovery'): Response | null {
    const failure = this.sendFailure;
    this.sendFailure = null;
    if (failure === 'rate_limited') return gotrueError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');
    if (failure === 'smtp') return gotrueError(500, 'unexpected_failure', `Error sending ${kind === 'invite' ? 'invite' : 'recovery'} email`);
    return null;
  }
}

function toWire(user: FakeSupabaseUser): Omit<FakeSupabaseUser, 'confirmation_token'> {
  const { confirmation_token: _secret, ...wire } = user;
  return wire;
}

function token(): string {
  return randomBytes(28).toString('hex');
}

/** GoTrue's error body before API version 2024-01-01 (no version header): `{ code, error_code, msg }`. */
function gotrueError(status: number, errorCode: string, msg: string): Response {
  return HttpResponse.json({ code: status, error_code: errorCode, msg }, { status });
}

function faultResponse(fault: ProviderFault): Response {
  switch (fault) {
    case 'rate_limited':
      return HttpResponse.json({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' }, { status: 429, headers: { 'Retry-After': '7' } });
    case 'unauthorized':
      return HttpResponse.json({ message: 'Invalid API key' }, { status: 401 });
    case 'server_error':
      return HttpResponse.json({ code: 500, error_code: 'unexpected_failure', msg: 'Internal server error' }, { status: 500 });
    case 'malformed':
      return new HttpResponse('{"users": [', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'network':
      return HttpResponse.error();
  }
}

import { http, HttpResponse, type HttpHandler } from 'msw';
import { randomBytes } from 'node:crypto';
import { createFaultQueue } from './providerFaults.ts';

/**
 * A stateful fake of the part of Clerk's Backend API the adapter uses, answering in Clerk's JSON
 * shapes (`InvitationJSON`, `UserJSON`, `{ data, total_count }`, `{ object: 'total_count' }`,
 * `{ errors: [{ code, message, long_message, meta }], clerk_trace_id }`), written from
 * `@clerk/backend`'s types and Clerk's API reference. The real SDK makes the requests; msw answers.
 * Times are Unix milliseconds, as Clerk's. `limit`/`offset` paginate as Clerk does (default 10).
 */
export interface ClerkFakeOptions {
  /** The `CLERK_API_URL` the adapter is given (no `/v1`). */
  apiUrl: string;
  secretKey: string;
  now?: () => number;
}

export interface ClerkUserTraits {
  passwordEnabled?: boolean;
  lastSignInAt?: number | null;
  banned?: boolean;
  locked?: boolean;
  enterprise?: boolean;
  firstName?: string;
  lastName?: string;
}

type InvitationJson = {
  object: 'invitation';
  id: string;
  email_address: string;
  public_metadata: Record<string, unknown>;
  revoked: boolean;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  url: string;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
};

type UserJson = Record<string, unknown> & { id: string; email_addresses: (Record<string, unknown> & { email_address: string })[]; created_at: number };

const day = 86_400_000;
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

function clerkError(status: number, code: string, message: string, longMessage = message, meta: Record<string, unknown> = {}) {
  return HttpResponse.json({ errors: [{ code, message, long_message: longMessage, meta }], clerk_trace_id: randomBytes(8).toString('hex') }, { status });
}

export function createClerkApi(options: ClerkFakeOptions) {
  const now = options.now ?? Date.now;
  const base = `${options.apiUrl.replace(/\/$/, '')}/v1`;
  const invitations = new Map<string, InvitationJson>();
  const users = new Map<string, UserJson>();
  const faults = createFaultQueue((_status, code, message) => ({ errors: [{ code, message, long_message: message, meta: {} }], clerk_trace_id: 'trace' }));
  /** Every request the fake answered, as `METHOD /path`, for tests that check what the adapter asked. */
  const requests: string[] = [];

  /** Clerk reports a pending invitation past its expiry as `expired`. */
  const view = (invitation: InvitationJson): InvitationJson =>
    invitation.status === 'pending' && invitation.expires_at !== null && invitation.expires_at < now() ? { ...invitation, status: 'expired' } : { ...invitation };

  const addInvitation = (email: string, expiresAt: number, createdAt = now()): InvitationJson => {
    const invitation: InvitationJson = {
      object: 'invitation',
      id: id('inv'),
      email_address: email,
      public_metadata: {},
      revoked: false,
      status: 'pending',
      url: `https://accounts.example.test/sign-up?__clerk_ticket=${randomBytes(24).toString('base64url')}`,
      expires_at: expiresAt,
      created_at: createdAt,
      updated_at: createdAt,
    };
    invitations.set(invitation.id, invitation);
    return invitation;
  };

  const addUser = (email: string, traits: ClerkUserTraits = {}): UserJson => {
    const createdAt = now() - 3 * day;
    const emailId = id('idn');
    const user: UserJson = {
      object: 'user',
      id: id('user'),
      username: null,
      first_name: traits.firstName ?? null,
      last_name: traits.lastName ?? null,
      image_url: 'https://img.example.test/x.png',
      has_image: false,
      primary_email_address_id: emailId,
      primary_phone_number_id: null,
      primary_web3_wallet_id: null,
      password_enabled: traits.passwordEnabled ?? true,
      two_factor_enabled: false,
      totp_enabled: false,
      backup_code_enabled: false,
      email_addresses: [{ object: 'email_address', id: emailId, email_address: email, verification: { object: 'verification', status: 'verified', strategy: 'ticket', attempts: null, expire_at: null }, linked_to: [] }],
      phone_numbers: [],
      web3_wallets: [],
      organization_memberships: null,
      external_accounts: [],
      enterprise_accounts: traits.enterprise
        ? [{ object: 'enterprise_account', id: id('eac'), active: true, email_address: email, enterprise_connection: null, first_name: null, last_name: null, protocol: 'saml', provider: 'saml_okta', provider_user_id: 'okta-1', public_metadata: {}, verification: null, last_authenticated_at: now() - day, enterprise_connection_id: id('ent') }]
        : [],
      password_last_updated_at: null,
      public_metadata: {},
      private_metadata: {},
      unsafe_metadata: {},
      external_id: null,
      last_sign_in_at: traits.lastSignInAt === undefined ? now() - day : traits.lastSignInAt,
      banned: traits.banned ?? false,
      locked: traits.locked ?? false,
      deprovisioned: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 100,
      created_at: createdAt,
      updated_at: createdAt,
      last_active_at: null,
      create_organization_enabled: true,
      create_organizations_limit: null,
      delete_self_enabled: true,
      legal_accepted_at: null,
      locale: null,
      timezone: null,
    };
    users.set(user.id, user);
    return user;
  };

  const userEmails = (user: UserJson) => user.email_addresses.map((address) => address.email_address.toLowerCase());
  const paginate = <T>(rows: T[], url: URL) => {
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 10)));
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0));
    return rows.slice(offset, offset + limit);
  };
  const byCreated = (orderBy: string | null) => (a: { created_at: number; id: string }, b: { created_at: number; id: string }) =>
    (orderBy?.startsWith('+') || orderBy === 'created_at' ? 1 : -1) * (a.created_at - b.created_at || a.id.localeCompare(b.id));

  const filterUsers = (url: URL) => {
    const emails = url.searchParams.getAll('email_address').map((email) => email.toLowerCase());
    const query = url.searchParams.get('query')?.toLowerCase();
    return [...users.values()].filter((user) => (emails.length === 0 || userEmails(user).some((email) => emails.includes(email))) && (!query || userEmails(user).some((email) => email.includes(query)) || user.id === query));
  };

  /** Answers a queued fault or a missing/wrong key before the route runs. */
  const guard = (request: Request): Response | undefined => {
    const url = new URL(request.url);
    const line = `${request.method} ${url.pathname}`;
    requests.push(line);
    const fault = faults.take(line);
    if (fault) return fault;
    if (request.headers.get('authorization') !== `Bearer ${options.secretKey}`) return clerkError(401, 'authentication_invalid', 'Invalid authentication', 'Unable to authenticate the request, you need to supply an active API key');
    return undefined;
  };

  const handlers: HttpHandler[] = [
    http.get(`${base}/users/count`, ({ request }) => guard(request) ?? HttpResponse.json({ object: 'total_count', total_count: filterUsers(new URL(request.url)).length })),
    http.get(`${base}/users/:id`, ({ request, params }) => {
      const user = users.get(String(params.id));
      return guard(request) ?? (user ? HttpResponse.json(user) : clerkError(404, 'resource_not_found', 'not found', 'Resource not found'));
    }),
    http.get(`${base}/users`, ({ request }) => {
      const url = new URL(request.url);
      return guard(request) ?? HttpResponse.json(paginate(filterUsers(url).sort(byCreated(url.searchParams.get('order_by') ?? '-created_at')), url));
    }),
    http.get(`${base}/invitations`, ({ request }) => {
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const query = url.searchParams.get('query')?.toLowerCase();
      const rows = [...invitations.values()]
        .map(view)
        .filter((invitation) => (status ? invitation.status === status : invitation.status !== 'revoked'))
        .filter((invitation) => !query || invitation.email_address.toLowerCase().includes(query) || invitation.id === query)
        .sort(byCreated(url.searchParams.get('order_by') ?? '-created_at'));
      return guard(request) ?? HttpResponse.json({ data: paginate(rows, url), total_count: rows.length });
    }),
    http.post(`${base}/invitations`, async ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      const body = (await request.json()) as { email_address?: string; notify?: boolean; ignore_existing?: boolean; expires_in_days?: number; public_metadata?: Record<string, unknown> };
      const email = String(body.email_address ?? '').toLowerCase();
      if (!email.includes('@')) return clerkError(422, 'form_param_format_invalid', 'is invalid', 'email_address must be a valid email address.', { param_name: 'email_address' });
      // ignore_existing lets an earlier invitation stand; an existing user always refuses (Clerk: "this rule cannot be bypassed").
      if (!body.ignore_existing && [...invitations.values()].some((invitation) => view(invitation).status === 'pending' && invitation.email_address === email)) {
        return clerkError(400, 'duplicate_record', 'duplicate invitation', `There are already pending invitations for the following email addresses: ${email}`, { email_addresses: [email] });
      }
      if ([...users.values()].some((user) => userEmails(user).includes(email))) {
        return clerkError(422, 'form_identifier_exists', 'That email address is taken. Please try another.', 'That email address is taken. Please try another.', { param_name: 'email_address' });
      }
      const invitation = addInvitation(email, now() + (body.expires_in_days ?? 30) * day);
      if (body.public_metadata) invitation.public_metadata = body.public_metadata;
      sent.push({ email, notify: body.notify !== false });
      return HttpResponse.json(invitation);
    }),
    http.post(`${base}/invitations/:id/revoke`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      const invitation = invitations.get(String(params.id));
      if (!invitation) return clerkError(404, 'resource_not_found', 'not found', 'Resource not found');
      if (view(invitation).status !== 'pending') return clerkError(400, 'revoke_not_pending', 'invitation is not pending', 'Only pending invitations can be revoked.');
      Object.assign(invitation, { status: 'revoked', revoked: true, updated_at: now() });
      return HttpResponse.json(invitation);
    }),
  ];
  /** Invitation mails Clerk would have sent (`notify`), oldest first. */
  const sent: { email: string; notify: boolean }[] = [];

  return {
    handlers,
    invitations,
    users,
    requests,
    sent,
    fault: faults.push,
    faultOn: faults.on,
    seedInvitation: (email: string, { expired = false } = {}) => addInvitation(email, expired ? now() - day : now() + 7 * day, now() - (expired ? 9 : 1) * day),
    seedUser: addUser,
  };
}

export type ClerkFake = ReturnType<typeof createClerkApi>;

import { http, HttpResponse, type HttpHandler } from 'msw';
import { randomBytes } from 'node:crypto';
import { createFaultQueue } from './providerFaults.ts';

/**
 * A stateful fake of the User Management endpoints the WorkOS adapter uses, answering in WorkOS's
 * JSON shapes (`InvitationResponse`, `UserResponse`, `OrganizationMembershipResponse`, lists as
 * `{ object: 'list', data, list_metadata: { before, after } }`, errors as `{ message, code }`),
 * written from `@workos-inc/node`'s types and WorkOS's API reference. The real SDK makes the
 * requests. Lists paginate by cursor (`after` = the last row's id), `order` desc by default, 10 a page.
 * A resend keeps the invitation's token (whether WorkOS rotates it is not documented).
 */
export interface WorkosFakeOptions {
  /** Where the SDK is pointed: `http://<WORKOS_API_HOSTNAME>`. */
  origin: string;
  apiKey: string;
  now?: () => number;
}

type InvitationJson = {
  object: 'invitation';
  id: string;
  email: string;
  state: 'pending' | 'accepted' | 'expired' | 'revoked';
  accepted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  organization_id: string | null;
  inviter_user_id: string | null;
  accepted_user_id: string | null;
  token: string;
  accept_invitation_url: string;
  created_at: string;
  updated_at: string;
};

type UserJson = {
  object: 'user';
  id: string;
  email: string;
  email_verified: boolean;
  profile_picture_url: string | null;
  first_name: string | null;
  last_name: string | null;
  last_sign_in_at: string | null;
  locale: string | null;
  created_at: string;
  updated_at: string;
  external_id: string | null;
  metadata: Record<string, string>;
};

type MembershipJson = {
  object: 'organization_membership';
  id: string;
  organization_id: string;
  organization_name: string;
  status: 'active' | 'inactive' | 'pending';
  user_id: string;
  directory_managed: boolean;
  created_at: string;
  updated_at: string;
  role: { slug: string };
};

export interface WorkosUserTraits {
  lastSignInAt?: string | null;
  membership?: 'active' | 'inactive' | 'pending' | null;
}

const day = 86_400_000;
/** ULID-like ids: time-ordered so `created_at` ties still sort. */
let sequence = 0;
const id = (prefix: string) => `${prefix}_${(Date.now() * 1000 + sequence++).toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`;
const workosError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => HttpResponse.json({ message, code, ...extra }, { status });

export function createWorkosApi(options: WorkosFakeOptions) {
  const now = options.now ?? Date.now;
  const stamp = (ms = now()) => new Date(ms).toISOString();
  const base = `${options.origin.replace(/\/$/, '')}/user_management`;
  const invitations = new Map<string, InvitationJson>();
  const users = new Map<string, UserJson>();
  const memberships = new Map<string, MembershipJson>();
  const faults = createFaultQueue((_status, code, message) => ({ message, code }));
  const requests: string[] = [];
  /** Invitation mails WorkOS would have sent (a send or a resend), oldest first. */
  const sent: { email: string; kind: 'send' | 'resend' }[] = [];

  const view = (invitation: InvitationJson): InvitationJson =>
    invitation.state === 'pending' && Date.parse(invitation.expires_at) < now() ? { ...invitation, state: 'expired' } : { ...invitation };

  const addInvitation = (email: string, organizationId: string | null, expiresAt: number, createdAt = now()): InvitationJson => {
    const token = randomBytes(18).toString('base64url');
    const invitation: InvitationJson = {
      object: 'invitation',
      id: id('invitation'),
      email,
      state: 'pending',
      accepted_at: null,
      revoked_at: null,
      expires_at: stamp(expiresAt),
      organization_id: organizationId,
      inviter_user_id: null,
      accepted_user_id: null,
      token,
      accept_invitation_url: `https://app.example.test/invite?invitation_token=${token}`,
      created_at: stamp(createdAt),
      updated_at: stamp(createdAt),
    };
    invitations.set(invitation.id, invitation);
    return invitation;
  };

  const addUser = (email: string, organizationId: string | null, traits: WorkosUserTraits = {}): UserJson => {
    const created = stamp(now() - 3 * day);
    const user: UserJson = {
      object: 'user',
      id: id('user'),
      email,
      email_verified: true,
      profile_picture_url: null,
      first_name: null,
      last_name: null,
      last_sign_in_at: traits.lastSignInAt === undefined ? stamp(now() - day) : traits.lastSignInAt,
      locale: null,
      created_at: created,
      updated_at: created,
      external_id: null,
      metadata: {},
    };
    users.set(user.id, user);
    const status = traits.membership === undefined ? 'active' : traits.membership;
    if (organizationId && status) {
      const membership: MembershipJson = {
        object: 'organization_membership',
        id: id('om'),
        organization_id: organizationId,
        organization_name: 'Example Org',
        status,
        user_id: user.id,
        directory_managed: false,
        created_at: created,
        updated_at: created,
        role: { slug: 'member' },
      };
      memberships.set(membership.id, membership);
    }
    return user;
  };

  /** WorkOS's cursor pagination: order by creation (then id), rows strictly after the `after` id. */
  const list = <T extends { id: string; created_at: string }>(rows: T[], url: URL) => {
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10)));
    const direction = url.searchParams.get('order') === 'asc' ? 1 : -1;
    const ordered = [...rows].sort((a, b) => direction * (a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)));
    const after = url.searchParams.get('after');
    const start = after ? ordered.findIndex((row) => row.id === after) + 1 : 0;
    const data = ordered.slice(start, start + limit);
    const more = start + limit < ordered.length;
    return HttpResponse.json({ object: 'list', data, list_metadata: { before: start > 0 ? (data[0]?.id ?? null) : null, after: more ? (data.at(-1)?.id ?? null) : null } });
  };

  const inOrganization = (userId: string, organizationId: string) => [...memberships.values()].some((membership) => membership.user_id === userId && membership.organization_id === organizationId);

  const guard = (request: Request): Response | undefined => {
    const url = new URL(request.url);
    const line = `${request.method} ${url.pathname}`;
    requests.push(line);
    const fault = faults.take(line);
    if (fault) return fault;
    if (request.headers.get('authorization') !== `Bearer ${options.apiKey}`) return workosError(401, 'unauthorized', 'Unauthorized');
    return undefined;
  };

  const handlers: HttpHandler[] = [
    http.get(`${base}/users`, ({ request }) => {
      const url = new URL(request.url);
      const email = url.searchParams.get('email')?.toLowerCase();
      const organizationId = url.searchParams.get('organization_id');
      const rows = [...users.values()].filter((user) => (!email || user.email === email) && (!organizationId || inOrganization(user.id, organizationId)));
      return guard(request) ?? list(rows, url);
    }),
    http.get(`${base}/users/:id`, ({ request, params }) => {
      const user = users.get(String(params.id));
      return guard(request) ?? (user ? HttpResponse.json(user) : workosError(404, 'entity_not_found', `User not found: '${String(params.id)}'.`, { entity_id: String(params.id) }));
    }),
    http.get(`${base}/organization_memberships`, ({ request }) => {
      const url = new URL(request.url);
      const userId = url.searchParams.get('user_id');
      const organizationId = url.searchParams.get('organization_id');
      const statuses = url.searchParams.get('statuses')?.split(',') ?? ['active', 'pending'];
      if (!userId && !organizationId) return guard(request) ?? workosError(422, 'invalid_request_parameters', 'Validation failed', { errors: [{ code: 'user_id_or_organization_id_required', message: 'user_id or organization_id is required' }] });
      const rows = [...memberships.values()].filter((membership) => (!userId || membership.user_id === userId) && (!organizationId || membership.organization_id === organizationId) && statuses.includes(membership.status));
      return guard(request) ?? list(rows, url);
    }),
    http.get(`${base}/invitations`, ({ request }) => {
      const url = new URL(request.url);
      const email = url.searchParams.get('email')?.toLowerCase();
      const organizationId = url.searchParams.get('organization_id');
      const rows = [...invitations.values()].map(view).filter((invitation) => (!email || invitation.email === email) && (!organizationId || invitation.organization_id === organizationId));
      return guard(request) ?? list(rows, url);
    }),
    http.get(`${base}/invitations/:id`, ({ request, params }) => {
      const invitation = invitations.get(String(params.id));
      return guard(request) ?? (invitation ? HttpResponse.json(view(invitation)) : workosError(404, 'entity_not_found', `Invitation not found: '${String(params.id)}'.`, { entity_id: String(params.id) }));
    }),
    http.post(`${base}/invitations`, async ({ request }) => {
      const refused = guard(request);
      if (refused) return refused;
      const body = (await request.json()) as { email?: string; organization_id?: string; expires_in_days?: number };
      const email = String(body.email ?? '').toLowerCase();
      const organizationId = body.organization_id ?? null;
      if (!email.includes('@')) return workosError(422, 'invalid_request_parameters', 'Validation failed', { errors: [{ code: 'email_invalid', message: 'email must be a valid email address' }] });
      if ([...invitations.values()].some((invitation) => view(invitation).state === 'pending' && invitation.email === email && invitation.organization_id === organizationId)) {
        return workosError(400, 'email_already_invited_to_organization', 'An invitation has already been sent to this email address.');
      }
      const existing = [...users.values()].find((user) => user.email === email);
      if (existing && (!organizationId || inOrganization(existing.id, organizationId))) {
        return workosError(422, 'user_already_organization_member', 'The user is already a member of the organization.');
      }
      const invitation = addInvitation(email, organizationId, now() + (body.expires_in_days ?? 7) * day);
      sent.push({ email, kind: 'send' });
      return HttpResponse.json(invitation, { status: 201 });
    }),
    http.post(`${base}/invitations/:id/revoke`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      const invitation = invitations.get(String(params.id));
      if (!invitation) return workosError(404, 'entity_not_found', `Invitation not found: '${String(params.id)}'.`);
      if (invitation.state !== 'pending') return workosError(400, 'invite_not_pending', 'Only pending invitations can be revoked.');
      Object.assign(invitation, { state: 'revoked', revoked_at: stamp(), updated_at: stamp() });
      return HttpResponse.json(view(invitation));
    }),
    http.post(`${base}/invitations/:id/resend`, ({ request, params }) => {
      const refused = guard(request);
      if (refused) return refused;
      const invitation = invitations.get(String(params.id));
      if (!invitation) return workosError(404, 'entity_not_found', `Invitation not found: '${String(params.id)}'.`);
      if (view(invitation).state !== 'pending') return workosError(400, 'invite_not_pending', 'Only pending invitations can be resent.');
      invitation.updated_at = stamp();
      sent.push({ email: invitation.email, kind: 'resend' });
      return HttpResponse.json(view(invitation));
    }),
  ];

  return {
    handlers,
    invitations,
    users,
    memberships,
    requests,
    sent,
    fault: faults.push,
    faultOn: faults.on,
    seedInvitation: (email: string, organizationId: string | null, { expired = false } = {}) =>
      addInvitation(email, organizationId, expired ? now() - day : now() + 7 * day, now() - (expired ? 9 : 1) * day),
    seedUser: addUser,
  };
}

export type WorkosFake = ReturnType<typeof createWorkosApi>;

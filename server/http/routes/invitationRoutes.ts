import type { FastifyInstance } from 'fastify';
import type { UserStatus } from '../../../src/engine/InvitationBackend.ts';
import { decodeInvitationCursor } from '../../../src/engine/invitationCursor.ts';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { toAsciiDomain } from '../../../src/diagnostics/toAsciiDomain.ts';
import { parseAddress } from '../parseAddress.ts';
import { sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['invited', 'active', 'deactivated'] },
    domain: { type: 'string', minLength: 1, maxLength: 255 },
    q: { type: 'string', minLength: 1, maxLength: 254 },
    cursor: { type: 'string', minLength: 1, maxLength: 1024 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

const inviteBody = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 1024 },
    team: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

interface ListQuery {
  status?: UserStatus;
  domain?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

/** `GET /v1/invitations` (listing and search) and `POST /v1/invitations` (invite an address). */
export function registerInvitationRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.get<{ Querystring: ListQuery }>('/v1/invitations', { schema: { querystring: listQuery } }, async (request, reply) => {
    const { status, domain, q, cursor, limit } = request.query;
    const after = cursor === undefined ? undefined : decodeInvitationCursor(cursor);
    // A forged cursor holding U+0000 would make the database refuse the query (a 503): not one of ours either.
    if (after === null || (after && `${after.email}${after.id}`.includes('\u0000'))) return sendInvalid(reply, 'The cursor is not one this server gave out; start again without it.');
    const asciiDomain = domain === undefined ? undefined : toAsciiDomain(domain.trim().normalize('NFKC'));
    if (asciiDomain === null) return sendInvalid(reply, 'The domain filter is not a valid domain name.');
    const query = { limit, ...(status ? { status } : {}), ...(asciiDomain ? { domain: asciiDomain } : {}), ...(q ? { q: q.normalize('NFC') } : {}), ...(after ? { after } : {}) };
    return sendResult(reply, await backend.listInvitations(callerOf(request).principal, query));
  });

  app.post<{ Body: { email: string; team?: string } }>('/v1/invitations', { schema: { body: inviteBody } }, async (request, reply) => {
    const address = parseAddress(request.body.email);
    if (!address.ok) return sendInvalid(reply, address.message);
    return sendResult(reply, await backend.inviteUser(callerOf(request), address.address, request.body.team), (user) => ({ user }), 201);
  });
}

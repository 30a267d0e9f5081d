import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/recordAudit.ts';
import { redeemSignInCode } from '../../auth/signInCodes.ts';
import { hitRateLimit } from '../../service/hitRateLimit.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import { sendError } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';
import { nameRoleTeam } from '../../service/withTeamNames.ts';

/** `POST /v1/sign-in` (a one-time code for a browser key), `GET /v1/me`, `GET /health`. */
export function registerSessionRoutes(app: FastifyInstance, service: ServiceContext): void {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/v1/me', async (request) => {
    const { principal } = callerOf(request);
    return { keyId: principal.keyId, role: nameRoleTeam(principal.role, service.teamNames ?? {}), label: request.keyInfo?.label ?? '', expiresAt: request.keyInfo?.expiresAt ?? null };
  });

  app.post<{ Body: { code: string } }>(
    '/v1/sign-in',
    { schema: { body: { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 200 } } } } },
    async (request, reply) => {
      const now = new Date(service.clock());
      // Per client address, in the database, so every process counts the same attempts.
      const limited = await hitRateLimit(service.db, `sign-in:${request.ip}`, service.limits.signInsPerMinute, 60_000, now);
      if (limited) return sendError(reply, limited);
      const created = await redeemSignInCode(service.db, request.body.code, now);
      const principal = created ? { keyId: created.id, role: created.role } : null;
      await recordAudit(service.db, { at: now, requestId: request.id, principal, operation: 'signIn', target: null, result: created ? 'ok' : 'not_permitted' });
      if (!created) return reply.code(401).send({ error: { kind: 'not_permitted', message: 'This sign-in link is unknown, already used or expired. Ask for a new one, or paste an API key.' } });
      return { key: created.key, role: nameRoleTeam(created.role, service.teamNames ?? {}), expiresAt: created.expiresAt };
    },
  );
}

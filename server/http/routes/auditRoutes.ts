import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../audit/listAudit.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import { sendError, sendInvalid } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

const auditQuery = {
  type: 'object',
  properties: {
    target: { type: 'string', minLength: 1, maxLength: 1024 },
    since: { type: 'string', format: 'date-time' },
    until: { type: 'string', format: 'date-time' },
    cursor: { type: 'string', pattern: '^[1-9][0-9]{0,18}$' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

/** `GET /v1/audit`: the audit trail, for admins only. */
export function registerAuditRoutes(app: FastifyInstance, service: ServiceContext): void {
  app.get<{ Querystring: { target?: string; since?: string; until?: string; cursor?: string; limit: number } }>(
    '/v1/audit',
    { schema: { querystring: auditQuery } },
    async (request, reply) => {
      if (callerOf(request).principal.role.kind !== 'admin') return sendError(reply, { kind: 'not_permitted', message: 'Only an admin key can read the audit trail.' });
      const { target, since, until, cursor, limit } = request.query;
      const sinceDate = since === undefined ? undefined : new Date(since);
      const untilDate = until === undefined ? undefined : new Date(until);
      if (sinceDate && untilDate && sinceDate > untilDate) return sendInvalid(reply, '`since` is after `until`.');
      const query = { limit, ...(target === undefined ? {} : { target }), ...(sinceDate ? { since: sinceDate } : {}), ...(untilDate ? { until: untilDate } : {}), ...(cursor ? { before: BigInt(cursor) } : {}) };
      return reply.send(await listAudit(service.db, query));
    },
  );
}

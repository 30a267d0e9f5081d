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

const maxBigint = 9_223_372_036_854_775_807n;

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
      // The database's limits: timestamps from year 1, ids up to 2^63 - 1 (beyond them the query failed with a 503).
      if ([sinceDate, untilDate].some((date) => date && date.getUTCFullYear() < 1)) return sendInvalid(reply, '`since` and `until` must be in year 1 or later.');
      if (cursor && BigInt(cursor) > maxBigint) return sendInvalid(reply, 'The cursor is not one this server gave out; start again without it.');
      const query = { limit, ...(target === undefined ? {} : { target }), ...(sinceDate ? { since: sinceDate } : {}), ...(untilDate ? { until: untilDate } : {}), ...(cursor ? { before: BigInt(cursor) } : {}) };
      return reply.send(await listAudit(service.db, query));
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { authenticateApiKey } from '../auth/apiKeys.ts';
import { hitRateLimit } from '../service/hitRateLimit.ts';
import type { ServiceContext } from '../service/ServiceContext.ts';
import { webhookRoutePaths } from './routes/webhookRoutes.ts';
import { sendError } from './sendResult.ts';

/** Routes anyone may call: health, the sign-in exchange and invite pages. Everything else needs a key. */
const publicRoutes = new Set(['/health', '/v1/sign-in', '/invite/:token', '/invite/:token/fresh', '/demo/inbox', ...webhookRoutePaths]);

/**
 * Deny by default: every route not listed as public needs `Authorization: Bearer <key>` of a key
 * that exists, is not revoked and has not expired. Every refusal looks the same (401).
 */
export function registerApiKeyAuth(app: FastifyInstance, service: ServiceContext): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('keyInfo', null);
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && publicRoutes.has(route)) return;
    // Unknown routes are answered 404 by the not-found handler, but only to someone with a key.
    const key = /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.authorization ?? '')?.[1];
    const principal = key ? await authenticateApiKey(service.db, key, new Date(service.clock())) : null;
    if (!principal) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: { kind: 'not_permitted', message: 'Sign in: this needs an API key in the Authorization header (Bearer), and the key given is missing, unknown, revoked or expired.' } });
    }
    request.caller = { principal: { keyId: principal.keyId, role: principal.role }, requestId: request.id };
    request.keyInfo = { label: principal.label, expiresAt: principal.expiresAt };
    // Actions per key per minute, counted in the database so every process sees the same count.
    // Reads are not counted: they change nothing, and a counter write per read would double their cost.
    if (request.method === 'POST' && principal.keyId) {
      const limited = await hitRateLimit(service.db, `actions:${principal.keyId}`, service.limits.actionsPerKeyPerMinute, 60_000, new Date(service.clock()));
      if (limited) return sendError(reply, limited);
    }
  });
}

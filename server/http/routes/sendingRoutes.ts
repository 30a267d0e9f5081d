import type { FastifyInstance } from 'fastify';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { parseAddress } from '../parseAddress.ts';
import { sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

/**
 * `GET /v1/sending-status` and `GET /v1/link-events?email=`: what happened to the address's invite
 * links (every GET and POST of the invite page, see `invitePageRoutes`), oldest first.
 */
export function registerSendingRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.get('/v1/sending-status', async (_request, reply) => sendResult(reply, await backend.sendingStatus()));

  app.get<{ Querystring: { email: string } }>(
    '/v1/link-events',
    { schema: { querystring: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 1, maxLength: 1024 } } } } },
    async (request, reply) => {
      const address = parseAddress(request.query.email);
      if (!address.ok) return sendInvalid(reply, address.message);
      return sendResult(reply, await backend.linkEvents(callerOf(request).principal, address.address), (events) => ({ events }));
    },
  );
}

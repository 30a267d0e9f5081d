import type { FastifyInstance } from 'fastify';
import { readSendingStatus } from '../../service/readSendingStatus.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import { parseAddress } from '../parseAddress.ts';
import { sendError, sendInvalid, sendResult } from '../sendResult.ts';

/**
 * `GET /v1/sending-status` and `GET /v1/link-events?email=`. The server does not record link
 * opens yet, so the second answers 501 `unsupported` (and `/v1/capabilities` leaves it out); the
 * address is still checked first, so a bad request is a 400 as on every other route.
 */
export function registerSendingRoutes(app: FastifyInstance, service: ServiceContext): void {
  app.get('/v1/sending-status', async (_request, reply) => sendResult(reply, await readSendingStatus(service)));

  app.get<{ Querystring: { email: string } }>(
    '/v1/link-events',
    { schema: { querystring: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 1, maxLength: 1024 } } } } },
    async (request, reply) => {
      const address = parseAddress(request.query.email);
      if (!address.ok) return sendInvalid(reply, address.message);
      return sendError(reply, { kind: 'unsupported', message: 'This server does not record what happens to invite links yet.' });
    },
  );
}

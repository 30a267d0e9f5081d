import type { FastifyInstance } from 'fastify';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { parseAddress } from '../parseAddress.ts';
import { sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

/** `GET /v1/delivery-events?email=` and `POST /v1/suppressions/{email}/clear`. */
export function registerDeliveryRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.get<{ Querystring: { email: string } }>(
    '/v1/delivery-events',
    { schema: { querystring: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 1, maxLength: 1024 } } } } },
    async (request, reply) => {
      const address = parseAddress(request.query.email);
      if (!address.ok) return sendInvalid(reply, address.message);
      return sendResult(reply, await backend.deliveryEvents(callerOf(request).principal, address.address), (events) => ({ events }));
    },
  );

  app.post<{ Params: { email: string } }>(
    '/v1/suppressions/:email/clear',
    { schema: { params: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 1, maxLength: 1024 } } } } },
    async (request, reply) => {
      const address = parseAddress(request.params.email);
      if (!address.ok) return sendInvalid(reply, address.message);
      return sendResult(reply, await backend.clearSuppression(callerOf(request), address.address));
    },
  );
}

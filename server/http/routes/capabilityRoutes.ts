import type { FastifyInstance } from 'fastify';
import { allCapabilities } from '../../../src/engine/InvitationBackend.ts';

/** `GET /v1/capabilities`: the server offers every operation of the contract. */
export function registerCapabilityRoutes(app: FastifyInstance): void {
  app.get('/v1/capabilities', async () => ({ capabilities: [...allCapabilities] }));
}

import type { FastifyInstance } from 'fastify';
import type { ServerBackend } from '../../service/ServerBackend.ts';

/** `POST /v1/evidence`: delivery and link events for many addresses at once (placeholder: issue 15). */
export function registerEvidenceRoutes(app: FastifyInstance, backend: ServerBackend): void {
  void app;
  void backend;
}

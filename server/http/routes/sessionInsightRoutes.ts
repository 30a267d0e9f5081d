import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../service/ServiceContext.ts';

/** `POST /v1/session-events`, `GET /v1/session-insights` (placeholder: issue 15). */
export function registerSessionInsightRoutes(app: FastifyInstance, service: ServiceContext): void {
  void app;
  void service;
}

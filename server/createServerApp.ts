import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import { registerApiKeyAuth } from './http/registerApiKeyAuth.ts';
import { serializeRequestForLog } from './http/serializeRequestForLog.ts';
import { refuseUnstorableValues } from './http/refuseUnstorableValues.ts';
import { registerErrorHandlers } from './http/registerErrorHandlers.ts';
import { registerAuditRoutes } from './http/routes/auditRoutes.ts';
import { registerCapabilityRoutes } from './http/routes/capabilityRoutes.ts';
import { registerDeliveryRoutes } from './http/routes/deliveryRoutes.ts';
import { registerDemoInboxRoutes } from './http/routes/demoInboxRoutes.ts';
import { registerEvidenceRoutes } from './http/routes/evidenceRoutes.ts';
import { registerInvitationRoutes } from './http/routes/invitationRoutes.ts';
import { registerInvitePageRoutes } from './http/routes/invitePageRoutes.ts';
import { registerSendingRoutes } from './http/routes/sendingRoutes.ts';
import { registerSessionInsightRoutes, type SessionInsightOptions } from './http/routes/sessionInsightRoutes.ts';
import { registerSessionRoutes } from './http/routes/sessionRoutes.ts';
import { registerUserRoutes } from './http/routes/userRoutes.ts';
import { registerWebhookRoutes } from './http/routes/webhookRoutes.ts';
import type { WebhookConfig } from './config/loadWebhookConfig.ts';
import { createStoreBackend } from './service/createStoreBackend.ts';
import type { ServerBackend } from './service/ServerBackend.ts';
import type { ServiceContext } from './service/ServiceContext.ts';

export interface ServerAppOptions {
  service: ServiceContext;
  /** Where users and delivery evidence live. @default the server's own tables (`createStoreBackend`) */
  backend?: ServerBackend;
  /** Browser origins allowed by CORS (a server on another origin than the app). @default none */
  allowedOrigins?: readonly string[];
  /** pino options, or false for silence (tests). */
  logger?: LoggerOptions | false;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: DestinationStream;
  /** Largest request body. @default 64 KiB */
  bodyLimit?: number;
  /** Time for a whole request, body included, before the server gives up on a slow client. @default 10 s */
  requestTimeoutMs?: number;
  /** Time to receive a request's headers. @default 5 s */
  headersTimeoutMs?: number;
  /** Open connections at most; more are refused by the socket. @default 512 */
  maxConnections?: number;
  /** Serve `GET /demo/inbox` (the demo world's mailbox, live links included): only with the demo on. @default false */
  demoInbox?: boolean;
  /** Which provider webhooks are enabled, with their secrets (`loadWebhookConfig`). @default none: every webhook route answers 404 */
  webhooks?: WebhookConfig;
  /** The session-events limit and the OTLP export of stored events (`loadInsightsConfig`). @default 120 posts a key a minute, no export */
  sessionInsights?: SessionInsightOptions;
}

/** Log fields that may hold a secret; pino replaces them before anything is written. */
export const redactedLogPaths = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.key', '*.code', '*.link', '*.token', '*.password'];

/**
 * The HTTP API of `api/openapi.json`, registered in a readable order: infrastructure (ids, logs,
 * limits, CORS), then sign-in, then the routes. `main.ts` only starts it; tests build the same app.
 */
export async function createServerApp(options: ServerAppOptions): Promise<FastifyInstance> {
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const headersTimeoutMs = options.headersTimeoutMs ?? 5_000;
  const app = Fastify({
    // Node enforces both timeouts only when it checks its connections (every 30 s by default), so a
    // slow client outlived a short timeout by up to 30 s: check at least twice per timeout.
    http: { connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(requestTimeoutMs, headersTimeoutMs) / 2))) },
    logger: options.logger === false ? false : { ...options.logger, ...(options.logStream ? { stream: options.logStream } : {}), redact: { paths: redactedLogPaths, censor: '[redacted]' }, serializers: { req: serializeRequestForLog } },
    genReqId: () => randomUUID(),
    // A client's own X-Request-Id is not trusted: ours is unique and appears in every log line.
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    requestTimeout: requestTimeoutMs,
    connectionTimeout: 30_000,
    keepAliveTimeout: 5_000,
    routerOptions: { maxParamLength: 1024 },
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // What the router refuses before any hook runs (a broken %-escape, a parameter over
    // maxParamLength) gets our error body and a request id too, not Fastify's own shape.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.header('x-request-id', request.id).header('cache-control', 'no-store');
      const status = error.statusCode ?? 500;
      if (status >= 500) return reply.code(503).send({ error: { kind: 'unavailable', cause: 'server', message: 'The server could not complete the request; nothing was changed. Try again in a moment.' } });
      return reply.code(status).send({ error: { kind: 'invalid_request', message: `The request's address is not valid: ${error.message}.` } });
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });
  // JSON only: Fastify parses text/plain by default, which would answer such a body 400 instead of 415.
  app.removeContentTypeParser('text/plain');
  app.server.headersTimeout = headersTimeoutMs;
  app.server.maxConnections = options.maxConnections ?? 512;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
  });
  await app.register(cors, {
    origin: [...(options.allowedOrigins ?? [])],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  registerErrorHandlers(app);
  registerApiKeyAuth(app, options.service);
  refuseUnstorableValues(app);

  registerSessionRoutes(app, options.service);
  const backend = options.backend ?? createStoreBackend(options.service);
  registerCapabilityRoutes(app, backend);
  registerUserRoutes(app, backend);
  registerInvitationRoutes(app, backend);
  registerDeliveryRoutes(app, backend);
  registerEvidenceRoutes(app, backend);
  registerSendingRoutes(app, backend);
  registerAuditRoutes(app, options.service);
  registerSessionInsightRoutes(app, options.service, options.sessionInsights);
  registerWebhookRoutes(app, options.service, options.webhooks);
  registerInvitePageRoutes(app, options.service);
  registerDemoInboxRoutes(app, options.service, options.demoInbox ?? false);
  return app;
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionAnalyticsEventSchema } from '../../../src/engine/sessionAnalyticsEventSchema.ts';
import type { SessionEventExport } from '../../insights/SessionEventExport.ts';
import { hitRateLimit } from '../../service/hitRateLimit.ts';
import { readSessionInsights } from '../../service/readSessionInsights.ts';
import { recordSessionEvents } from '../../service/recordSessionEvents.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import { sendError, sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

export interface SessionInsightOptions {
  /** `POST /v1/session-events` calls one key may make in a minute. @default 120 */
  eventPostsPerKeyPerMinute?: number;
  /** Where stored events also go (OTLP, `loadInsightsConfig`); shut down when the app closes. @default none */
  export?: SessionEventExport;
}

/** Events in one post at most. */
export const maxEventsPerPost = 100;
/** How far ahead of the server's clock an event's time may be (a browser's clock drifts). */
const maxFutureMs = 5 * 60_000;
/** How old an event may be: the browser keeps unsent events in memory only, so older ones are not real. */
const maxAgeMs = 7 * 86_400_000;

const postSchema = z.strictObject({ events: z.array(sessionAnalyticsEventSchema).min(1).max(maxEventsPerPost) });

const insightsQuery = {
  type: 'object',
  properties: { days: { type: 'integer', minimum: 1, maximum: 90, default: 30 } },
  additionalProperties: false,
} as const;

/**
 * `POST /v1/session-events` (what wizard sessions report: 1–100 events a call, validated, stored
 * with the key's id and team, limited per key) and `GET /v1/session-insights?days=30` (what they
 * teach: every session for an admin, the team's for a team manager).
 */
export function registerSessionInsightRoutes(app: FastifyInstance, service: ServiceContext, options: SessionInsightOptions = {}): void {
  const perMinute = options.eventPostsPerKeyPerMinute ?? 120;
  if (options.export) {
    const exporter = options.export;
    app.addHook('onClose', async () => exporter.shutdown().catch((error: unknown) => service.onError(error, 'session event export shutdown')));
  }

  app.post<{ Body: unknown }>('/v1/session-events', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const { principal } = callerOf(request);
    const now = service.clock();
    const limited = await hitRateLimit(service.db, `session-events:${principal.keyId ?? 'server'}`, perMinute, 60_000, new Date(now)).catch((error: unknown) => {
      service.onError(error, 'session events rate limit');
      return { kind: 'unavailable', cause: 'server', status: 503, message: 'The server could not reach its database; nothing was stored. Try again in a moment.' } as const;
    });
    if (limited) return sendError(reply, limited);
    const parsed = postSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the body';
      return sendInvalid(reply, `Invalid session events: ${where}: ${issue?.message ?? 'not valid'} (send { "events": [...] } with 1 to ${maxEventsPerPost} events).`);
    }
    const events = parsed.data.events;
    const outOfRange = events.findIndex((event) => {
      const at = Date.parse(event.at);
      return at > now + maxFutureMs || at < now - maxAgeMs;
    });
    if (outOfRange >= 0) return sendInvalid(reply, `Invalid session events: events[${outOfRange}].at is more than 5 minutes ahead of the server's clock or more than 7 days old.`);
    return sendResult(reply, await recordSessionEvents(service, principal, events, options.export), (value) => value, 202);
  });

  app.get<{ Querystring: { days: number } }>('/v1/session-insights', { schema: { querystring: insightsQuery } }, async (request, reply) => {
    return sendResult(reply, await readSessionInsights(service, callerOf(request).principal, request.query.days));
  });
}

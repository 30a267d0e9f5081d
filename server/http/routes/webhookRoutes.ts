import type { FastifyInstance } from 'fastify';
import { webhookProviderNames, type WebhookConfig, type WebhookProviderName } from '../../config/loadWebhookConfig.ts';
import { recordDeliveryEvents } from '../../mail/recordDeliveryEvents.ts';
import { hitRateLimit } from '../../service/hitRateLimit.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import { fetchSnsCertificate } from '../../webhooks/fetchSnsCertificate.ts';
import { createMailgunWebhook } from '../../webhooks/mailgun.ts';
import { createPostmarkWebhook } from '../../webhooks/postmark.ts';
import { createResendWebhook } from '../../webhooks/resend.ts';
import { createSendgridWebhook } from '../../webhooks/sendgrid.ts';
import { createSesWebhook } from '../../webhooks/ses.ts';
import type { WebhookProvider } from '../../webhooks/WebhookProvider.ts';
import { sendError, sendInvalid } from '../sendResult.ts';

/** The webhook routes' paths; they need no API key (providers cannot send ours) and check their own signatures. */
export const webhookRoutePaths: readonly string[] = webhookProviderNames.map((name) => `/v1/webhooks/${name}`);

/** A provider posts many events at once (SendGrid batches), so these routes take more than the API's other routes. */
const webhookBodyLimit = 1024 * 1024;

/**
 * `POST /v1/webhooks/{sendgrid,postmark,mailgun,ses,resend}`: a provider's delivery events.
 * Deny by default: a provider without its secret configured answers 404. Otherwise, per source
 * address rate limit (429), then the provider's own authentication over the raw body (401,
 * nothing stored), then its documented payload (400 naming the problem, nothing stored), then the
 * events are stored through `recordDeliveryEvents` (idempotent on the provider's event id) → 200.
 * Deliveries are not audited (no admin acted); the log line names the provider and the counts.
 */
export function registerWebhookRoutes(app: FastifyInstance, service: ServiceContext, config: WebhookConfig = {}): void {
  const providers = createProviders(config);
  const perMinute = config.requestsPerAddressPerMinute ?? 600;
  void app.register(async (scope) => {
    // The signatures cover the exact bytes sent, so these routes take the body as text (SNS posts
    // its JSON as text/plain) and each provider parses it after verifying. Other types get 415.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: webhookBodyLimit }, (_request, body, done) => done(null, body));
    for (const name of webhookProviderNames) {
      scope.post(`/v1/webhooks/${name}`, { bodyLimit: webhookBodyLimit }, async (request, reply) => {
        const provider = providers[name];
        if (!provider) return reply.code(404).send({ error: { kind: 'not_found', message: `No such endpoint: POST /v1/webhooks/${name}.` } });
        const limited = await hitRateLimit(service.db, `webhook:${request.ip}`, perMinute, 60_000, new Date(service.clock()));
        if (limited) return sendError(reply, limited);
        if (typeof request.body !== 'string' || request.body.length === 0) return sendInvalid(reply, `The ${name} webhook needs a body.`);
        const outcome = await provider.receive({ rawBody: Buffer.from(request.body, 'utf8'), headers: request.headers, now: new Date(service.clock()) });
        if (!outcome.ok) {
          request.log.warn({ provider: name, refused: outcome.error.kind }, 'webhook refused');
          if (outcome.error.kind === 'malformed') return sendInvalid(reply, outcome.error.message);
          return reply.code(401).send({ error: { kind: 'not_permitted', message: outcome.error.message } });
        }
        const { events, notice, onStored } = outcome.value;
        // PostgreSQL text cannot hold U+0000, which JSON can carry as \u0000: refuse it rather than fail the insert.
        if (events.some((event) => Object.values(event).some((value) => typeof value === 'string' && value.includes('\u0000')))) {
          return sendInvalid(reply, 'The payload contains a NUL character (U+0000), which no stored field accepts.');
        }
        if (notice) request.log.info({ provider: name, ...notice.fields }, notice.message);
        // One transaction: a batch is stored whole or, if the database fails midway, not at all (the provider retries).
        const stored = await service.db.transaction().execute((trx) => recordDeliveryEvents(trx, events));
        onStored?.();
        request.log.info({ provider: name, received: events.length, stored }, 'webhook events recorded');
        return reply.code(200).send({ received: events.length, stored });
      });
    }
  });
}

function createProviders(config: WebhookConfig): Record<WebhookProviderName, WebhookProvider | null> {
  return {
    sendgrid: config.sendgrid ? createSendgridWebhook(config.sendgrid) : null,
    postmark: config.postmark ? createPostmarkWebhook(config.postmark) : null,
    mailgun: config.mailgun ? createMailgunWebhook({ signingKey: config.mailgun.signingKey, maxSignatureAgeMs: config.maxSignatureAgeMs ?? 5 * 60_000 }) : null,
    ses: config.ses ? createSesWebhook({ topicArn: config.ses.topicArn, fetchCertificate: config.fetchCertificate ?? fetchSnsCertificate }) : null,
    resend: config.resend ? createResendWebhook(config.resend) : null,
  };
}

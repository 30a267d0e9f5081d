import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';
import { safeEqual } from './safeEqual.ts';
import { bareMessageId, eventTime, smtpDetails } from './smtpDetails.ts';
import { parseJsonBody, parsePayload, providerAddress, unauthenticated, type WebhookProvider } from './WebhookProvider.ts';

const mailgunBody = z.object({
  signature: z.object({ timestamp: z.union([z.string(), z.number()]).transform(String), token: z.string().min(1).max(200), signature: z.string().min(1).max(200) }),
  'event-data': z.looseObject({
    event: z.string(),
    id: z.string().min(1).max(200),
    timestamp: z.number().optional(),
    recipient: providerAddress,
    severity: z.string().optional(),
    reason: z.string().optional(),
    'delivery-status': z.looseObject({ code: z.union([z.number(), z.string()]).optional(), message: z.string().nullish(), description: z.string().nullish(), 'enhanced-code': z.string().nullish() }).optional(),
    reject: z.looseObject({ reason: z.string().nullish(), description: z.string().nullish() }).optional(),
    message: z.looseObject({ headers: z.looseObject({ 'message-id': z.string().optional() }).optional() }).optional(),
  }),
});

/** Failure reasons that mean Mailgun did not try because of its own suppression list. */
const suppressionReasons = new Set(['suppress-bounce', 'suppress-complaint', 'suppress-unsubscribe']);

export interface MailgunWebhookOptions {
  signingKey: string;
  /** How far a signature's timestamp may be from now, either way. */
  maxSignatureAgeMs: number;
}

/**
 * Mailgun's current (JSON) webhooks: the signature is in the body, an HMAC-SHA256 of timestamp +
 * token under the webhook signing key, compared in constant time. A timestamp outside the
 * freshness window is refused, and so is a token this process has already accepted (a replay;
 * remembered only once its events are stored, so a retry after our own failure still works).
 * `event-data.id` is the external id, `message.headers.message-id` our Message-ID.
 */
export function createMailgunWebhook(options: MailgunWebhookOptions): WebhookProvider {
  const acceptedTokens = new Map<string, number>();
  const remember = (token: string, now: number) => {
    for (const [seen, expires] of acceptedTokens) {
      if (expires > now && acceptedTokens.size < 10_000) break;
      acceptedTokens.delete(seen);
    }
    acceptedTokens.set(token, now + 2 * options.maxSignatureAgeMs);
  };
  return {
    name: 'mailgun',
    async receive(request) {
      const json = parseJsonBody(request.rawBody);
      if (!json.ok) return json;
      const signature = z.object({ signature: mailgunBody.shape.signature }).safeParse(json.value);
      if (!signature.success) return unauthenticated('The Mailgun signature (signature.timestamp, token, signature) is missing.');
      const { timestamp, token, signature: offered } = signature.data.signature;
      const expected = createHmac('sha256', options.signingKey).update(timestamp + token).digest('hex');
      if (!safeEqual(offered.toLowerCase(), expected)) return unauthenticated('The Mailgun signature does not match.');
      const signedAt = Number(timestamp) * 1000;
      const now = request.now.getTime();
      if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > options.maxSignatureAgeMs) return unauthenticated('The Mailgun signature is too old (or from the future): check the clocks.');
      if ((acceptedTokens.get(token) ?? 0) > now) return unauthenticated('This Mailgun signature was already used.');
      const parsed = parsePayload(mailgunBody, json.value);
      if (!parsed.ok) return parsed;
      const event = toDeliveryEvent(parsed.value['event-data'], request.now);
      return { ok: true, value: { events: event ? [event] : [], notice: null, onStored: () => remember(token, now) } };
    },
  };
}

function toDeliveryEvent(data: z.infer<typeof mailgunBody>['event-data'], now: Date): ReportedDeliveryEvent | null {
  const status = data['delivery-status'];
  const statusText = status?.message || status?.description || undefined;
  const messageId = bareMessageId(data.message?.headers?.['message-id']);
  const base = { email: data.recipient, at: eventTime(data.timestamp, now), source: 'mailgun', externalId: data.id, ...(messageId ? { messageId } : {}) };
  const withStatus = { ...(statusText ? { text: statusText } : {}), ...smtpDetails(statusText, { smtpCode: status?.code, enhancedCode: status?.['enhanced-code'] ?? undefined }) };
  switch (data.event) {
    case 'delivered':
      return { ...base, kind: 'delivered', ...withStatus };
    case 'failed':
      if (suppressionReasons.has(data.reason ?? '')) return { ...base, kind: 'suppressed', ...(statusText ? { text: statusText } : {}) };
      return { ...base, kind: data.severity === 'temporary' ? 'deferred' : 'bounced', ...withStatus };
    case 'complained':
      return { ...base, kind: 'complained' };
    case 'rejected': {
      const text = data.reject?.description || data.reject?.reason || undefined;
      return { ...base, kind: 'not_sent', ...(text ? { text } : {}) };
    }
    default:
      return null;
  }
}

import eventWebhook from '@sendgrid/eventwebhook';
import { z } from 'zod';
import type { Result } from '../../src/engine/Result.ts';
import { ConfigError } from '../config/loadConfig.ts';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';
import { bareMessageId, eventTime, smtpDetails } from './smtpDetails.ts';
import { delivered, header, malformed, parseJsonBody, parsePayload, providerAddress, unauthenticated, type WebhookProvider } from './WebhookProvider.ts';

// SendGrid's dropped reasons that mean "on SendGrid's own suppression list" rather than a refusal of this mail.
const suppressionReasons = new Set(['bounced address', 'spam reporting address', 'unsubscribed address']);

const sendgridEvent = z.looseObject({
  event: z.string(),
  email: providerAddress,
  timestamp: z.number().optional(),
  sg_event_id: z.string().min(1).max(200).optional(),
  'smtp-id': z.string().optional(),
  response: z.string().optional(),
  reason: z.string().optional(),
  status: z.string().optional(),
  type: z.string().optional(),
});
const sendgridBody = z.array(z.unknown()).min(1, 'an empty batch');

/**
 * SendGrid's Signed Event Webhook: a JSON array of events, signed with ECDSA over the timestamp
 * header followed by the raw body, checked with SendGrid's own `@sendgrid/eventwebhook`.
 * `smtp-id` is our Message-ID; `sg_event_id` makes a retried batch store nothing twice.
 * Engagement (open, click, unsubscribe) and `processed` are acknowledged and not stored.
 */
export function createSendgridWebhook(config: { publicKey: string }): WebhookProvider {
  const verifier = new eventWebhook.EventWebhook();
  let key;
  try {
    key = verifier.convertPublicKeyToECDSA(config.publicKey);
  } catch {
    throw new ConfigError('Invalid setting SENDGRID_WEBHOOK_PUBLIC_KEY: not an ECDSA public key (copy the verification key from SendGrid\u2019s Mail Settings).');
  }
  return {
    name: 'sendgrid',
    async receive(request) {
      const signature = header(request, 'x-twilio-email-event-webhook-signature');
      const timestamp = header(request, 'x-twilio-email-event-webhook-timestamp');
      if (!signature || !timestamp) return unauthenticated('The SendGrid signature headers are missing.');
      let valid = false;
      try {
        valid = verifier.verifySignature(key, request.rawBody, signature, timestamp);
      } catch {
        valid = false;
      }
      if (!valid) return unauthenticated('The SendGrid signature does not match the body.');
      const json = parseJsonBody(request.rawBody);
      if (!json.ok) return json;
      const batch = parsePayload(sendgridBody, json.value);
      if (!batch.ok) return batch;
      const events: ReportedDeliveryEvent[] = [];
      for (const [index, item] of batch.value.entries()) {
        const parsed = parsePayload(sendgridEvent, item);
        if (!parsed.ok) return malformed(`Event ${index}: ${parsed.error.message}`);
        const event = toDeliveryEvent(parsed.value, request.now);
        if (event === 'ignored') continue;
        if (!event.ok) return malformed(`Event ${index}: ${event.error}`);
        events.push(event.value);
      }
      return delivered(events);
    },
  };
}

function toDeliveryEvent(event: z.infer<typeof sendgridEvent>, now: Date): Result<ReportedDeliveryEvent, string> | 'ignored' {
  const base = { email: event.email, at: eventTime(event.timestamp, now), source: 'sendgrid' };
  let reported: ReportedDeliveryEvent;
  switch (event.event) {
    case 'delivered':
    case 'deferred':
      reported = { ...base, kind: event.event, ...(event.response ? { text: event.response } : {}), ...smtpDetails(event.response) };
      break;
    case 'bounce':
      // `type: blocked` is a refusal of this mail (often policy); the text and code say which, so it stays a bounce.
      reported = { ...base, kind: 'bounced', ...(event.reason ? { text: event.reason } : {}), ...smtpDetails(event.reason, { enhancedCode: event.status }) };
      break;
    case 'dropped':
      reported = { ...base, kind: suppressionReasons.has((event.reason ?? '').trim().toLowerCase()) ? 'suppressed' : 'dropped', ...(event.reason ? { text: event.reason } : {}) };
      break;
    case 'spamreport':
      reported = { ...base, kind: 'complained' };
      break;
    default:
      return 'ignored';
  }
  if (!event.sg_event_id) return { ok: false, error: 'sg_event_id is missing, so a retry could not be told apart.' };
  const messageId = bareMessageId(event['smtp-id']);
  return { ok: true, value: { ...reported, externalId: event.sg_event_id, ...(messageId ? { messageId } : {}) } };
}

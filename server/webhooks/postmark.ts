import { z } from 'zod';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';
import { safeEqual } from './safeEqual.ts';
import { bareMessageId, eventTime, smtpDetails } from './smtpDetails.ts';
import { delivered, header, parseJsonBody, parsePayload, providerAddress, unauthenticated, type WebhookProvider } from './WebhookProvider.ts';

/** Postmark bounce types by what they mean for the invitation (`Type` of a Bounce record). */
const bounceKinds: Record<string, ReportedDeliveryEvent['kind']> = {
  HardBounce: 'bounced',
  BadEmailAddress: 'bounced',
  SoftBounce: 'bounced',
  Blocked: 'bounced',
  DMARCPolicy: 'bounced',
  SpamNotification: 'bounced',
  Unknown: 'bounced',
  Transient: 'deferred',
  DnsError: 'deferred',
  SpamComplaint: 'complained',
  ManuallyDeactivated: 'suppressed',
  SMTPApiError: 'not_sent',
  TemplateRenderingFailed: 'not_sent',
};

const metadata = z.record(z.string(), z.unknown()).nullish();
const postmarkRecord = z.discriminatedUnion('RecordType', [
  z.looseObject({ RecordType: z.enum(['Bounce', 'SpamComplaint']), ID: z.union([z.number(), z.string()]), Type: z.string(), Email: providerAddress, BouncedAt: z.string().optional(), Details: z.string().nullish(), Description: z.string().nullish(), MessageID: z.string().nullish(), Metadata: metadata }),
  z.looseObject({ RecordType: z.literal('Delivery'), MessageID: z.string().min(1), Recipient: providerAddress, DeliveredAt: z.string().optional(), Details: z.string().nullish(), Metadata: metadata }),
  z.looseObject({ RecordType: z.literal('SubscriptionChange'), MessageID: z.string().nullish(), Recipient: providerAddress, ChangedAt: z.string(), SuppressSending: z.boolean(), SuppressionReason: z.string().nullish(), Metadata: metadata }),
  z.looseObject({ RecordType: z.enum(['Open', 'Click', 'Inbound']) }),
]);

/**
 * Postmark's webhooks carry no signature: the URL configured at Postmark holds basic auth
 * credentials (`https://user:password@host/v1/webhooks/postmark`), compared in constant time.
 * One JSON record per request. Postmark's `MessageID` is Postmark's own id, not our Message-ID:
 * it goes into the event's external id; our Message-ID is taken from the record's `Metadata`
 * (`message-id`, set when sending with the `X-PM-Metadata-message-id` header) when present.
 */
export function createPostmarkWebhook(config: { user: string; password: string }): WebhookProvider {
  const expected = Buffer.from(`${config.user}:${config.password}`, 'utf8');
  return {
    name: 'postmark',
    async receive(request) {
      const credentials = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header(request, 'authorization') ?? '')?.[1];
      if (!credentials || !safeEqual(Buffer.from(credentials, 'base64'), expected)) return unauthenticated('The Postmark webhook needs the basic auth credentials configured for it.');
      const json = parseJsonBody(request.rawBody);
      if (!json.ok) return json;
      const parsed = parsePayload(postmarkRecord, json.value);
      if (!parsed.ok) return parsed;
      const record = parsed.value;
      const ourMessageId = ourMessageIdFrom(record.Metadata);
      switch (record.RecordType) {
        case 'Bounce':
        case 'SpamComplaint': {
          const kind = record.RecordType === 'SpamComplaint' ? 'complained' : bounceKinds[record.Type];
          if (!kind) return delivered([]);
          const text = record.Details || record.Description || undefined;
          return delivered([{ email: record.Email, at: eventTime(record.BouncedAt, request.now), kind, source: 'postmark', externalId: `${record.RecordType}:${record.ID}`, ...(text ? { text } : {}), ...(kind === 'complained' ? {} : smtpDetails(text)), ...ourMessageId }]);
        }
        case 'Delivery':
          return delivered([{ email: record.Recipient, at: eventTime(record.DeliveredAt, request.now), kind: 'delivered', source: 'postmark', externalId: `Delivery:${record.MessageID}:${record.Recipient}`, ...(record.Details ? { text: record.Details, ...smtpDetails(record.Details) } : {}), ...ourMessageId }]);
        case 'SubscriptionChange':
          // Reactivations (SuppressSending false) are Postmark lifting its own block: nothing happened to a mail.
          if (!record.SuppressSending) return delivered([]);
          return delivered([{ email: record.Recipient, at: eventTime(record.ChangedAt, request.now), kind: 'suppressed', source: 'postmark', externalId: `SubscriptionChange:${record.MessageID ?? ''}:${record.Recipient}:${record.ChangedAt}`, ...(record.SuppressionReason ? { text: record.SuppressionReason } : {}), ...ourMessageId }]);
        default:
          return delivered([]);
      }
    },
  };
}

function ourMessageIdFrom(metadata: unknown): { messageId?: string } {
  if (typeof metadata !== 'object' || metadata === null) return {};
  const fields = metadata as Record<string, unknown>;
  const messageId = bareMessageId(fields['message-id'] ?? fields['messageId']);
  return messageId ? { messageId } : {};
}

import SnsPayloadValidator from 'sns-payload-validator';
import { z } from 'zod';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';
import { snsCertificateUrl } from './fetchSnsCertificate.ts';
import { bareMessageId, eventTime, smtpDetails } from './smtpDetails.ts';
import { delivered, malformed, parseJsonBody, parsePayload, providerAddress, unauthenticated, type WebhookProvider } from './WebhookProvider.ts';

export interface SesWebhookOptions {
  /** Only notifications published to this SNS topic are accepted. */
  topicArn: string;
  /** Fetches a signing certificate whose URL has been checked (tests serve their own). */
  fetchCertificate: (url: string) => Promise<string>;
}

const snsEnvelope = z.looseObject({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string().min(1).max(200),
  TopicArn: z.string().min(1),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.string(),
  Signature: z.string().min(1),
  SigningCertURL: z.string(),
  SubscribeURL: z.string().optional(),
});

const recipient = z.looseObject({ emailAddress: providerAddress, status: z.string().nullish(), diagnosticCode: z.string().nullish() });
const sesNotification = z.looseObject({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  mail: z.looseObject({
    timestamp: z.string().optional(),
    destination: z.array(providerAddress).default([]),
    headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
    commonHeaders: z.looseObject({ messageId: z.string().optional() }).optional(),
  }),
  bounce: z.looseObject({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(recipient), timestamp: z.string().optional() }).optional(),
  complaint: z.looseObject({ complainedRecipients: z.array(z.looseObject({ emailAddress: providerAddress })), complaintFeedbackType: z.string().optional(), timestamp: z.string().optional() }).optional(),
  delivery: z.looseObject({ recipients: z.array(providerAddress), smtpResponse: z.string().optional(), timestamp: z.string().optional() }).optional(),
  deliveryDelay: z.looseObject({ delayedRecipients: z.array(recipient), delayType: z.string().optional(), timestamp: z.string().optional() }).optional(),
  reject: z.looseObject({ reason: z.string().optional() }).optional(),
  failure: z.looseObject({ errorMessage: z.string().optional() }).optional(),
});
type SesNotification = z.infer<typeof sesNotification>;

// SES bounce subtypes that mean SES did not even try, because of a suppression list.
const suppressedSubTypes = new Set(['Suppressed', 'OnAccountSuppressionList']);

/**
 * Amazon SES notifications delivered by SNS (a text/plain JSON envelope). The SNS signature is
 * checked by `sns-payload-validator` over its canonical string; the signing certificate must sit
 * on an `sns.<region>.amazonaws.com` address and is fetched by `fetchCertificate` into the
 * validator's cache, so the validator never fetches anything itself. Only the configured topic
 * is accepted. A SubscriptionConfirmation is never confirmed automatically: its SubscribeURL is
 * handed to the operator (logged) to open once. The SNS MessageId plus the recipient is the
 * external id; our Message-ID is the original mail's header (`mail.commonHeaders.messageId` or
 * `mail.headers`), never SES's own `mail.messageId`.
 */
export function createSesWebhook(options: SesWebhookOptions): WebhookProvider {
  const validator = new SnsPayloadValidator({ useCache: true, maxCerts: 100 });
  const cache = (validator as unknown as { certCache?: { get(url: string): unknown; set(url: string, cert: string): void } }).certCache;
  if (!cache) throw new Error('sns-payload-validator no longer keeps a certificate cache; the SES webhook cannot inject its certificate fetch');
  return {
    name: 'ses',
    async receive(request) {
      const json = parseJsonBody(request.rawBody);
      if (!json.ok) return json;
      const parsed = parsePayload(snsEnvelope, json.value);
      if (!parsed.ok) return parsed;
      const envelope = parsed.value;
      if (!snsCertificateUrl.test(envelope.SigningCertURL)) return unauthenticated('The SNS signing certificate is not on an sns.<region>.amazonaws.com address.');
      if (cache.get(envelope.SigningCertURL) === undefined) cache.set(envelope.SigningCertURL, await options.fetchCertificate(envelope.SigningCertURL));
      try {
        await validator.validate(json.value as SnsPayloadValidator.SnsPayload);
      } catch {
        return unauthenticated('The SNS signature does not match the message.');
      }
      if (envelope.TopicArn !== options.topicArn) return unauthenticated('The SNS message comes from a topic this server is not configured for (SES_SNS_TOPIC_ARN).');
      if (envelope.Type !== 'Notification') {
        const message = envelope.Type === 'SubscriptionConfirmation' ? 'SNS asks to confirm the SES webhook subscription: open the SubscribeURL once to confirm it' : 'SNS reports that the SES webhook subscription was removed';
        return delivered([], { message, fields: { topicArn: envelope.TopicArn, ...(envelope.SubscribeURL ? { subscribeUrl: envelope.SubscribeURL } : {}) } });
      }
      const inner = parseJsonBody(Buffer.from(envelope.Message, 'utf8'));
      if (!inner.ok) return malformed('The SNS Message is not the JSON of an SES notification.');
      const notification = parsePayload(sesNotification, inner.value);
      if (!notification.ok) return notification;
      return delivered(toDeliveryEvents(notification.value, envelope.MessageId, request.now));
    },
  };
}

function toDeliveryEvents(notification: SesNotification, snsMessageId: string, now: Date): ReportedDeliveryEvent[] {
  const { mail } = notification;
  const fromHeaders = mail.headers?.find((header) => header.name.toLowerCase() === 'message-id')?.value;
  const messageId = bareMessageId(mail.commonHeaders?.messageId ?? fromHeaders);
  const event = (email: string, at: string | undefined, kind: ReportedDeliveryEvent['kind'], text?: string | null, details = {}): ReportedDeliveryEvent => ({
    email,
    at: eventTime(at ?? mail.timestamp, now),
    kind,
    source: 'ses',
    externalId: `${snsMessageId}:${email}`,
    ...(messageId ? { messageId } : {}),
    ...(text ? { text } : {}),
    ...details,
  });
  switch (notification.notificationType ?? notification.eventType) {
    case 'Bounce': {
      const bounce = notification.bounce;
      if (!bounce) return [];
      const suppressed = suppressedSubTypes.has(bounce.bounceSubType ?? '');
      return bounce.bouncedRecipients.map((to) => {
        const text = to.diagnosticCode || bounce.bounceSubType;
        return event(to.emailAddress, bounce.timestamp, suppressed ? 'suppressed' : 'bounced', text, suppressed ? {} : smtpDetails(to.diagnosticCode ?? undefined, { enhancedCode: to.status ?? undefined }));
      });
    }
    case 'Complaint': {
      const complaint = notification.complaint;
      // A "not-spam" feedback report is the opposite of a complaint.
      if (!complaint || complaint.complaintFeedbackType === 'not-spam') return [];
      return complaint.complainedRecipients.map((to) => event(to.emailAddress, complaint.timestamp, 'complained', complaint.complaintFeedbackType));
    }
    case 'Delivery': {
      const delivery = notification.delivery;
      if (!delivery) return [];
      return delivery.recipients.map((to) => event(to, delivery.timestamp, 'delivered', delivery.smtpResponse, smtpDetails(delivery.smtpResponse)));
    }
    case 'DeliveryDelay': {
      const delay = notification.deliveryDelay;
      if (!delay) return [];
      return delay.delayedRecipients.map((to) => event(to.emailAddress, delay.timestamp, 'deferred', to.diagnosticCode || delay.delayType, smtpDetails(to.diagnosticCode ?? undefined, { enhancedCode: to.status ?? undefined })));
    }
    case 'Reject':
      return mail.destination.map((to) => event(to, undefined, 'not_sent', notification.reject?.reason));
    case 'Rendering Failure':
      return mail.destination.map((to) => event(to, undefined, 'not_sent', notification.failure?.errorMessage));
    default:
      return [];
  }
}

import { Webhook } from 'svix';
import { z } from 'zod';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';
import { bareMessageId, eventTime, smtpDetails } from './smtpDetails.ts';
import { delivered, header, parseJsonBody, parsePayload, providerAddress, unauthenticated, type WebhookProvider } from './WebhookProvider.ts';

const resendEvent = z.looseObject({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.looseObject({
    email_id: z.string().optional(),
    to: z.union([providerAddress, z.array(providerAddress)]).transform((to) => (Array.isArray(to) ? to : [to])),
    headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).nullish(),
    bounce: z.looseObject({ message: z.string().nullish(), type: z.string().nullish(), subType: z.string().nullish() }).nullish(),
    failed: z.looseObject({ reason: z.string().nullish() }).nullish(),
  }),
});

/**
 * Resend's webhooks, delivered by Svix: the `svix-id`, `svix-timestamp` and `svix-signature`
 * headers are checked by the `svix` verifier over the raw body (it also refuses timestamps more
 * than five minutes off). Resend reports no SMTP codes, only its text; `svix-id` plus the
 * recipient is the external id (Svix keeps the id across retries). `email_id` is Resend's own id;
 * our Message-ID is taken from the `headers` Resend echoes, when the mail carried one.
 */
export function createResendWebhook(config: { secret: string }): WebhookProvider {
  const verifier = new Webhook(config.secret);
  return {
    name: 'resend',
    async receive(request) {
      const id = header(request, 'svix-id');
      const timestamp = header(request, 'svix-timestamp');
      const signature = header(request, 'svix-signature');
      if (!id || !timestamp || !signature) return unauthenticated('The Svix signature headers (svix-id, svix-timestamp, svix-signature) are missing.');
      try {
        verifier.verify(request.rawBody.toString('utf8'), { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature });
      } catch {
        return unauthenticated('The Svix signature does not match the body, or its timestamp is too old.');
      }
      const json = parseJsonBody(request.rawBody);
      if (!json.ok) return json;
      const parsed = parsePayload(resendEvent, json.value);
      if (!parsed.ok) return parsed;
      return delivered(toDeliveryEvents(parsed.value, id, request.now));
    },
  };
}

function toDeliveryEvents(event: z.infer<typeof resendEvent>, svixId: string, now: Date): ReportedDeliveryEvent[] {
  const { data } = event;
  const messageId = bareMessageId(data.headers?.find((item) => item.name.toLowerCase() === 'message-id')?.value);
  let kind: ReportedDeliveryEvent['kind'];
  let text: string | null | undefined;
  switch (event.type) {
    case 'email.delivered':
      kind = 'delivered';
      break;
    case 'email.delivery_delayed':
      kind = 'deferred';
      break;
    case 'email.bounced':
      kind = data.bounce?.subType === 'Suppressed' ? 'suppressed' : 'bounced';
      text = data.bounce?.message;
      break;
    case 'email.complained':
      kind = 'complained';
      break;
    case 'email.failed':
      kind = 'not_sent';
      text = data.failed?.reason;
      break;
    default:
      return [];
  }
  return data.to.map((email) => ({
    email,
    at: eventTime(event.created_at, now),
    kind,
    source: 'resend',
    externalId: `${svixId}:${email}`,
    ...(messageId ? { messageId } : {}),
    ...(text ? { text } : {}),
    ...(kind === 'bounced' ? smtpDetails(text ?? undefined) : {}),
  }));
}

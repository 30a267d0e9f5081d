import Mailgun from 'mailgun.js';
import { z } from 'zod';
import type { DeliveryEvent, DeliveryEventKind } from '../../../src/engine/InvitationBackend.ts';
import { err, ok } from '../../../src/engine/Result.ts';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';
import { bareMessageId, smtpDetails } from '../../webhooks/smtpDetails.ts';
import type { DeliveryProvider, DeliverySource } from '../DeliverySource.ts';
import { DeliveryNetworkError } from '../DeliveryNetworkError.ts';
import { sortDeliveryEvents } from '../sortDeliveryEvents.ts';

export interface MailgunDeliveryConfig {
  /** A Mailgun API key (account or domain sending key with read access); a secret. */
  apiKey: string;
  /** The sending domain whose events and suppressions are read. */
  domain: string;
  /** The API's origin: `https://api.eu.mailgun.net` for an EU domain. @default 'https://api.mailgun.net' */
  url: string;
}

const name = 'Mailgun';
/** Mailgun's largest events page. */
const pageSize = 300;
/** Pages read per lookup (3,000 events for one address). */
const maxPages = 10;

/** The texts Mailgun itself gives a `failed` event for mail it would not send to an address on each list. */
const suppressedTexts = {
  bounces: 'Not delivering to previously bounced address',
  complaints: 'Not delivering to a user who marked your messages as spam',
  unsubscribes: 'Not delivering to unsubscribed address',
} as const;

const deliveryStatus = z.object({ code: z.number().nullish(), 'enhanced-code': z.string().nullish(), message: z.string().nullish(), description: z.string().nullish() }).partial();
const eventSchema = z.object({
  event: z.string(),
  timestamp: z.number(),
  recipient: z.string(),
  severity: z.string().nullish(),
  reason: z.string().nullish(),
  'delivery-status': deliveryStatus.nullish(),
  message: z.object({ headers: z.object({ 'message-id': z.string().nullish() }).partial().nullish() }).partial().nullish(),
});
const eventsPage = z.object({ items: z.array(eventSchema), pages: z.object({ next: z.object({ page: z.string() }).nullish() }).partial() });
const suppression = z.object({ address: z.string(), created_at: z.union([z.date(), z.string()]), code: z.union([z.number(), z.string()]).nullish(), error: z.string().nullish() });

const configSchema = z.object({
  MAILGUN_API_KEY: z.string().min(20, 'must be a Mailgun API key').max(200, 'is too long'),
  MAILGUN_DOMAIN: z.string().regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]+$/i, 'must be the sending domain, such as mg.example.com'),
  MAILGUN_API_URL: z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/i, 'must be an https origin such as https://api.eu.mailgun.net').nullable(),
});

interface MailgunApiError {
  status: number;
  message: string;
  details?: string;
  type: 'MailgunAPIError';
}

function isApiError(thrown: unknown): thrown is MailgunApiError {
  return typeof thrown === 'object' && thrown !== null && (thrown as { type?: unknown }).type === 'MailgunAPIError';
}

/**
 * mailgun.js turns every failure into its APIError, a connection that got no answer too (status
 * 400, the Node error code as its message), and keeps no response headers: a 429's Retry-After is
 * lost, so a rate limit waits the default time.
 */
function readFailure(thrown: unknown): ProviderFailure | null {
  if (!isApiError(thrown) || thrown.status < 400) return null;
  const detail = typeof thrown.details === 'string' && thrown.details.length < 300 && !/<html/i.test(thrown.details) ? thrown.details : undefined;
  return { status: thrown.status, retryAfter: null, ...(detail ? { message: detail } : {}) };
}

/**
 * A request that got no answer: mailgun.js reports it as status 400 with the Node error code as
 * its message (`ENOTFOUND`), or with no message and axios's "Network Error" as details. A real 400
 * carries its status text.
 */
function isNoAnswer(thrown: unknown): boolean {
  if (!isApiError(thrown) || thrown.status !== 400) return false;
  return /^(E[A-Z_]+|ERR_[A-Z_]+)$/.test(thrown.message) || (thrown.message === '' && /network error|socket hang up/i.test(thrown.details ?? ''));
}

/**
 * Delivery evidence from Mailgun: the domain's `failed`, `delivered` and `complained` events for
 * the address (every page, within Mailgun's event retention) and its bounce, complaint and
 * unsubscribe suppressions. Clearing deletes the bounce suppression and refuses while a complaint
 * or an unsubscribe stands.
 */
export const mailgunDelivery: DeliveryProvider<MailgunDeliveryConfig> = {
  id: 'mailgun',
  name,
  settings: ['MAILGUN_API_KEY', 'MAILGUN_DOMAIN', 'MAILGUN_API_URL'],
  readConfig(env) {
    const parsed = parseEnvironment(configSchema, env);
    return { apiKey: parsed.MAILGUN_API_KEY, domain: parsed.MAILGUN_DOMAIN.toLowerCase(), url: (parsed.MAILGUN_API_URL ?? 'https://api.mailgun.net').replace(/\/$/, '') };
  },
  create(config, context) {
    return createMailgunSource(config, context);
  },
};

function createMailgunSource(config: MailgunDeliveryConfig, context: { timeoutMs: number; clock: () => number }): DeliverySource {
  const client = new Mailgun(FormData).client({ username: 'api', key: config.apiKey, url: config.url, timeout: context.timeoutMs + 1000 });
  // events.get warns on every call that it is deprecated (in favour of the analytics logs API); the warning is not for our operators.
  (client.events as unknown as { logger: Pick<Console, 'warn' | 'info' | 'error'> }).logger = { warn() {}, info() {}, error() {} };
  const options = (signal: AbortSignal | undefined) => ({ providerName: name, timeoutMs: context.timeoutMs, signal, clock: context.clock, readFailure });
  const sdk = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (thrown) {
      throw isNoAnswer(thrown) ? new DeliveryNetworkError(thrown) : thrown;
    }
  };
  /** The address's entries on one suppression list; Mailgun's 404 means it is not on it. */
  const listed = async (list: keyof typeof suppressedTexts, address: string) => {
    try {
      const entry = suppression.parse(await sdk(() => client.suppressions.get(config.domain, list, address)));
      return entry.address.toLowerCase() === address ? [entry] : [];
    } catch (thrown) {
      if (isApiError(thrown) && thrown.status === 404) return [];
      throw thrown;
    }
  };

  return {
    id: 'mailgun',
    name,
    deliveryEvents(email, callOptions) {
      const address = email.trim().toLowerCase();
      return callProvider(options(callOptions?.signal), async () => {
        const events: DeliveryEvent[] = [];
        let page: string | undefined;
        for (let count = 0; count < maxPages; count++) {
          const query = page ? { page } : { recipient: address, event: 'failed OR delivered OR complained', limit: pageSize };
          const answer = eventsPage.parse(await sdk(() => client.events.get(config.domain, query)));
          for (const item of answer.items) {
            const event = toEvent(item, address);
            if (event) events.push(event);
          }
          page = answer.pages.next?.page || undefined;
          if (answer.items.length === 0 || !page) break;
        }
        const [bounces, complaints, unsubscribes] = await Promise.all([listed('bounces', address), listed('complaints', address), listed('unsubscribes', address)]);
        const at = (value: Date | string) => new Date(value).toISOString();
        for (const entry of bounces) events.push({ at: at(entry.created_at), email: address, kind: 'suppressed', text: suppressedTexts.bounces, source: 'mailgun' });
        for (const entry of complaints) {
          // The complaint itself may have aged out of the event log; the list still remembers it.
          if (!events.some((event) => event.kind === 'complained')) events.push({ at: at(entry.created_at), email: address, kind: 'complained', source: 'mailgun' });
          events.push({ at: at(entry.created_at), email: address, kind: 'suppressed', text: suppressedTexts.complaints, source: 'mailgun' });
        }
        for (const entry of unsubscribes) events.push({ at: at(entry.created_at), email: address, kind: 'suppressed', text: suppressedTexts.unsubscribes, source: 'mailgun' });
        return sortDeliveryEvents(events);
      });
    },
    async clearSuppression(email, callOptions) {
      const address = email.trim().toLowerCase();
      const result = await callProvider(options(callOptions?.signal), async () => {
        const [bounces, complaints, unsubscribes] = await Promise.all([listed('bounces', address), listed('complaints', address), listed('unsubscribes', address)]);
        if (complaints.length > 0 || unsubscribes.length > 0) {
          throw new ProviderRefusal({
            kind: 'conflict',
            message: `Mailgun keeps this address suppressed because its owner ${complaints.length > 0 ? 'marked a mail as spam' : 'unsubscribed'}; that is not cleared from here. Only remove it in Mailgun's Suppressions page if the person asks for mail again.`,
          });
        }
        if (bounces.length === 0) return;
        try {
          await sdk(() => client.suppressions.destroy(config.domain, 'bounces', address));
        } catch (thrown) {
          if (!(isApiError(thrown) && thrown.status === 404)) throw thrown;
        }
      });
      return result.ok ? ok({ clearedAt: new Date(context.clock()).toISOString() }) : err(result.error);
    },
  };
}

function toEvent(item: z.infer<typeof eventSchema>, address: string): DeliveryEvent | null {
  if (item.recipient.toLowerCase() !== address) return null;
  let kind: DeliveryEventKind;
  if (item.event === 'delivered') kind = 'delivered';
  else if (item.event === 'complained') kind = 'complained';
  // A send Mailgun skipped for a suppression is history (dropped); `suppressed` is reserved for what the lists say now.
  else if (item.event === 'failed') kind = item.severity === 'temporary' ? 'deferred' : item.reason?.startsWith('suppress-') ? 'dropped' : 'bounced';
  else return null;
  const status = item['delivery-status'];
  const text = status?.message || status?.description || undefined;
  const messageId = bareMessageId(item.message?.headers?.['message-id']);
  return {
    at: new Date(item.timestamp * 1000).toISOString(),
    email: address,
    kind,
    ...(text ? { text, ...smtpDetails(text, { smtpCode: status?.code, enhancedCode: status?.['enhanced-code'] }) } : {}),
    source: 'mailgun',
    ...(messageId ? { messageId } : {}),
  };
}

import { Client } from '@sendgrid/client';
import { z } from 'zod';
import type { DeliveryEvent } from '../../../src/engine/InvitationBackend.ts';
import { err, ok } from '../../../src/engine/Result.ts';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';
import { smtpDetails } from '../../webhooks/smtpDetails.ts';
import type { DeliveryProvider, DeliverySource } from '../DeliverySource.ts';
import { DeliveryNetworkError } from '../DeliveryNetworkError.ts';
import { sortDeliveryEvents } from '../sortDeliveryEvents.ts';

export interface SendgridDeliveryConfig {
  /** An API key with read (and, to clear, full) access to Suppressions; a secret. */
  apiKey: string;
  /** `eu` for an EU-pinned subuser (api.eu.sendgrid.com). @default 'global' */
  dataResidency: 'global' | 'eu';
}

const name = 'SendGrid';

/** The suppression lists SendGrid can answer for one address; each entry is `{ created, email, … }`. */
const lists = {
  bounces: z.array(z.object({ created: z.number(), email: z.string(), reason: z.string().nullish(), status: z.string().nullish() })),
  blocks: z.array(z.object({ created: z.number(), email: z.string(), reason: z.string().nullish(), status: z.string().nullish() })),
  spam_reports: z.array(z.object({ created: z.number(), email: z.string(), ip: z.string().nullish() })),
  invalid_emails: z.array(z.object({ created: z.number(), email: z.string(), reason: z.string().nullish() })),
  unsubscribes: z.array(z.object({ created: z.number(), email: z.string() })),
};
type ListName = keyof typeof lists;
const globalSuppression = z.object({ recipient_email: z.string().optional() });

/** What SendGrid itself writes in a `dropped` event's reason for mail to an address on each list. */
const dropReasons: Partial<Record<ListName, string>> = {
  bounces: 'Bounced Address',
  spam_reports: 'Spam Reporting Address',
  invalid_emails: 'Invalid',
  unsubscribes: 'Unsubscribed Address',
};

/** The lists clearing removes. A spam report and a global unsubscribe are the recipient's own choice: never cleared here. */
const clearable: readonly ListName[] = ['bounces', 'blocks', 'invalid_emails'];

const configSchema = z.object({
  SENDGRID_API_KEY: z.string().regex(/^SG\.[\w-]{10,}\.[\w-]{10,}$/, 'must be a SendGrid API key (it starts with SG.)'),
  SENDGRID_DATA_RESIDENCY: z.enum(['global', 'eu'], { message: 'must be global or eu' }).nullable(),
});

interface ResponseErrorShape {
  code: number;
  response?: { headers?: Record<string, string>; body?: unknown };
}

function isResponseError(thrown: unknown): thrown is ResponseErrorShape {
  return thrown instanceof Error && typeof (thrown as { code?: unknown }).code === 'number' && typeof (thrown as { response?: unknown }).response === 'object';
}

/** SendGrid answers 429 with X-RateLimit-Reset (unix seconds); a Retry-After, where present, wins. */
function readFailure(thrown: unknown): ProviderFailure | null {
  if (!isResponseError(thrown) || thrown.code < 400) return null;
  const headers = thrown.response?.headers ?? {};
  const reset = Number(headers['x-ratelimit-reset']);
  const retryAfter = headers['retry-after'] ?? (Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toUTCString() : null);
  const body = thrown.response?.body as { errors?: { message?: unknown }[] } | undefined;
  const message = typeof body?.errors?.[0]?.message === 'string' ? body.errors[0].message : undefined;
  return { status: thrown.code, retryAfter, ...(message ? { message } : {}) };
}

/**
 * Delivery evidence from SendGrid's suppression lists: bounces, blocks, spam reports, invalid
 * addresses and global unsubscribes for the address (one lookup each; SendGrid keeps one entry per
 * list and address, so there is nothing to page). Clearing deletes the bounce, block and invalid
 * entries, and refuses while a spam report or unsubscribe stands.
 */
export const sendgridDelivery: DeliveryProvider<SendgridDeliveryConfig> = {
  id: 'sendgrid',
  name,
  settings: ['SENDGRID_API_KEY', 'SENDGRID_DATA_RESIDENCY'],
  readConfig(env) {
    const parsed = parseEnvironment(configSchema, env);
    return { apiKey: parsed.SENDGRID_API_KEY, dataResidency: parsed.SENDGRID_DATA_RESIDENCY ?? 'global' };
  },
  create(config, context) {
    return createSendgridSource(config, context);
  },
};

function createSendgridSource(config: SendgridDeliveryConfig, context: { timeoutMs: number; clock: () => number }): DeliverySource {
  const client = new Client();
  client.setDataResidency(config.dataResidency);
  client.setApiKey(config.apiKey);
  // Every request is handed to axios with the default request merged in; its `timeout` is axios's, missing from the SDK's types.
  client.setDefaultRequest('timeout' as never, (context.timeoutMs + 1000) as never);
  const options = (signal: AbortSignal | undefined) => ({ providerName: name, timeoutMs: context.timeoutMs, signal, clock: context.clock, readFailure });

  /** One SDK request; a request that got no answer at all is a network failure. */
  const request = async (method: 'GET' | 'DELETE', url: string): Promise<unknown> => {
    try {
      const [, body] = await client.request({ method, url });
      return body;
    } catch (thrown) {
      if (isResponseError(thrown)) throw thrown;
      if ((thrown as { isAxiosError?: unknown }).isAxiosError && !(thrown as { response?: unknown }).response) throw new DeliveryNetworkError(thrown);
      throw thrown;
    }
  };
  /** A list's entries for the address; SendGrid's 404 for an address it never listed means none. */
  const read = async <L extends ListName>(list: L, address: string): Promise<z.infer<(typeof lists)[L]>> => {
    try {
      if (list === 'unsubscribes') {
        // SendGrid answers `{ recipient_email }` for a globally suppressed address, `{}` otherwise, and no date: the entry is dated by the lookup.
        const found = globalSuppression.parse(await request('GET', `/v3/asm/suppressions/global/${encodeURIComponent(address)}`));
        return (found.recipient_email?.toLowerCase() === address ? [{ created: context.clock() / 1000, email: address }] : []) as z.infer<(typeof lists)[L]>;
      }
      const body = await request('GET', `/v3/suppression/${list}/${encodeURIComponent(address)}`);
      return (lists[list].parse(body) as z.infer<(typeof lists)[L]>).filter((entry) => entry.email.toLowerCase() === address) as z.infer<(typeof lists)[L]>;
    } catch (thrown) {
      if (isResponseError(thrown) && thrown.code === 404) return [] as z.infer<(typeof lists)[L]>;
      throw thrown;
    }
  };

  return {
    id: 'sendgrid',
    name,
    deliveryEvents(email, callOptions) {
      const address = email.trim().toLowerCase();
      return callProvider(options(callOptions?.signal), async () => {
        const [bounces, blocks, spamReports, invalid, unsubscribes] = await Promise.all([
          read('bounces', address),
          read('blocks', address),
          read('spam_reports', address),
          read('invalid_emails', address),
          read('unsubscribes', address),
        ]);
        const at = (created: number) => new Date(Math.floor(created * 1000)).toISOString();
        const event = (created: number, kind: DeliveryEvent['kind'], text: string | null | undefined, status?: string | null): DeliveryEvent => ({
          at: at(created),
          email: address,
          kind,
          ...(text ? { text, ...smtpDetails(text, { enhancedCode: status ?? undefined }) } : {}),
          source: 'sendgrid',
        });
        const events: DeliveryEvent[] = [
          ...bounces.flatMap((entry) => [event(entry.created, 'bounced', entry.reason, entry.status), event(entry.created, 'suppressed', dropReasons.bounces)]),
          ...blocks.map((entry) => event(entry.created, 'bounced', entry.reason, entry.status)),
          ...spamReports.flatMap((entry) => [event(entry.created, 'complained', null), event(entry.created, 'suppressed', dropReasons.spam_reports)]),
          ...invalid.flatMap((entry) => [event(entry.created, 'dropped', entry.reason), event(entry.created, 'suppressed', dropReasons.invalid_emails)]),
          ...unsubscribes.map((entry) => event(entry.created, 'suppressed', dropReasons.unsubscribes)),
        ];
        return sortDeliveryEvents(events);
      });
    },
    async clearSuppression(email, callOptions) {
      const address = email.trim().toLowerCase();
      const result = await callProvider(options(callOptions?.signal), async () => {
        const [spamReports, unsubscribes] = await Promise.all([read('spam_reports', address), read('unsubscribes', address)]);
        if (spamReports.length > 0 || unsubscribes.length > 0) {
          throw new ProviderRefusal({
            kind: 'conflict',
            message: `SendGrid keeps this address suppressed because its owner ${spamReports.length > 0 ? 'marked a mail as spam' : 'unsubscribed'}; that is not cleared from here. Only remove it in SendGrid's Suppressions page if the person asks for mail again.`,
          });
        }
        for (const list of clearable) {
          try {
            await request('DELETE', `/v3/suppression/${list}/${encodeURIComponent(address)}`);
          } catch (thrown) {
            // Not on that list: nothing to remove.
            if (!(isResponseError(thrown) && thrown.code === 404)) throw thrown;
          }
        }
      });
      return result.ok ? ok({ clearedAt: new Date(context.clock()).toISOString() }) : err(result.error);
    },
  };
}

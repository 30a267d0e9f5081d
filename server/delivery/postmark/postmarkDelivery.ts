import { Errors, ServerClient } from 'postmark';
import { z } from 'zod';
import type { DeliveryEvent, DeliveryEventKind } from '../../../src/engine/InvitationBackend.ts';
import { err, ok } from '../../../src/engine/Result.ts';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';
import { smtpDetails } from '../../webhooks/smtpDetails.ts';
import type { DeliveryProvider, DeliverySource } from '../DeliverySource.ts';
import { DeliveryNetworkError } from '../DeliveryNetworkError.ts';
import { sortDeliveryEvents } from '../sortDeliveryEvents.ts';

export interface PostmarkDeliveryConfig {
  /** The server's API token (`X-Postmark-Server-Token`); a secret. */
  serverToken: string;
  /** The message stream whose suppression list is read and cleared. @default 'outbound' */
  messageStream: string;
}

const name = 'Postmark';
/** Postmark's largest page of bounces. */
const pageSize = 500;
/** Pages read per lookup: 5,000 bounces for one address is far past anything the wizard needs. */
const maxPages = 10;

/** What each Postmark bounce type says about the mail; types that are not about delivery (auto-replies, subscribe requests) are left out. */
const bounceKinds: Record<string, DeliveryEventKind> = {
  HardBounce: 'bounced',
  BadEmailAddress: 'bounced',
  Blocked: 'bounced',
  DMARCPolicy: 'bounced',
  SpamNotification: 'bounced',
  VirusNotification: 'bounced',
  Unknown: 'bounced',
  Transient: 'deferred',
  SoftBounce: 'deferred',
  DnsError: 'deferred',
  SpamComplaint: 'complained',
  SMTPApiError: 'dropped',
  TemplateRenderingFailed: 'dropped',
};

// Only the fields we read: the SDK returns whatever body it got (a string when it is not JSON).
const bouncesSchema = z.object({
  TotalCount: z.number(),
  Bounces: z.array(z.object({ Type: z.string(), Email: z.string(), BouncedAt: z.string(), Details: z.string().nullish(), Description: z.string().nullish() })),
});
const suppressionsSchema = z.object({
  Suppressions: z.array(z.object({ EmailAddress: z.string(), SuppressionReason: z.string(), Origin: z.string().nullish(), CreatedAt: z.string() })),
});
const statusesSchema = z.object({ Suppressions: z.array(z.object({ EmailAddress: z.string(), Status: z.string(), Message: z.string().nullish() })) });

const configSchema = z.object({
  POSTMARK_SERVER_TOKEN: z.string().min(8, 'must be the server API token from the server\u2019s API Tokens tab').max(200, 'is too long'),
  POSTMARK_MESSAGE_STREAM: z.string().regex(/^[a-z0-9-]{1,30}$/, 'must be a message stream ID such as outbound').nullable(),
});

/**
 * Delivery evidence from Postmark: the server's bounces for the address (every page, hard and
 * soft, spam complaints) and the message stream's suppression list. Clearing deletes the
 * stream's suppression, except a spam complaint's, which Postmark keeps and so do we.
 */
export const postmarkDelivery: DeliveryProvider<PostmarkDeliveryConfig> = {
  id: 'postmark',
  name,
  settings: ['POSTMARK_SERVER_TOKEN', 'POSTMARK_MESSAGE_STREAM'],
  readConfig(env) {
    const parsed = parseEnvironment(configSchema, env);
    return { serverToken: parsed.POSTMARK_SERVER_TOKEN, messageStream: parsed.POSTMARK_MESSAGE_STREAM ?? 'outbound' };
  },
  create(config, context) {
    return createPostmarkSource(config, context);
  },
};

function createPostmarkSource(config: PostmarkDeliveryConfig, context: { timeoutMs: number; clock: () => number }): DeliverySource {
  /**
   * One SDK client per call: its fetch records what the SDK's own errors leave out (the
   * Retry-After header, the network error behind "fetch failed") and honours the call's signal.
   */
  const call = <T>(signal: AbortSignal | undefined, run: (client: ServerClient) => Promise<T>) => {
    const seen: { retryAfter?: string | null; networkError?: unknown } = {};
    return callProvider(
      {
        providerName: name,
        timeoutMs: context.timeoutMs,
        signal,
        clock: context.clock,
        readFailure: (thrown): ProviderFailure | null =>
          thrown instanceof Errors.PostmarkError && thrown.statusCode >= 400
            ? { status: thrown.statusCode, retryAfter: seen.retryAfter ?? null, code: String(thrown.code), message: thrown.message }
            : null,
      },
      async (callSignal) => {
        const client = new ServerClient(config.serverToken, {
          timeout: Math.ceil(context.timeoutMs / 1000) + 1,
          fetch: async (input, init) => {
            try {
              const response = await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, callSignal]) : callSignal });
              seen.retryAfter = response.headers.get('retry-after');
              return response;
            } catch (thrown) {
              seen.networkError = thrown;
              throw thrown;
            }
          },
        });
        try {
          return await run(client);
        } catch (thrown) {
          throw seen.networkError === undefined ? thrown : new DeliveryNetworkError(seen.networkError);
        }
      },
    );
  };

  return {
    id: 'postmark',
    name,
    async deliveryEvents(email, options) {
      const address = email.trim().toLowerCase();
      return call(options?.signal, async (client) => {
        const events: DeliveryEvent[] = [];
        for (let page = 0, offset = 0; page < maxPages; page++, offset += pageSize) {
          const answer = bouncesSchema.parse(await client.getBounces({ emailFilter: address, count: pageSize, offset }));
          for (const bounce of answer.Bounces) {
            const kind = bounceKinds[bounce.Type];
            // emailFilter may match more than the address itself.
            if (!kind || bounce.Email.toLowerCase() !== address) continue;
            const text = bounce.Details || bounce.Description || undefined;
            events.push({ at: new Date(bounce.BouncedAt).toISOString(), email: address, kind, ...(text ? { text, ...smtpDetails(text) } : {}), source: 'postmark' });
          }
          if (answer.Bounces.length < pageSize || offset + pageSize >= answer.TotalCount) break;
        }
        const suppressions = suppressionsSchema.parse(await client.getSuppressions(config.messageStream, { emailAddress: address }));
        for (const suppression of suppressions.Suppressions) {
          if (suppression.EmailAddress.toLowerCase() !== address) continue;
          const text = `Suppressed on message stream ${config.messageStream}: ${suppression.SuppressionReason}${suppression.Origin ? ` (origin: ${suppression.Origin})` : ''}`;
          events.push({ at: new Date(suppression.CreatedAt).toISOString(), email: address, kind: 'suppressed', text, source: 'postmark' });
        }
        return sortDeliveryEvents(events);
      });
    },
    async clearSuppression(email, options) {
      const address = email.trim().toLowerCase();
      const result = await call(options?.signal, async (client) => {
        const current = suppressionsSchema.parse(await client.getSuppressions(config.messageStream, { emailAddress: address }));
        const mine = current.Suppressions.filter((suppression) => suppression.EmailAddress.toLowerCase() === address);
        if (mine.some((suppression) => suppression.SuppressionReason === 'SpamComplaint')) {
          throw new ProviderRefusal({
            kind: 'conflict',
            message: 'Postmark keeps this address suppressed because its owner marked a mail as spam; Postmark does not let that be undone through its API. Ask the person for another address, or ask Postmark support if they really want mail again.',
          });
        }
        if (mine.length === 0) return;
        const statuses = statusesSchema.parse(await client.deleteSuppressions(config.messageStream, { Suppressions: [{ EmailAddress: address }] }));
        const failed = statuses.Suppressions.find((status) => status.Status !== 'Deleted');
        if (failed) throw new ProviderRefusal({ kind: 'conflict', message: `Postmark did not remove the suppression${failed.Message ? ` (${failed.Message.slice(0, 200)})` : ''}.` });
      });
      return result.ok ? ok({ clearedAt: new Date(context.clock()).toISOString() }) : err(result.error);
    },
  };
}

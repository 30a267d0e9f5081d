import { DeleteSuppressedDestinationCommand, GetSuppressedDestinationCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import type { DeliveryEvent } from '../../../src/engine/InvitationBackend.ts';
import { err, ok } from '../../../src/engine/Result.ts';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';
import type { DeliveryProvider, DeliverySource } from '../DeliverySource.ts';
import { DeliveryNetworkError } from '../DeliveryNetworkError.ts';

export interface SesDeliveryConfig {
  /** The AWS region whose SES account suppression list is read (`eu-west-1`). */
  region: string;
  /** Another SES API origin (a local stand-in, tests). Credentials come from the AWS SDK's usual chain. */
  endpoint: string | null;
}

const name = 'Amazon SES';

const configSchema = z.object({
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1'),
  SES_ENDPOINT: z.string().regex(/^https?:\/\/[^\s/?#]+(:\d+)?\/?$/i, 'must be an http(s) origin').nullable(),
});

const destination = z.object({ EmailAddress: z.string(), Reason: z.enum(['BOUNCE', 'COMPLAINT']), LastUpdateTime: z.date() });

/** The SDK's service errors carry the HTTP status in `$metadata` and the raw response (with its headers) in `$response`. */
function readFailure(thrown: unknown): ProviderFailure | null {
  if (!(thrown instanceof SESv2ServiceException)) return null;
  const status = thrown.$metadata?.httpStatusCode;
  if (status === undefined || status < 400) return null;
  const headers = (thrown as { $response?: { headers?: Record<string, string> } }).$response?.headers ?? {};
  return { status, retryAfter: headers['retry-after'] ?? null, code: thrown.name };
}

/**
 * A request that never got an HTTP answer (no status). The SDK passes the connection's own error
 * through: a socket error with its code (read by callProvider), or a TypeError ("Network error")
 * from an intercepted or fetch-based handler.
 */
function isNoAnswer(thrown: unknown): boolean {
  if (thrown instanceof SESv2ServiceException) return false;
  const value = thrown as { $metadata?: { httpStatusCode?: number }; name?: unknown; message?: unknown };
  return value?.$metadata?.httpStatusCode === undefined && value?.name === 'TypeError' && /fetch|network/i.test(String(value.message));
}

/**
 * Delivery evidence from Amazon SES: whether the address is on the account-level suppression list,
 * and why (a bounce or a complaint). SES keeps no per-address bounce history to query; its bounce
 * and complaint notifications reach us through the SES webhook instead. Clearing removes a
 * bounce's suppression and refuses a complaint's.
 */
export const sesDelivery: DeliveryProvider<SesDeliveryConfig> = {
  id: 'ses',
  name,
  settings: ['AWS_REGION', 'SES_ENDPOINT'],
  readConfig(env) {
    const parsed = parseEnvironment(configSchema, env);
    return { region: parsed.AWS_REGION, endpoint: parsed.SES_ENDPOINT?.replace(/\/$/, '') ?? null };
  },
  create(config, context) {
    return createSesSource(config, context);
  },
};

function createSesSource(config: SesDeliveryConfig, context: { timeoutMs: number; clock: () => number }): DeliverySource {
  // One attempt: callProvider owns the time budget, and the caller decides whether to try again.
  const client = new SESv2Client({ region: config.region, maxAttempts: 1, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
  const options = (signal: AbortSignal | undefined) => ({ providerName: name, timeoutMs: context.timeoutMs, signal, clock: context.clock, readFailure });
  const lookup = async (address: string, abortSignal: AbortSignal) => {
    try {
      const answer = await client.send(new GetSuppressedDestinationCommand({ EmailAddress: address }), { abortSignal });
      return destination.parse(answer.SuppressedDestination);
    } catch (thrown) {
      // Not on the list.
      if (thrown instanceof SESv2ServiceException && thrown.name === 'NotFoundException') return null;
      throw isNoAnswer(thrown) ? new DeliveryNetworkError(thrown) : thrown;
    }
  };

  return {
    id: 'ses',
    name,
    deliveryEvents(email, callOptions) {
      const address = email.trim().toLowerCase();
      return callProvider(options(callOptions?.signal), async (signal) => {
        const entry = await lookup(address, signal);
        if (!entry) return [];
        const at = entry.LastUpdateTime.toISOString();
        const suppressed: DeliveryEvent = { at, email: address, kind: 'suppressed', text: `On the account-level suppression list (reason ${entry.Reason})`, source: 'ses' };
        // The list keeps only when the entry last changed: the complaint is dated by it too.
        return entry.Reason === 'COMPLAINT' ? [{ at, email: address, kind: 'complained' as const, source: 'ses' }, suppressed] : [suppressed];
      });
    },
    async clearSuppression(email, callOptions) {
      const address = email.trim().toLowerCase();
      const result = await callProvider(options(callOptions?.signal), async (signal) => {
        const entry = await lookup(address, signal);
        if (!entry) return;
        if (entry.Reason === 'COMPLAINT') {
          throw new ProviderRefusal({
            kind: 'conflict',
            message: "Amazon SES keeps this address suppressed because its owner marked a mail as spam; that is not cleared from here. Only remove it in the SES console's suppression list if the person asks for mail again.",
          });
        }
        try {
          await client.send(new DeleteSuppressedDestinationCommand({ EmailAddress: address }), { abortSignal: signal });
        } catch (thrown) {
          if (thrown instanceof SESv2ServiceException && thrown.name === 'NotFoundException') return;
          throw isNoAnswer(thrown) ? new DeliveryNetworkError(thrown) : thrown;
        }
      });
      return result.ok ? ok({ clearedAt: new Date(context.clock()).toISOString() }) : err(result.error);
    },
    async close() {
      client.destroy();
    },
  };
}

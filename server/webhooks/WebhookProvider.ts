import { z } from 'zod';
import type { Result } from '../../src/engine/Result.ts';
import { parseAddress } from '../http/parseAddress.ts';
import type { ReportedDeliveryEvent } from '../mail/recordDeliveryEvents.ts';

/** One webhook request as a provider's verifier sees it: the body exactly as received. */
export interface WebhookRequest {
  rawBody: Buffer;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The server clock's time, for freshness windows. */
  now: Date;
}

/** Why a webhook request was refused: `unauthenticated` → 401, `malformed` → 400. Nothing is stored. */
export interface WebhookRefusal {
  kind: 'unauthenticated' | 'malformed';
  /** Names the problem; never quotes a secret or a signature. */
  message: string;
}

/** What a verified request carries: delivery events to store, and a note for the operator's log. */
export interface WebhookDelivery {
  events: ReportedDeliveryEvent[];
  /** Something the operator must see in the log (an SNS subscription to confirm), else null. */
  notice: { message: string; fields: Record<string, string> } | null;
  /** Run after the events are stored (Mailgun remembers the token it accepted). */
  onStored?: () => void;
}

/**
 * One provider's webhook: checks the request's authentication over the raw body, then
 * normalises the provider's documented payload into the contract's delivery events, with
 * `source` = the provider's name and `externalId` = the provider's event id, so a retried
 * webhook stores one event.
 */
export interface WebhookProvider {
  name: string;
  receive(request: WebhookRequest): Promise<Result<WebhookDelivery, WebhookRefusal>>;
}

export function header(request: WebhookRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const unauthenticated = (message: string): { ok: false; error: WebhookRefusal } => ({ ok: false, error: { kind: 'unauthenticated', message } });
export const malformed = (message: string): { ok: false; error: WebhookRefusal } => ({ ok: false, error: { kind: 'malformed', message } });
export const delivered = (events: ReportedDeliveryEvent[], notice: WebhookDelivery['notice'] = null): { ok: true; value: WebhookDelivery } => ({ ok: true, value: { events, notice } });

/** The body as JSON, or a refusal naming the problem. */
export function parseJsonBody(rawBody: Buffer): { ok: true; value: unknown } | { ok: false; error: WebhookRefusal } {
  try {
    return { ok: true, value: JSON.parse(rawBody.toString('utf8')) as unknown };
  } catch {
    return malformed('The body is not valid JSON.');
  }
}

/** Checks a payload against the provider's documented shape; a refusal names the first field that does not fit. */
export function parsePayload<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: WebhookRefusal } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  return malformed(`The payload does not have the documented shape: ${where}: ${issue?.message ?? 'not valid'}.`);
}

/** An email address as a provider sends it, normalised like every address we store. */
export const providerAddress = z.string().max(1024).transform((value, context) => {
  const address = parseAddress(value.trim().replace(/^<(.*)>$/, '$1'));
  if (!address.ok) {
    context.addIssue({ code: 'custom', message: 'not an email address' });
    return z.NEVER;
  }
  return address.address;
});

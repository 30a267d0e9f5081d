import { z } from 'zod';
import { defaultPolicy, type Policy } from '../../src/engine/Policy.ts';
import { ConfigError } from './loadConfig.ts';
import { parseEnvironment } from './parseEnvironment.ts';

/** How the server sends mail, from the environment; validated at boot. */
export interface MailConfig {
  /** The SMTP server, or null: no mail is configured (every send is `not_sent` mail_not_configured). */
  smtp: SmtpSettings | null;
  /** The From header's address and display name. */
  from: { address: string; name: string };
  /** The envelope sender (Return-Path): where delivery-status notifications go. */
  bounceAddress: string;
  /** The host part of Message-IDs (`<random@host>`): the From address's domain. */
  messageIdHost: string;
  retry: RetrySettings;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps:// (TLS from the first byte); smtp:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  /** Credentials from the URL. Secrets: never logged; use {@link describeSmtp} for log lines. */
  auth: { user: string; pass: string } | null;
  /**
   * True when the SMTP server is the recipient's own (the demo world's sink): a 250 means
   * `delivered`. False (a relay, the default): a 250 means `sent`, accepted by the relay, and
   * the delivery evidence comes later from bounce messages or webhooks.
   */
  finalHop: boolean;
  /** Milliseconds to wait for the greeting, and for any answer during the conversation. */
  timeoutMs: number;
}

/** Back-off of the durable queue: base, doubling per attempt, capped. */
export interface RetrySettings {
  baseMs: number;
  maxMs: number;
  /** How often the worker looks for due mail besides being woken by actions. */
  pollMs: number;
  /** How long an attempt's claim on a queued mail lasts before another worker may take it over. */
  leaseMs: number;
  /** How long an action's answer waits for its mail's first attempt (the attempt goes on after). */
  firstAttemptWaitMs: number;
}

const address = z.string().trim().email();
const positiveMs = z.coerce.number().int().min(1).max(7 * 24 * 3_600_000);
const schema = z.object({
  SMTP_URL: z
    .string()
    .url('must be an smtp:// or smtps:// URL')
    .refine((value) => /^smtps?:\/\/[^/]/i.test(value), 'must be an smtp:// or smtps:// URL')
    .nullable(),
  MAIL_FROM: z.string().nullable(),
  MAIL_BOUNCE_ADDRESS: address.nullable(),
  SMTP_FINAL_HOP: z.enum(['0', '1', 'true', 'false']).nullable(),
  SMTP_TIMEOUT_MS: positiveMs.nullable(),
  MAIL_RETRY_BASE_MS: positiveMs.nullable(),
  MAIL_RETRY_MAX_MS: positiveMs.nullable(),
  MAIL_POLL_MS: positiveMs.nullable(),
  MAIL_LEASE_MS: positiveMs.nullable(),
  MAIL_FIRST_ATTEMPT_WAIT_MS: z.coerce.number().int().min(0).max(60_000).nullable(),
});

/** The default display name when the policy names no product. */
export const defaultSenderName = 'Invite Doctor';

/**
 * Reads `SMTP_URL` (smtp://user:pass@host:port or smtps://…), `MAIL_FROM` (an address, or
 * `Name <address>`; default the policy's sender address), `MAIL_BOUNCE_ADDRESS` (default
 * `bounces@<MAIL_FROM's domain>`), `SMTP_FINAL_HOP` (0/1, default 0), `SMTP_TIMEOUT_MS` (default
 * 30 s) and the queue's `MAIL_RETRY_BASE_MS` (1 min), `MAIL_RETRY_MAX_MS` (1 h), `MAIL_POLL_MS`
 * (1 s), `MAIL_LEASE_MS` (2 min), `MAIL_FIRST_ATTEMPT_WAIT_MS` (2 s). Throws a {@link ConfigError} naming the setting and never
 * repeating the URL (it may hold a password).
 */
export function loadMailConfig(env: NodeJS.ProcessEnv, policy: Pick<Policy, 'senderAddress'> & { productName?: string } = defaultPolicy): MailConfig {
  const value = parseEnvironment(schema, env);
  const from = parseFrom(value.MAIL_FROM, policy);
  const messageIdHost = from.address.slice(from.address.lastIndexOf('@') + 1).toLowerCase();
  const retry: RetrySettings = {
    baseMs: value.MAIL_RETRY_BASE_MS ?? 60_000,
    maxMs: value.MAIL_RETRY_MAX_MS ?? 3_600_000,
    pollMs: value.MAIL_POLL_MS ?? 1_000,
    leaseMs: value.MAIL_LEASE_MS ?? 120_000,
    firstAttemptWaitMs: value.MAIL_FIRST_ATTEMPT_WAIT_MS ?? 2_000,
  };
  if (retry.maxMs < retry.baseMs) throw new ConfigError('Invalid setting MAIL_RETRY_MAX_MS: must not be smaller than MAIL_RETRY_BASE_MS.');
  return {
    smtp: value.SMTP_URL ? parseSmtpUrl(value.SMTP_URL, value.SMTP_FINAL_HOP === '1' || value.SMTP_FINAL_HOP === 'true', value.SMTP_TIMEOUT_MS ?? 30_000) : null,
    from,
    bounceAddress: value.MAIL_BOUNCE_ADDRESS ?? `bounces@${messageIdHost}`,
    messageIdHost,
    retry,
  };
}

/** `SMTP (host:port)`: what may be shown or logged of the SMTP setting (never the credentials). */
export function describeSmtp(smtp: Pick<SmtpSettings, 'host' | 'port'>): string {
  return `SMTP (${smtp.host}:${smtp.port})`;
}

function parseSmtpUrl(raw: string, finalHop: boolean, timeoutMs: number): SmtpSettings {
  const url = new URL(raw);
  const secure = url.protocol.toLowerCase() === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new ConfigError('Invalid setting SMTP_URL: it names no host.');
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  return { host, port, secure, auth: user ? { user, pass } : null, finalHop, timeoutMs };
}

function parseFrom(raw: string | null, policy: Pick<Policy, 'senderAddress'> & { productName?: string }): MailConfig['from'] {
  const defaultName = policy.productName?.trim() || defaultSenderName;
  if (!raw) return { address: policy.senderAddress, name: defaultName };
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(raw);
  const candidate = named ? (named[2] ?? '') : raw;
  const checked = address.safeParse(candidate);
  if (!checked.success) throw new ConfigError('Invalid setting MAIL_FROM: must be an address or "Name <address>".');
  return { address: checked.data, name: named?.[1]?.trim() || defaultName };
}

import { z } from 'zod';
import { ConfigError } from './loadConfig.ts';
import { parseEnvironment } from './parseEnvironment.ts';

/** The providers whose event webhooks the server accepts, each at `POST /v1/webhooks/<name>`. */
export type WebhookProviderName = 'sendgrid' | 'postmark' | 'mailgun' | 'ses' | 'resend';

export const webhookProviderNames: readonly WebhookProviderName[] = ['sendgrid', 'postmark', 'mailgun', 'ses', 'resend'];

/**
 * Which provider webhooks are enabled and the secret each one checks. A provider that is absent
 * is not enabled: its route answers 404 (deny by default). Secrets come from the environment only
 * and are never logged.
 */
export interface WebhookConfig {
  /** SendGrid's Signed Event Webhook verification key (base64 DER or PEM, ECDSA P-256). */
  sendgrid?: { publicKey: string };
  /** Postmark has no signature: the webhook URL carries HTTP basic auth credentials. */
  postmark?: { user: string; password: string };
  /** Mailgun's HTTP webhook signing key (HMAC-SHA256 of timestamp + token). */
  mailgun?: { signingKey: string };
  /** The SNS topic SES publishes to; notifications from any other topic are refused. */
  ses?: { topicArn: string };
  /** Resend's (Svix) endpoint secret, `whsec_…`. */
  resend?: { secret: string };
  /** Webhook requests one source address may make in a minute. @default 600 */
  requestsPerAddressPerMinute?: number;
  /** How old a Mailgun signature timestamp may be (either way), in ms. @default 5 minutes */
  maxSignatureAgeMs?: number;
  /**
   * Fetches an SNS signing certificate (PEM) from its URL, which has already been checked to be an
   * `sns.<region>.amazonaws.com` address. @default an HTTPS GET with a 5 s timeout and a 64 KiB cap
   */
  fetchCertificate?: (url: string) => Promise<string>;
}

const secret = (name: string, min = 1) => z.string().min(min, `${name} is too short`).max(4096, `${name} is too long`);
const schema = z.object({
  SENDGRID_WEBHOOK_PUBLIC_KEY: secret('SENDGRID_WEBHOOK_PUBLIC_KEY', 40)
    .refine((value) => /^[A-Za-z0-9+/=\s-]+$/.test(value.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')), 'must be the base64 verification key from SendGrid\u2019s Mail Settings')
    .nullable(),
  POSTMARK_WEBHOOK_USER: secret('POSTMARK_WEBHOOK_USER').refine((value) => !value.includes(':'), 'must not contain a colon (basic auth)').nullable(),
  POSTMARK_WEBHOOK_PASSWORD: secret('POSTMARK_WEBHOOK_PASSWORD', 16).nullable(),
  MAILGUN_WEBHOOK_SIGNING_KEY: secret('MAILGUN_WEBHOOK_SIGNING_KEY', 16).nullable(),
  SES_SNS_TOPIC_ARN: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/, 'must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)').nullable(),
  RESEND_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'must be the whsec_… signing secret of the Resend webhook').nullable(),
  WEBHOOK_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).nullable(),
});

/**
 * Reads the webhook settings from the environment (`SENDGRID_WEBHOOK_PUBLIC_KEY`,
 * `POSTMARK_WEBHOOK_USER` + `POSTMARK_WEBHOOK_PASSWORD`, `MAILGUN_WEBHOOK_SIGNING_KEY`,
 * `SES_SNS_TOPIC_ARN`, `RESEND_WEBHOOK_SECRET`, `WEBHOOK_REQUESTS_PER_MINUTE`). Throws a
 * {@link ConfigError} naming the setting, never quoting its value.
 */
export function loadWebhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
  const value = parseEnvironment(schema, env);
  if ((value.POSTMARK_WEBHOOK_USER === null) !== (value.POSTMARK_WEBHOOK_PASSWORD === null)) {
    throw new ConfigError('Invalid setting POSTMARK_WEBHOOK_USER: the Postmark webhook needs both POSTMARK_WEBHOOK_USER and POSTMARK_WEBHOOK_PASSWORD, or neither.');
  }
  return {
    ...(value.SENDGRID_WEBHOOK_PUBLIC_KEY ? { sendgrid: { publicKey: value.SENDGRID_WEBHOOK_PUBLIC_KEY } } : {}),
    ...(value.POSTMARK_WEBHOOK_USER && value.POSTMARK_WEBHOOK_PASSWORD ? { postmark: { user: value.POSTMARK_WEBHOOK_USER, password: value.POSTMARK_WEBHOOK_PASSWORD } } : {}),
    ...(value.MAILGUN_WEBHOOK_SIGNING_KEY ? { mailgun: { signingKey: value.MAILGUN_WEBHOOK_SIGNING_KEY } } : {}),
    ...(value.SES_SNS_TOPIC_ARN ? { ses: { topicArn: value.SES_SNS_TOPIC_ARN } } : {}),
    ...(value.RESEND_WEBHOOK_SECRET ? { resend: { secret: value.RESEND_WEBHOOK_SECRET } } : {}),
    ...(value.WEBHOOK_REQUESTS_PER_MINUTE ? { requestsPerAddressPerMinute: value.WEBHOOK_REQUESTS_PER_MINUTE } : {}),
  };
}

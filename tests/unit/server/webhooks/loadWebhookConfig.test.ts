import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { loadWebhookConfig } from '../../../../server/config/loadWebhookConfig.ts';

const whsec = `whsec_${Buffer.from('resend-test-signing-secret-0123').toString('base64')}`;

describe('loadWebhookConfig', () => {
  it('enables no webhook when nothing is set (deny by default)', () => {
    expect(loadWebhookConfig({})).toEqual({});
  });

  it('enables each provider whose secret is set', () => {
    expect(
      loadWebhookConfig({ POSTMARK_WEBHOOK_USER: 'hooks', POSTMARK_WEBHOOK_PASSWORD: 'a-long-password-123', MAILGUN_WEBHOOK_SIGNING_KEY: 'key-0123456789abcdef', SES_SNS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:ses-events', RESEND_WEBHOOK_SECRET: whsec, WEBHOOK_REQUESTS_PER_MINUTE: '120' }),
    ).toEqual({ postmark: { user: 'hooks', password: 'a-long-password-123' }, mailgun: { signingKey: 'key-0123456789abcdef' }, ses: { topicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-events' }, resend: { secret: whsec }, requestsPerAddressPerMinute: 120 });
  });

  it.each([
    [{ RESEND_WEBHOOK_SECRET: 'not-a-whsec-secret-value' }, 'RESEND_WEBHOOK_SECRET'],
    [{ SES_SNS_TOPIC_ARN: 'my-topic' }, 'SES_SNS_TOPIC_ARN'],
    [{ POSTMARK_WEBHOOK_USER: 'hk-user-q' }, 'POSTMARK_WEBHOOK_USER'],
    [{ POSTMARK_WEBHOOK_USER: 'hk-user-q', POSTMARK_WEBHOOK_PASSWORD: 'pw-7x9' }, 'POSTMARK_WEBHOOK_PASSWORD'],
    [{ MAILGUN_WEBHOOK_SIGNING_KEY: 'tiny' }, 'MAILGUN_WEBHOOK_SIGNING_KEY'],
  ])('refuses %o naming %s and never quoting the value', (env, setting) => {
    expect(() => loadWebhookConfig(env)).toThrow(ConfigError);
    expect(() => loadWebhookConfig(env)).toThrow(setting);
    for (const value of Object.values(env)) {
      try {
        loadWebhookConfig(env);
      } catch (error) {
        expect((error as Error).message).not.toContain(value);
      }
    }
  });
});

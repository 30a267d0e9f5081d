import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { sendgridDelivery } from '../../../../server/delivery/sendgrid/sendgridDelivery.ts';
import { bounceText, describeDeliveryConformance } from '../../../support/describeDeliveryConformance.ts';
import { freshAddress } from '../../../support/describeIdentityConformance.ts';
import { createSendgridFake } from './fakes/createSendgridFake.ts';

const apiKey = 'SG.test-key-0123456789ab.test-key-secret-0123456789abcdefghijklmnopq';
const unix = (minutesAgo: number) => Math.floor(Date.now() / 1000) - minutesAgo * 60;

const fake = createSendgridFake(apiKey);
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeDeliveryConformance(
  'SendGrid',
  async () => {
    const source = await sendgridDelivery.create(sendgridDelivery.readConfig({ SENDGRID_API_KEY: apiKey }), { timeoutMs: 3000, clock: Date.now });
    return {
      source,
      fault: (kind) => fake.fault(kind),
      async seed(situation, email) {
        if (situation === 'bounced') fake.add('bounces', { created: unix(30), email, reason: bounceText(email), status: '5.1.1' });
        else if (situation === 'complained') fake.add('spam_reports', { created: unix(20), email, ip: '10.63.202.100' });
        else if (situation === 'suppressed') {
          fake.add('blocks', { created: unix(50), email, reason: '554 5.7.1 Service unavailable; Client host blocked using zen.spamhaus.org', status: '5.7.1' });
          fake.add('bounces', { created: unix(40), email, reason: '550 5.1.1 No such user', status: '5.1.1' });
          fake.add('invalid_emails', { created: unix(39), email, reason: 'Mail domain mentioned in email address is unknown' });
        } else fake.add('bounces', { created: unix(5), email: `other-${email}`, reason: '550 5.1.1 No such user', status: '5.1.1' });
      },
      async close() {},
    };
  },
  { situations: ['bounced', 'complained', 'suppressed', 'clean'] },
);

describe('SendGrid delivery specifics', () => {
  it('reads the wait from X-RateLimit-Reset when SendGrid sends no Retry-After', async () => {
    const source = await sendgridDelivery.create(sendgridDelivery.readConfig({ SENDGRID_API_KEY: apiKey }), { timeoutMs: 3000, clock: Date.now });
    server.use(fake.rateLimitWithReset(12));
    const result = await source.deliveryEvents(freshAddress('limited'));
    expect(result.ok ? 'ok' : result.error.kind).toBe('rate_limited');
    if (!result.ok && result.error.kind === 'rate_limited') expect(result.error.retryAfterMs).toBeGreaterThan(10_000);
    if (!result.ok && result.error.kind === 'rate_limited') expect(result.error.retryAfterMs).toBeLessThanOrEqual(12_000);
  });

  it('refuses a global unsubscribe like a complaint, leaving the bounce in place', async () => {
    const source = await sendgridDelivery.create(sendgridDelivery.readConfig({ SENDGRID_API_KEY: apiKey }), { timeoutMs: 3000, clock: Date.now });
    const email = freshAddress('unsubscribed');
    fake.add('unsubscribes', { created: unix(10), email });
    fake.add('bounces', { created: unix(9), email, reason: '550 5.1.1 No such user', status: '5.1.1' });
    const cleared = await source.clearSuppression!(email);
    expect(cleared.ok ? 'ok' : cleared.error.kind).toBe('conflict');
    const events = await source.deliveryEvents(email);
    expect(events.ok && events.value.map((event) => event.kind)).toEqual(['bounced', 'suppressed', 'suppressed']);
  });
});

describe('SendGrid delivery settings', () => {
  it('refuses to start without an API key, naming the setting', () => {
    expect(() => sendgridDelivery.readConfig({})).toThrow(ConfigError);
    expect(() => sendgridDelivery.readConfig({})).toThrow(/SENDGRID_API_KEY/);
  });

  it('names a key that is not a SendGrid key without quoting it', () => {
    const read = () => sendgridDelivery.readConfig({ SENDGRID_API_KEY: 'not-a-sendgrid-key-value' });
    expect(read).toThrow(/SENDGRID_API_KEY/);
    expect(read).not.toThrow(/not-a-sendgrid-key-value/);
  });

  it('names a region it does not know', () => {
    expect(() => sendgridDelivery.readConfig({ SENDGRID_API_KEY: apiKey, SENDGRID_DATA_RESIDENCY: 'mars' })).toThrow(/SENDGRID_DATA_RESIDENCY/);
  });
});

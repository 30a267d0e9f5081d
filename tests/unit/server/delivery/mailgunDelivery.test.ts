import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { mailgunDelivery } from '../../../../server/delivery/mailgun/mailgunDelivery.ts';
import { bounceText, describeDeliveryConformance } from '../../../support/describeDeliveryConformance.ts';
import { freshAddress } from '../../../support/describeIdentityConformance.ts';
import { createMailgunFake } from './fakes/createMailgunFake.ts';

const apiKey = 'test-key-4f1c2b9e8a7d6c5b-1a2b3c4d';
const domain = 'mg.example.org';
const env = { MAILGUN_API_KEY: apiKey, MAILGUN_DOMAIN: domain };
const secondsAgo = (minutes: number) => Date.now() / 1000 - minutes * 60;

const fake = createMailgunFake(apiKey, domain);
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
const createSource = () => mailgunDelivery.create(mailgunDelivery.readConfig(env), { timeoutMs: 3000, clock: Date.now });

describeDeliveryConformance(
  'Mailgun',
  async () => ({
    source: await createSource(),
    fault: (kind) => fake.fault(kind),
    async seed(situation, email) {
      if (situation === 'bounced') {
        fake.addEvent(email, 'delivered', secondsAgo(90), { 'delivery-status': { code: 250, message: 'OK', description: '', 'attempt-no': 1 } });
        fake.addEvent(email, 'failed', secondsAgo(30), { severity: 'permanent', reason: 'bounce', 'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: bounceText(email), description: '', 'attempt-no': 1, 'mx-host': 'mx.example.com' } });
        fake.suppress('bounces', email, new Date(Date.now() - 29 * 60_000), { code: '550', error: bounceText(email) });
      } else if (situation === 'complained') {
        fake.addEvent(email, 'complained', secondsAgo(20));
        fake.suppress('complaints', email, new Date(Date.now() - 20 * 60_000));
      } else if (situation === 'suppressed') {
        fake.suppress('bounces', email, new Date(Date.now() - 60 * 60_000), { code: '550', error: '550 5.1.1 No such user' });
        fake.addEvent(email, 'failed', secondsAgo(10), { severity: 'permanent', reason: 'suppress-bounce', 'delivery-status': { code: 605, message: '', description: 'Not delivering to previously bounced address', 'attempt-no': 1 } });
      } else fake.addEvent(email, 'delivered', secondsAgo(5), { 'delivery-status': { code: 250, message: 'OK', description: '', 'attempt-no': 1 } });
    },
    async seedMany(email) {
      for (let index = 0; index < 305; index++) {
        fake.addEvent(email, 'failed', secondsAgo(900 - index), { severity: 'permanent', reason: 'bounce', 'delivery-status': { code: 550, 'enhanced-code': '5.1.1', message: bounceText(email), description: '', 'attempt-no': 1 } });
      }
      return 305;
    },
    async close() {},
  }),
  { situations: ['bounced', 'complained', 'suppressed', 'clean'], retryAfter: 'mailgun.js keeps no response headers on its APIError' },
);

describe('Mailgun delivery specifics', () => {
  it('reads a temporary failure as deferred and a send skipped for a suppression as dropped, with the codes Mailgun gave', async () => {
    const email = freshAddress('soft');
    fake.addEvent(email, 'failed', secondsAgo(15), { severity: 'temporary', reason: 'generic', 'delivery-status': { code: 452, 'enhanced-code': '4.2.2', message: '452 4.2.2 The email account that you tried to reach is over quota.', description: '', 'attempt-no': 1 } });
    fake.addEvent(email, 'failed', secondsAgo(14), { severity: 'permanent', reason: 'suppress-complaint', 'delivery-status': { code: 607, message: '', description: 'Not delivering to a user who marked your messages as spam', 'attempt-no': 1 } });
    const result = await (await createSource()).deliveryEvents(email);
    expect(result.ok && result.value.map(({ kind, smtpCode, enhancedCode, text }) => ({ kind, smtpCode, enhancedCode, text }))).toEqual([
      { kind: 'deferred', smtpCode: 452, enhancedCode: '4.2.2', text: '452 4.2.2 The email account that you tried to reach is over quota.' },
      { kind: 'dropped', smtpCode: undefined, enhancedCode: undefined, text: 'Not delivering to a user who marked your messages as spam' },
    ]);
  });

  it('stops at an empty page', async () => {
    const before = fake.requests;
    const result = await (await createSource()).deliveryEvents(freshAddress('quiet'));
    expect(result).toEqual({ ok: true, value: [] });
    // One events page (empty), then the three suppression lists.
    expect(fake.requests - before).toBe(4);
  });
});

describe('Mailgun delivery settings', () => {
  it('refuses to start without its key and domain, naming each', () => {
    expect(() => mailgunDelivery.readConfig({})).toThrow(ConfigError);
    expect(() => mailgunDelivery.readConfig({ MAILGUN_API_KEY: apiKey })).toThrow(/MAILGUN_DOMAIN/);
    expect(() => mailgunDelivery.readConfig({ MAILGUN_DOMAIN: domain })).toThrow(/MAILGUN_API_KEY/);
  });

  it('takes the EU origin, and refuses a plain-http one without quoting it', () => {
    expect(mailgunDelivery.readConfig({ ...env, MAILGUN_API_URL: 'https://api.eu.mailgun.net/' }).url).toBe('https://api.eu.mailgun.net');
    const read = () => mailgunDelivery.readConfig({ ...env, MAILGUN_API_URL: 'http://leaky.example' });
    expect(read).toThrow(/MAILGUN_API_URL/);
    expect(read).not.toThrow(/leaky/);
  });
});

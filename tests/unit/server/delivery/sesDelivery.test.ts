import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { sesDelivery } from '../../../../server/delivery/ses/sesDelivery.ts';
import { describeDeliveryConformance } from '../../../support/describeDeliveryConformance.ts';
import { freshAddress } from '../../../support/describeIdentityConformance.ts';
import { createSesFake } from './fakes/createSesFake.ts';

const accessKeyId = 'AKIATESTKEY000000000';
const origin = 'https://email.eu-west-1.amazonaws.com';
const fake = createSesFake(origin, accessKeyId);
const server = setupServer(...fake.handlers);

beforeAll(() => {
  // The SDK's credential chain stops at the environment: it never asks an instance metadata service.
  vi.stubEnv('AWS_ACCESS_KEY_ID', accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test-key-secret-000000000000000000000000');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describeDeliveryConformance(
  'Amazon SES',
  async () => {
    const source = await sesDelivery.create(sesDelivery.readConfig({ AWS_REGION: 'eu-west-1' }), { timeoutMs: 3000, clock: Date.now });
    return {
      source,
      fault: (kind) => fake.fault(kind),
      async seed(situation, email) {
        if (situation === 'complained') fake.suppress(email, 'COMPLAINT', minutesAgo(20));
        else if (situation === 'suppressed') fake.suppress(email, 'BOUNCE', minutesAgo(40));
      },
      close: async () => source.close?.(),
    };
  },
  // SES's suppression list holds no SMTP text: a bounce shows only as a suppression.
  { situations: ['complained', 'suppressed', 'clean'] },
);

describe('Amazon SES delivery specifics', () => {
  it('dates the suppression by the list entry and says why it is there', async () => {
    const email = freshAddress('dated');
    const when = new Date('2026-03-02T10:20:30.000Z');
    fake.suppress(email, 'BOUNCE', when);
    const source = await sesDelivery.create(sesDelivery.readConfig({ AWS_REGION: 'eu-west-1' }), { timeoutMs: 3000, clock: Date.now });
    expect(await source.deliveryEvents(email)).toEqual({
      ok: true,
      value: [{ at: '2026-03-02T10:20:30.000Z', email, kind: 'suppressed', text: 'On the account-level suppression list (reason BOUNCE)', source: 'ses' }],
    });
  });

  it('talks to SES_ENDPOINT when it is set', async () => {
    const local = createSesFake('http://127.0.0.1:4579', accessKeyId);
    server.use(...local.handlers);
    const email = freshAddress('local');
    local.suppress(email, 'BOUNCE', minutesAgo(1));
    const source = await sesDelivery.create(sesDelivery.readConfig({ AWS_REGION: 'eu-west-1', SES_ENDPOINT: 'http://127.0.0.1:4579' }), { timeoutMs: 3000, clock: Date.now });
    const events = await source.deliveryEvents(email);
    expect(events.ok && events.value.map((event) => event.kind)).toEqual(['suppressed']);
  });
});

describe('Amazon SES delivery settings', () => {
  it('refuses to start without a region, naming the setting', () => {
    expect(() => sesDelivery.readConfig({})).toThrow(ConfigError);
    expect(() => sesDelivery.readConfig({})).toThrow(/AWS_REGION/);
  });

  it('names a bad endpoint without quoting it', () => {
    const read = () => sesDelivery.readConfig({ AWS_REGION: 'eu-west-1', SES_ENDPOINT: 'ftp://secret-host' });
    expect(read).toThrow(/SES_ENDPOINT/);
    expect(read).not.toThrow(/secret-host/);
  });
});

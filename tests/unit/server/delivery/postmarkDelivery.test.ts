import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { postmarkDelivery } from '../../../../server/delivery/postmark/postmarkDelivery.ts';
import { bounceText, describeDeliveryConformance } from '../../../support/describeDeliveryConformance.ts';
import { createPostmarkFake } from './fakes/createPostmarkFake.ts';

const token = 'test-token-7f3c9a1e-0d4b-4a55-9c1e-3b2d8e6f1a20';

/** Postmark's own time format: a local time with an offset and seven decimals. */
const postmarkTime = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace('Z', '0000-00:00');

describeDeliveryConformance(
  'Postmark',
  async () => {
    const fake = createPostmarkFake(token);
    const server = setupServer(...fake.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    const source = await postmarkDelivery.create(postmarkDelivery.readConfig({ POSTMARK_SERVER_TOKEN: token }), { timeoutMs: 3000, clock: Date.now });
    return {
      source,
      fault: (kind) => fake.fault(kind),
      async seed(situation, email) {
        if (situation === 'bounced') {
          fake.addBounce(email, 'HardBounce', 1, `smtp;${bounceText(email)}`, postmarkTime(30), true);
          fake.addSuppression('outbound', email, 'HardBounce', postmarkTime(29));
        } else if (situation === 'complained') {
          fake.addBounce(email, 'SpamComplaint', 512, 'Test spam complaint details', postmarkTime(20), true);
          fake.addSuppression('outbound', email, 'SpamComplaint', postmarkTime(20));
        } else if (situation === 'suppressed') {
          fake.addBounce(email, 'HardBounce', 1, 'smtp;550 5.1.1 mailbox unavailable', postmarkTime(60), true);
          fake.addSuppression('outbound', email, 'HardBounce', postmarkTime(59));
        } else {
          // A clean address shares a prefix with a bounced one: emailFilter's partial match must not leak it.
          fake.addBounce(`x${email}`, 'HardBounce', 1, 'smtp;550 5.1.1 nope', postmarkTime(5), true);
        }
      },
      async seedMany(email) {
        for (let index = 0; index < 503; index++) fake.addBounce(email, 'HardBounce', 1, `smtp;${bounceText(email)}`, postmarkTime(600 - index), false);
        return 503;
      },
      async close() {
        server.close();
      },
    };
  },
  { situations: ['bounced', 'complained', 'suppressed', 'clean'] },
);

describe('Postmark delivery settings', () => {
  it('refuses to start without a server token, naming the setting', () => {
    expect(() => postmarkDelivery.readConfig({})).toThrow(ConfigError);
    expect(() => postmarkDelivery.readConfig({})).toThrow(/POSTMARK_SERVER_TOKEN/);
  });

  it('names a bad message stream without quoting it', () => {
    const read = () => postmarkDelivery.readConfig({ POSTMARK_SERVER_TOKEN: token, POSTMARK_MESSAGE_STREAM: 'Not A Stream!' });
    expect(read).toThrow(/POSTMARK_MESSAGE_STREAM/);
    expect(read).not.toThrow(/Not A Stream/);
  });

  it('reads the outbound stream unless told otherwise', () => {
    expect(postmarkDelivery.readConfig({ POSTMARK_SERVER_TOKEN: token })).toEqual({ serverToken: token, messageStream: 'outbound' });
    expect(postmarkDelivery.readConfig({ POSTMARK_SERVER_TOKEN: token, POSTMARK_MESSAGE_STREAM: 'invites' }).messageStream).toBe('invites');
  });
});

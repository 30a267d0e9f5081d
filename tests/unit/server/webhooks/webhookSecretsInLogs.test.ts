import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../../../server/createInviteDoctorServer.ts';
import { openTestStore, testEpoch, testLinkOrigin, testSecret } from '../../../support/startTestServer.ts';
import { fixture } from './webhookBench.ts';

const password = 'postmark-password-never-logged-42';
const signingKey = 'key-mailgun-never-logged-0123456789';
const logLines: string[] = [];
let server: InviteDoctorServer;

beforeAll(async () => {
  server = await createInviteDoctorServer({
    store: await openTestStore(),
    secret: testSecret,
    publicUrl: testLinkOrigin,
    seedDemo: false,
    clock: () => testEpoch,
    logger: { level: 'trace' },
    logStream: { write: (line: string) => void logLines.push(line) },
    http: { webhooks: { postmark: { user: 'hooks', password }, mailgun: { signingKey } } },
  });
}, 120_000);
afterAll(async () => {
  await server.app.close();
  await server.store.close();
});

describe('webhook secrets and the log', () => {
  it('never writes a webhook secret, credential or signature to the log, whether the request is accepted or refused', async () => {
    const basic = Buffer.from(`hooks:${password}`).toString('base64');
    const post = (provider: string, payload: string, headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'POST', url: `/v1/webhooks/${provider}`, headers: { 'content-type': 'application/json', ...headers }, payload });
    expect((await post('postmark', fixture('postmark', 'delivery'), { authorization: `Basic ${basic}` })).statusCode).toBe(200);
    expect((await post('postmark', fixture('postmark', 'delivery'), { authorization: `Basic ${Buffer.from(`hooks:${password}-wrong`).toString('base64')}` })).statusCode).toBe(401);
    const body = JSON.parse(fixture('mailgun', 'complained')) as Record<string, unknown>;
    const timestamp = String(testEpoch / 1000);
    const signature = createHmac('sha256', signingKey).update(`${timestamp}token-1`).digest('hex');
    body.signature = { timestamp, token: 'token-1', signature };
    expect((await post('mailgun', JSON.stringify(body))).statusCode).toBe(200);
    const log = logLines.join('\n');
    expect(log).toContain('webhook events recorded');
    expect(log).toContain('webhook refused');
    for (const secret of [password, basic, signingKey, signature]) expect(log).not.toContain(secret);
  });
});

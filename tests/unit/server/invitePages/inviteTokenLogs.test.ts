import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../../../server/createInviteDoctorServer.ts';
import { resetDemoOrganisation } from '../../../../server/store/seedDemoOrganisation.ts';
import { openTestStore, testEpoch, testLinkOrigin, testSecret } from '../../../support/startTestServer.ts';

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
  });
  await resetDemoOrganisation(server.store.db, { now: new Date(testEpoch), policy: server.service.policy, links: server.service.links });
}, 60_000);
afterAll(async () => {
  await server.app.close();
  await server.store.close();
});

describe('invite tokens and the log', () => {
  it('never writes a token: the page, the button, the fresh-invitation form, HEAD and a broken token', async () => {
    const tokens = [server.service.links.token('usr_ana', 1), server.service.links.token('usr_cara', 1)];
    const [ana = '', cara = ''] = tokens;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const answers = [
      await server.app.inject({ method: 'GET', url: `/invite/${ana}?utm=${ana}` }),
      await server.app.inject({ method: 'HEAD', url: `/invite/${ana}` }),
      await server.app.inject({ method: 'POST', url: `/invite/${ana}`, headers: form, payload: '' }),
      await server.app.inject({ method: 'POST', url: `/invite/${cara}/fresh`, headers: form, payload: '' }),
      await server.app.inject({ method: 'GET', url: `/invite/${ana.slice(0, 20)}` }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 202, 404]);
    for (const answer of answers) expect(answer.headers.location).toBeUndefined();
    const log = logLines.join('\n');
    expect(log).toContain('/invite/[redacted]');
    for (const secret of [...tokens, ana.slice(0, 20)]) expect(log).not.toContain(secret);
  });
});

describe('the demo inbox with the demo off', () => {
  it('does not exist: 404 like any unknown address, even with mails in the table', async () => {
    await server.store.db.insertInto('demoInbox').values({ email: 'ana.invited@example.com', receivedAt: new Date(testEpoch), messageId: null, envelopeFrom: null, subject: 'Join us', text: 'a link', html: null }).execute();
    const answer = await server.app.inject({ method: 'GET', url: '/demo/inbox' });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).not.toContain('Join us');
    expect(answer.json()).toMatchObject({ error: { kind: 'not_found' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicy } from '../../../../src/engine/Policy.ts';
import type { MailTransport } from '../../../../server/mail/MailTransport.ts';
import { createSmtpMailTransport } from '../../../../server/mail/smtp/createSmtpMailTransport.ts';
import { createInviteLinks } from '../../../../server/service/createInviteLinks.ts';
import { seedDemoOrganisation } from '../../../../server/store/seedDemoOrganisation.ts';
import { bounceAddress, startDemoMailWorld, type DemoMailWorld } from './demoMailWorld.ts';

const now = new Date('2025-03-10T09:00:00.000Z');
const hour = 3_600_000;
const links = createInviteLinks(Buffer.alloc(32, 7), 'https://app.example.com/invite/');
let world: DemoMailWorld;
let transport: MailTransport;
let seedMs = 0;

// The demo seed made by real SMTP exchanges with the sink; ben's slow server answers after the replay stopped waiting.
beforeAll(async () => {
  world = await startDemoMailWorld({ slowReplyMs: 30_000 });
  transport = createSmtpMailTransport({
    from: { address: 'invites@app.example.com', name: 'Invite Doctor' },
    bounceAddress,
    messageIdHost: 'app.example.com',
    smtp: { host: '127.0.0.1', port: world.sink.port, secure: false, auth: null, finalHop: true, timeoutMs: 10_000 },
  });
  const started = Date.now();
  expect(await seedDemoOrganisation(world.store.db, { now, policy: createPolicy(), links, mail: transport, replayWaitMs: 1_500 })).toBe(true);
  seedMs = Date.now() - started;
}, 60_000);
afterAll(async () => {
  transport.close?.();
  await world.close();
});

const events = (email: string) => world.store.db.selectFrom('deliveryEvents').selectAll().where('email', '=', email).orderBy('id').execute();
const suppressed = async (email: string) => (await world.store.db.selectFrom('suppressions').select('email').where('email', '=', email).executeTakeFirst()) !== undefined;

describe('demo seed replayed through the SMTP sink', () => {
  it("gus bounced with the sink's 550 5.1.1, at the story's time", async () => {
    const [sent, bounced] = await events('gus.nomailbox@example.com');
    expect(sent).toMatchObject({ kind: 'sent', source: 'smtp' });
    expect(bounced).toMatchObject({ kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', source: 'smtp' });
    expect(bounced?.text).toMatch(/^550 5\.1\.1 <gus\.nomailbox@example\.com>: Recipient address rejected: User unknown/);
    expect(bounced?.at.toISOString()).toBe(new Date(now.getTime() - 24 * hour).toISOString());
    expect(bounced?.messageId).toMatch(/@app\.example\.com$/);
  });

  it('finn bounced because exampel.com has no mail server (5.1.2)', async () => {
    expect((await events('finn@exampel.com')).at(-1)).toMatchObject({ kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.2' });
  });

  it("ivan and the rest of corp.example were refused by the filter's 554 5.7.1, not suppressed", async () => {
    for (const local of ['ivan', 'priya', 'tomas', 'sofia', 'liam']) {
      expect((await events(`${local}@corp.example`)).at(-1)).toMatchObject({ kind: 'bounced', smtpCode: 554, enhancedCode: '5.7.1' });
      expect(await suppressed(`${local}@corp.example`)).toBe(false);
    }
  });

  it('hana is on our suppression list and her attempt was dropped without SMTP', async () => {
    expect(await suppressed('hana.suppressed@example.com')).toBe(true);
    expect((await events('hana.suppressed@example.com')).map((event) => event.kind)).toEqual(['sent', 'dropped']);
    expect(await world.store.db.selectFrom('demoInbox').select('id').where('email', '=', 'hana.suppressed@example.com').execute()).toEqual([]);
  });

  it("ana's invitation was delivered (250 from the sink) two hours ago and sits in the demo inbox with her current link", async () => {
    const [sent, delivered] = await events('ana.invited@example.com');
    expect(sent).toMatchObject({ kind: 'sent' });
    expect(delivered).toMatchObject({ kind: 'delivered', smtpCode: 250, source: 'smtp' });
    expect(delivered?.at.toISOString()).toBe(new Date(now.getTime() - 2 * hour).toISOString());
    const [mail] = await world.store.db.selectFrom('demoInbox').selectAll().where('email', '=', 'ana.invited@example.com').execute();
    expect(mail?.messageId).toBe(delivered?.messageId);
    expect(mail?.text).toContain(links.url('usr_ana', 1));
  });

  it("quinn's mail never left: our relay's quota reply is a not_sent provider_rate_limited event", async () => {
    expect(await events('quinn.quota@example.com')).toMatchObject([{ kind: 'not_sent', reason: 'provider_rate_limited', smtpCode: 451 }]);
  });

  it("rosa's mail server refused it after DATA for DMARC (5.7.26)", async () => {
    expect((await events('rosa.dmarc@example.org')).at(-1)).toMatchObject({ kind: 'bounced', enhancedCode: '5.7.26' });
  });

  it('a slow exchange does not hold up the seeding: ben is left in flight (sent only)', async () => {
    expect((await events('ben.recent@example.com')).map((event) => event.kind)).toEqual(['sent']);
    // It stopped waiting for ben long before his server would have answered.
    expect(seedMs).toBeLessThan(20_000);
  });

  it('pia has two delivered invitations, the older one first', async () => {
    expect((await events('pia.resent@example.com')).map((event) => event.kind)).toEqual(['sent', 'delivered', 'sent', 'delivered']);
  });
});

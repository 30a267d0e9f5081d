import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounceAddress, eventually, smtpError, startDemoMailWorld, type DemoMailWorld } from './demoMailWorld.ts';

// One world for the file (an embedded database costs seconds); each test uses its own addresses.
let world: DemoMailWorld;
beforeAll(async () => {
  world = await startDemoMailWorld();
}, 60_000);
afterAll(async () => {
  await world.close();
});

async function refusal(to: string, options?: Parameters<DemoMailWorld['send']>[1]) {
  const error = await world.send(to, options).then(
    () => null,
    (thrown: unknown) => smtpError(thrown),
  );
  if (!error) throw new Error(`the sink accepted mail for ${to}`);
  return error;
}

const inbox = (email: string) => world.store.db.selectFrom('demoInbox').selectAll().where('email', '=', email).execute();

describe('demo mail sink', () => {
  it('accepts mail for an existing mailbox with 250 and stores it in the demo inbox', async () => {
    const { response, messageId } = await world.send('New.Person@Example.com', { subject: 'Welcome aboard' });
    expect(response).toMatch(/^250 2\.0\.0 Ok: queued as /);
    const rows = await inbox('new.person@example.com');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ messageId, envelopeFrom: bounceAddress, subject: 'Welcome aboard' });
    expect(rows[0]?.text).toContain('https://app.example.com/invite/abc');
    expect(rows[0]?.html).toContain('<a href="https://app.example.com/invite/abc">');
  });

  it('refuses an unknown mailbox at RCPT TO with 550 5.1.1', async () => {
    const error = await refusal('gus.nomailbox@example.com');
    expect(error.responseCode).toBe(550);
    expect(error.command).toBe('RCPT TO');
    expect(error.response).toMatch(/^550 5\.1\.1 <gus\.nomailbox@example\.com>: Recipient address rejected: User unknown/);
    expect(await inbox('gus.nomailbox@example.com')).toEqual([]);
  });

  it('reports a domain without a mail server as an MTA does (550 5.1.2, no MX)', async () => {
    const error = await refusal('finn@exampel.com');
    expect(error.responseCode).toBe(550);
    expect(error.response).toMatch(/^550 5\.1\.2 .*Domain not found; no MX for exampel\.com/);
  });

  it("refuses after DATA with 554 5.7.1 from corp.example's content filter, storing nothing", async () => {
    const error = await refusal('ivan@corp.example');
    expect(error.responseCode).toBe(554);
    expect(error.command).toBe('DATA');
    expect(error.response).toMatch(/^554 5\.7\.1 Message rejected as spam/);
    expect(await inbox('ivan@corp.example')).toEqual([]);
  });

  it('refuses after DATA with 550 5.7.26 when our sending domain fails DMARC (rosa)', async () => {
    const error = await refusal('rosa.dmarc@example.org');
    expect(error.responseCode).toBe(550);
    expect(error.response).toMatch(/^550 5\.7\.26 .*DMARC/);
  });

  it('answers 452 4.2.2 for a full mailbox', async () => {
    const error = await refusal('mia.full@example.com');
    expect(error.responseCode).toBe(452);
    expect(error.response).toMatch(/^452 4\.2\.2 .*Mailbox full/);
  });

  it("answers our relay's daily quota with 451 4.7.0 for quinn", async () => {
    const error = await refusal('quinn.quota@example.com');
    expect(error.responseCode).toBe(451);
    expect(error.response).toMatch(/^451 4\.7\.0 Daily sending quota exceeded for this account/);
  });

  it('greylists with 451 4.7.1 and accepts the same sender, recipient and client after the delay', async () => {
    const first = await refusal('someone@greylist.example');
    expect(first.responseCode).toBe(451);
    expect(first.response).toMatch(/^451 4\.7\.1 .*Greylisted/);
    // Too early: still deferred.
    expect((await refusal('someone@greylist.example')).responseCode).toBe(451);
    // Another recipient is a new triplet.
    expect((await refusal('other@greylist.example')).responseCode).toBe(451);
    await new Promise((resolve) => setTimeout(resolve, 220));
    const { response } = await world.send('someone@greylist.example');
    expect(response).toMatch(/^250 /);
    expect(await inbox('someone@greylist.example')).toHaveLength(1);
  });

  it('stalls after RCPT TO until the client times out', async () => {
    const started = Date.now();
    const error = await refusal('anyone@stall.example', { socketTimeout: 300 });
    expect(error.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await inbox('anyone@stall.example')).toEqual([]);
  });

  it("answers the slow mailbox's RCPT TO only after its pause, then accepts", async () => {
    const started = Date.now();
    const { response } = await world.send('ben.recent@example.com');
    expect(response).toMatch(/^250 /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('accepts for relay.example, then its delivery-status notification makes the receiver store a bounce for the right Message-ID', async () => {
    const { response, messageId } = await world.send('lost@relay.example');
    expect(response).toMatch(/^250 /);
    const event = await eventually(() => world.store.db.selectFrom('deliveryEvents').selectAll().where('email', '=', 'lost@relay.example').executeTakeFirst());
    expect(event).toMatchObject({ kind: 'bounced', source: 'dsn', messageId, smtpCode: 550, enhancedCode: '5.1.1' });
    expect(event.text).toMatch(/^550 5\.1\.1 <lost@relay\.example>: Recipient address rejected: User unknown in local recipient table$/);
    // Accepted by the relay, never in a mailbox.
    expect(await inbox('lost@relay.example')).toEqual([]);
    // A hard bounce about the mailbox puts the address on our suppression list.
    expect(await world.store.db.selectFrom('suppressions').select('email').where('email', '=', 'lost@relay.example').executeTakeFirst()).toBeDefined();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../server/store/openDatabase.ts';
import { openTestStore, startTestServer, type TestServer } from '../../../support/startTestServer.ts';

const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const safeLinks = 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0; BingPreview/1.0b)';
const minute = 60_000;

let store: Store;
let server: TestServer;
beforeAll(async () => {
  store = await openTestStore();
  server = await startTestServer({ store, limits: { freshInvitesPerClientPerHour: 3 }, http: { demoInbox: true } });
}, 120_000);
afterAll(async () => {
  await server.close({ closeStore: true });
});
beforeEach(async () => {
  await server.reset();
  // reset() empties the invitation data; the audit trail stays, so each test starts from none.
  await store.db.deleteFrom('rateBuckets').execute();
  await store.db.deleteFrom('auditLog').execute();
});

const tokenOf = (userId: string, generation = 1) => server.service.links.token(userId, generation);
const open = (token: string, headers: Record<string, string> = { 'user-agent': browser, 'accept-language': 'en-GB,en;q=0.8' }, method = 'GET') =>
  fetch(`${server.url}/invite/${token}`, { method, headers });
const press = (token: string, path = '', headers: Record<string, string> = { 'user-agent': browser, 'accept-language': 'en' }) =>
  fetch(`${server.url}/invite/${token}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
const linkEvents = async (email: string) => {
  const answer = await fetch(`${server.url}/v1/link-events?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${server.keys.admin}` } });
  return ((await answer.json()) as { events: Record<string, unknown>[] }).events;
};
const user = (id: string) => store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const tokenState = (token: string) =>
  store.db.selectFrom('inviteTokens').select('state').where('tokenHash', '=', server.service.links.hash(token)).executeTakeFirstOrThrow().then((row) => row.state);

describe('the invite page: opening does not accept', () => {
  it('shows the invitation with one button and leaves the token unused, recording a person opening it', async () => {
    const token = tokenOf('usr_ana');
    const page = await open(token);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Accept the invitation');
    expect(body).toContain('a•••d@example.com');
    expect(body).not.toContain('ana.invited@example.com');
    // The form posts to the page's own address: the token is not repeated in the page.
    expect(body).toContain('<form method="post"><button type="submit">');
    expect(body).not.toContain(token);
    expect(await tokenState(token)).toBe('current');
    expect((await user('usr_ana')).status).toBe('invited');
    // The seed delivered Ana's mail two hours ago.
    expect(await linkEvents('ana.invited@example.com')).toEqual([{ at: new Date(server.now()).toISOString(), email: 'ana.invited@example.com', kind: 'opened', secondsAfterDelivery: 7_200, automated: false }]);
  });

  it('marks a security scanner and a HEAD as automated, and neither spends the link', async () => {
    const token = tokenOf('usr_ana');
    expect((await open(token, { 'user-agent': safeLinks })).status).toBe(200);
    expect((await open(token, { 'user-agent': browser, 'accept-language': 'en' }, 'HEAD')).status).toBe(200);
    expect((await linkEvents('ana.invited@example.com')).map((event) => [event.kind, event.automated])).toEqual([
      ['opened', true],
      ['opened', true],
    ]);
    expect(await tokenState(token)).toBe('current');
    expect((await press(token)).status).toBe(200);
  });

  it('counts a GET seconds after delivery without any language as automated, and the same with a language as a person', async () => {
    await store.db.insertInto('deliveryEvents').values({ email: 'ana.invited@example.com', at: new Date(server.now() - 3_000), kind: 'delivered', smtpCode: 250, enhancedCode: null, text: null, reason: null, purpose: 'invitation' }).execute();
    await open(tokenOf('usr_ana'), { 'user-agent': browser });
    await open(tokenOf('usr_ana'), { 'user-agent': browser, 'accept-language': 'sv' });
    expect((await linkEvents('ana.invited@example.com')).map((event) => [event.secondsAfterDelivery, event.automated])).toEqual([
      [3, true],
      [3, false],
    ]);
  });
});

describe('the invite page: accepting', () => {
  it('accepts once: the user becomes active with setup still to do, and a second press says the link was used', async () => {
    const token = tokenOf('usr_ana');
    const accepted = await press(token);
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('You&#39;re in');
    expect(await user('usr_ana')).toMatchObject({ status: 'active', acceptedAt: new Date(server.now()), setupCompleted: false, expiresAt: null });
    expect(await tokenState(token)).toBe('used');
    const again = await press(token);
    expect(again.status).toBe(410);
    const body = await again.text();
    expect(body).toContain('already been accepted');
    expect(body).not.toContain('Send me a fresh invitation');
    expect((await linkEvents('ana.invited@example.com')).map((event) => [event.kind, event.refusal])).toEqual([
      ['accepted', undefined],
      ['refused', 'used'],
    ]);
    const audit = await store.db.selectFrom('auditLog').selectAll().where('operation', '=', 'acceptInvite').execute();
    expect(audit).toMatchObject([{ target: 'usr_ana', result: 'ok', keyId: null, role: null }]);
  });

  it('tells an older link it was replaced after a resend, while the new link works', async () => {
    server.advance(20 * minute);
    const resent = await fetch(`${server.url}/v1/users/usr_ana/resend`, { method: 'POST', headers: { authorization: `Bearer ${server.keys.admin}` } });
    expect(resent.status).toBe(200);
    const old = await open(tokenOf('usr_ana', 1));
    expect(old.status).toBe(410);
    expect(await old.text()).toContain('replaced by a newer invitation');
    expect((await press(tokenOf('usr_ana', 1))).status).toBe(410);
    expect((await press(tokenOf('usr_ana', 2))).status).toBe(200);
    expect((await linkEvents('ana.invited@example.com')).map((event) => event.refusal ?? event.kind)).toEqual(['opened', 'revoked', 'accepted']);
  });

  it('says an expired link has expired and offers a fresh invitation by a form to the link itself', async () => {
    const token = tokenOf('usr_cara');
    const page = await open(token);
    expect(page.status).toBe(410);
    const body = await page.text();
    expect(body).toContain('This invitation has expired');
    expect(body).toContain(`<form method="post" action="${token}/fresh">`);
    expect((await press(token)).status).toBe(410);
    expect((await linkEvents('cara.expired@example.com')).map((event) => event.refusal ?? event.kind)).toEqual(['opened', 'expired']);
  });

  it('says a cancelled invitation was withdrawn, offering nothing', async () => {
    const cancelled = await fetch(`${server.url}/v1/users/usr_ana/cancel`, { method: 'POST', headers: { authorization: `Bearer ${server.keys.admin}` } });
    expect(cancelled.status).toBe(200);
    const page = await open(tokenOf('usr_ana'));
    expect(page.status).toBe(410);
    const body = await page.text();
    expect(body).toContain('withdrawn');
    expect(body).not.toContain('<form');
  });

  it('answers an unknown and a malformed link with the same 404 page', async () => {
    const unknown = await open('A'.repeat(43));
    const malformed = await open('not-a-token');
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
    const [first, second] = [await unknown.text(), await malformed.text()];
    expect(first).toBe(second);
    expect(first).toContain('This link is not valid');
    expect((await press('A'.repeat(43))).status).toBe(404);
  });
});

describe('the invite page: a fresh invitation', () => {
  it('mails the invited address only, shows no link, and makes the new link the one that works', async () => {
    const token = tokenOf('usr_cara');
    await store.db.deleteFrom('mailOutbox').execute();
    const sent = await press(token, '/fresh');
    expect(sent.status).toBe(202);
    const body = await sent.text();
    expect(body).toContain('A fresh invitation is on its way');
    expect(body).toContain('c•••d@example.com');
    expect(body).not.toMatch(/\/invite\/|href=/);
    expect(await store.db.selectFrom('mailOutbox').select(['email', 'purpose', 'linkGeneration']).execute()).toEqual([{ email: 'cara.expired@example.com', purpose: 'invitation', linkGeneration: 2 }]);
    expect(await user('usr_cara')).toMatchObject({ linkGeneration: 2, lastSentAt: new Date(server.now()) });
    expect((await open(token)).status).toBe(410);
    expect((await press(tokenOf('usr_cara', 2))).status).toBe(200);
    const audit = await store.db.selectFrom('auditLog').selectAll().where('operation', '=', 'requestFreshInvite').execute();
    expect(audit).toMatchObject([{ target: 'usr_cara', result: 'ok', keyId: null, role: null }]);
  });

  it('holds the resend cooldown per person: a second request gets a 429 page naming the wait', async () => {
    expect((await press(tokenOf('usr_cara'), '/fresh')).status).toBe(202);
    server.advance(5 * minute);
    const again = await press(tokenOf('usr_cara'), '/fresh');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe(String(10 * 60));
    expect(await again.text()).toContain('in 10 minutes');
    expect(await store.db.selectFrom('auditLog').select('result').where('operation', '=', 'requestFreshInvite').execute()).toEqual([{ result: 'ok' }, { result: 'rate_limited' }]);
  });

  it('holds a limit per client address, counted before the link is even looked up', async () => {
    for (let index = 0; index < 3; index += 1) expect((await press('B'.repeat(43), '/fresh')).status).toBe(404);
    const limited = await press(tokenOf('usr_cara'), '/fresh');
    expect(limited.status).toBe(429);
    expect((await user('usr_cara')).linkGeneration).toBe(1);
  });

  it('sends nothing for a link that still works', async () => {
    const page = await press(tokenOf('usr_ana'), '/fresh');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Accept the invitation');
    expect((await user('usr_ana')).linkGeneration).toBe(1);
  });
});

describe('the invite page as a document', () => {
  it('has a language, a direction, a title, one h1 and a main landmark, and strict headers', async () => {
    const page = await open(tokenOf('usr_ana'));
    const body = await page.text();
    expect(body).toMatch(/<html lang="en" dir="ltr">/);
    // Named as the mails name it (MAIL_FROM's display name, by default Invite Doctor), never by the link's host.
    expect(body).toMatch(/<title>Your invitation to Invite Doctor<\/title>/);
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toMatch(/<main>[\s\S]*<\/main>/);
    expect(body).toContain(':focus-visible');
    expect(body).toContain('width=device-width');
    expect(body).not.toContain('<script');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
  });

  it('speaks German and Swedish to browsers that ask for them', async () => {
    const german = await (await open(tokenOf('usr_ana'), { 'user-agent': browser, 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' })).text();
    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(german).toContain('Einladung annehmen');
    expect(german).toContain('Diese Einladung gilt für a•••d@example.com.');
    const swedish = await (await open(tokenOf('usr_cara'), { 'user-agent': browser, 'accept-language': 'sv-SE' })).text();
    expect(swedish).toContain('Den här inbjudan har gått ut');
    expect(swedish).toContain('Skicka en ny inbjudan till mig');
  });

  it('needs no API key, while the API still does', async () => {
    expect((await open(tokenOf('usr_ana'), {})).status).toBe(200);
    expect((await fetch(`${server.url}/v1/link-events?email=ana.invited%40example.com`)).status).toBe(401);
  });
});

describe('the demo inbox', () => {
  const mail = (email: string, minutesAgo: number, subject: string, text: string | null, html: string | null) =>
    store.db.insertInto('demoInbox').values({ email, receivedAt: new Date(server.now() - minutesAgo * minute), messageId: null, envelopeFrom: 'bounces@app.example.com', subject, text, html }).execute();

  beforeEach(async () => {
    await store.db.deleteFrom('demoInbox').execute();
  });

  it('lists each address with its mails newest first, the link as a link, the HTML sandboxed and everything escaped', async () => {
    const link = `https://app.example.com/invite/${tokenOf('usr_ana')}`;
    await mail('ana.invited@example.com', 30, 'First invitation', 'old', null);
    await mail('ana.invited@example.com', 2, 'Join us <script>alert(1)</script>', `Open ${link} to join.`, '<p onclick="x()">Hello "there"</p><script>alert(2)</script>');
    await mail('ben.recent@example.com', 10, 'Ben’s mail', 'hi', null);
    const page = await fetch(`${server.url}/demo/inbox`, { headers: { 'accept-language': 'en' } });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body.indexOf('<h2>ana.invited@example.com</h2>')).toBeLessThan(body.indexOf('<h2>ben.recent@example.com</h2>'));
    expect(body.indexOf('Join us')).toBeLessThan(body.indexOf('First invitation'));
    expect(body).toContain(`<a href="${link}">Open the invitation link</a>`);
    expect(body).toContain('<iframe sandbox="" referrerpolicy="no-referrer"');
    expect(body).toContain('srcdoc="&#60;p onclick=&#34;x()&#34;&#62;Hello &#34;there&#34;&#60;/p&#62;&#60;script&#62;');
    expect(body).not.toContain('<script');
    expect(body).toContain('Join us &#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('finds the link in the HTML part when a mail has no text part', async () => {
    const link = `https://app.example.com/invite/${tokenOf('usr_ben')}`;
    await mail('ben.recent@example.com', 1, 'HTML only', null, `<p><a href="${link}">Join</a></p>`);
    expect(await (await fetch(`${server.url}/demo/inbox`)).text()).toContain(`<a href="${link}">Open the invitation link</a>`);
  });

  it('says so when nothing has arrived', async () => {
    expect(await (await fetch(`${server.url}/demo/inbox`)).text()).toContain('No email has arrived yet');
  });
});

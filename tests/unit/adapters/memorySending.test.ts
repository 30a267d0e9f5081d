import { describe, expect, it } from 'vitest';
import { createMemoryBackend, demoSeed, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import { notSentReasons, type NotSentReason } from '../../../src/engine/InvitationBackend.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const clock = () => now;

function setup(seed: MemorySeedFactory = demoSeed) {
  const backend = createMemoryBackend(seed, clock);
  const idOf = async (email: string) => {
    const found = await backend.findUser(email);
    if (!found.ok || !found.value) throw new Error(`no ${email}`);
    return found.value.id;
  };
  return { backend, idOf };
}

describe('memory backend: our own sending side', () => {
  it('reports a working setup by default: configured, the demo provider, the policy sender and the link origin', async () => {
    const { backend } = setup();
    expect(await backend.sendingStatus()).toEqual({
      ok: true,
      value: { configured: true, provider: 'Demo mail', from: 'invitations@app.example.com', linkOrigin: 'https://app.example.com', problem: null },
    });
  });

  it.each(notSentReasons)('refuses every send with %s: a not_sent event with the provider text, and a not_sent error', async (reason: NotSentReason) => {
    const { backend, idOf } = setup();
    backend.setSending({ failure: reason });
    const resent = await backend.resendInvite(await idOf('ana.invited@example.com'));
    expect(resent).toMatchObject({ ok: false, error: { kind: 'not_sent', reason } });
    const reset = await backend.sendPasswordReset(await idOf('dan.active@example.com'));
    expect(reset).toMatchObject({ ok: false, error: { kind: 'not_sent', reason } });
    const invited = await backend.inviteUser('new.person@example.com');
    expect(invited).toMatchObject({ ok: false, error: { kind: 'not_sent', reason } });
    for (const email of ['ana.invited@example.com', 'dan.active@example.com', 'new.person@example.com']) {
      const events = await backend.deliveryEvents(email);
      const last = events.ok ? events.value.at(-1) : undefined;
      expect(last).toMatchObject({ kind: 'not_sent', reason, at: new Date(now).toISOString() });
      expect(last?.text).toBeTruthy();
      if (!resent.ok && resent.error.kind === 'not_sent') expect(resent.error.message).toBeTruthy();
    }
    // Nothing else changed: no new invitation, and the mail that never left started no cooldown.
    expect(await backend.findUser('new.person@example.com')).toEqual({ ok: true, value: null });
  });

  it('words the refusals as the sending service would', async () => {
    const { backend, idOf } = setup();
    const texts: Record<string, string> = {};
    for (const reason of notSentReasons) {
      backend.setSending({ failure: reason });
      const result = await backend.resendInvite(await idOf('ana.invited@example.com'));
      if (!result.ok && result.error.kind === 'not_sent') texts[reason] = result.error.message ?? '';
    }
    expect(texts.provider_rate_limited).toMatch(/^429 Too Many Requests/);
    expect(texts.mail_not_configured).toMatch(/No SMTP server configured/);
    expect(texts.auth_refused).toMatch(/^535 5\.7\.8/);
    expect(texts.sandbox_recipient).toMatch(/sandbox.*verified recipients/);
    expect(texts.connection_refused).toMatch(/ECONNREFUSED/);
    expect(texts.sending_domain_unverified).toMatch(/not verified/);
  });

  it('gives the quota refusal a Retry-After', async () => {
    const { backend, idOf } = setup();
    backend.setSending({ failure: 'provider_rate_limited' });
    const result = await backend.resendInvite(await idOf('ana.invited@example.com'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_sent', retryAfterMs: 60 * 60_000 } });
  });

  it('keeps the old link working and the expiry unchanged when a resend never left', async () => {
    const { backend, idOf } = setup();
    const id = await idOf('ana.invited@example.com');
    const before = await backend.getInviteLink(id);
    const userBefore = await backend.findUser('ana.invited@example.com');
    backend.setSending({ failure: 'auth_refused' });
    await backend.resendInvite(id);
    expect(await backend.getInviteLink(id)).toEqual(before);
    expect(await backend.findUser('ana.invited@example.com')).toEqual(userBefore);
  });

  it('reports no mail server as not configured, without a provider', async () => {
    const { backend } = setup();
    backend.setSending({ configured: false });
    expect(await backend.sendingStatus()).toMatchObject({ ok: true, value: { configured: false, problem: 'mail_not_configured' } });
    const status = await backend.sendingStatus();
    expect(status.ok && status.value.provider).toBeFalsy();
  });

  it('points invite links at the configured origin (a localhost link stays localhost) while mail keeps working', async () => {
    const { backend, idOf } = setup();
    backend.setSending({ linkOrigin: 'http://localhost:3000' });
    const id = await idOf('ana.invited@example.com');
    const link = await backend.getInviteLink(id);
    expect(link.ok && link.value.url).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{24,}$/);
    expect(await backend.sendingStatus()).toMatchObject({ ok: true, value: { linkOrigin: 'http://localhost:3000', problem: null } });
    expect((await backend.resendInvite(id)).ok).toBe(true);
  });

  it('restores the default sending setup on reset', async () => {
    const { backend } = setup();
    backend.setSending({ failure: 'sandbox_recipient', linkOrigin: 'http://localhost:3000' });
    backend.reset();
    expect(await backend.sendingStatus()).toMatchObject({ ok: true, value: { configured: true, linkOrigin: 'https://app.example.com', problem: null } });
  });

  it('takes the sending setup from the seed', async () => {
    const { backend } = setup((at, policy) => ({ ...demoSeed(at, policy), sending: { failure: 'connection_refused', provider: 'SMTP' } }));
    expect(await backend.sendingStatus()).toMatchObject({ ok: true, value: { configured: true, provider: 'SMTP', problem: 'connection_refused' } });
  });

  it('answers unsupported without the sendingStatus capability', async () => {
    const backend = createMemoryBackend(demoSeed, clock, { capabilities: ['lookup'] });
    expect(await backend.sendingStatus()).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('seeds one invitation the quota refused (no sent event) and one that bounced on DMARC', async () => {
    const { backend } = setup();
    const quinn = await backend.deliveryEvents('quinn.quota@example.com');
    expect(quinn.ok && quinn.value.map((event) => [event.kind, event.reason])).toEqual([['not_sent', 'provider_rate_limited']]);
    const rosa = await backend.deliveryEvents('rosa.dmarc@example.org');
    expect(rosa.ok && rosa.value.map((event) => event.kind)).toEqual(['sent', 'bounced']);
    expect(rosa.ok && rosa.value[1]?.text).toMatch(/DMARC/);
  });
});

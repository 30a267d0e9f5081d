import { describe, expect, it, vi } from 'vitest';
import { createMemoryBackend, demoSeed, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import type { Result } from '../../../src/engine/Result.ts';
import { createPolicy } from '../../../src/engine/Policy.ts';

const start = Date.parse('2025-03-10T09:00:00.000Z');
const minute = 60_000;

function setup(options: Parameters<typeof createMemoryBackend>[2] = {}, seed: MemorySeedFactory = demoSeed) {
  const clock = { now: start };
  const backend = createMemoryBackend(seed, () => clock.now, options);
  const idOf = async (email: string) => {
    const found = await backend.findUser(email);
    if (!found.ok || !found.value) throw new Error(`${email} not found`);
    return found.value.id;
  };
  const tokenOf = async (email: string) => {
    const link = await backend.getInviteLink(await idOf(email));
    if (!link.ok) throw new Error('no link');
    return link.value.url.split('/').at(-1) ?? '';
  };
  return { backend, clock, idOf, tokenOf };
}

const kindOf = (result: Result<unknown, { kind: string }>) => (result.ok ? 'ok' : result.error.kind);

describe('createMemoryBackend', () => {
  describe('invite links', () => {
    it('accepts a link once and activates the user', async () => {
      const { backend, tokenOf, idOf } = setup();
      const token = await tokenOf('ana.invited@example.com');
      const accepted = backend.acceptInvite(token);
      expect(accepted).toMatchObject({ ok: true, value: { status: 'active', acceptedAt: new Date(start).toISOString(), setupCompleted: false } });
      expect(kindOf(backend.acceptInvite(token))).toBe('used');
      expect(kindOf(await backend.resendInvite(await idOf('ana.invited@example.com')))).toBe('conflict');
      expect(kindOf(await backend.sendPasswordReset(await idOf('ana.invited@example.com')))).toBe('ok');
    });

    it('rejects the old link after a resend as expired and accepts the new one', async () => {
      const { backend, tokenOf, idOf } = setup();
      const old = await tokenOf('ana.invited@example.com');
      await backend.resendInvite(await idOf('ana.invited@example.com'));
      expect(kindOf(backend.acceptInvite(old))).toBe('expired');
      expect(kindOf(backend.acceptInvite(await tokenOf('ana.invited@example.com')))).toBe('ok');
    });

    it('rejects a link past its expiry, a cancelled link and an unknown token', async () => {
      const { backend, tokenOf, idOf } = setup();
      expect(kindOf(backend.acceptInvite(await tokenOf('cara.expired@example.com')))).toBe('expired');
      const lee = await tokenOf('lee@gmial.com');
      await backend.cancelInvite(await idOf('lee@gmial.com'));
      expect(kindOf(backend.acceptInvite(lee))).toBe('expired');
      expect(kindOf(backend.acceptInvite('not-a-token'))).toBe('invalid');
    });

    it('mints distinct random tokens of at least 24 characters', async () => {
      const { tokenOf } = setup();
      const tokens = await Promise.all(['ana.invited@example.com', 'lee@gmial.com', 'ben.recent@example.com'].map(tokenOf));
      expect(new Set(tokens).size).toBe(3);
      for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    });
  });

  describe('faults', () => {
    it('fails the next N calls of an operation, then recovers', async () => {
      const { backend } = setup();
      backend.injectFault('findUser', { kind: 'unavailable', cause: 'server', status: 503 }, 2);
      expect(kindOf(await backend.findUser('ana.invited@example.com'))).toBe('unavailable');
      expect(kindOf(await backend.deliveryEvents('ana.invited@example.com'))).toBe('ok');
      expect(kindOf(await backend.findUser('ana.invited@example.com'))).toBe('unavailable');
      expect(kindOf(await backend.findUser('ana.invited@example.com'))).toBe('ok');
    });

    it('fails any operation for "*" and forgets faults on clear and reset', async () => {
      const { backend, idOf } = setup();
      const ana = await idOf('ana.invited@example.com');
      backend.injectFault('*', { kind: 'not_permitted' });
      expect(kindOf(await backend.resendInvite(ana))).toBe('not_permitted');
      backend.injectFault('*', { kind: 'conflict' }, 5);
      backend.clearFaults();
      expect(kindOf(await backend.getInviteLink(ana))).toBe('ok');
      backend.injectFault('getInviteLink', { kind: 'conflict' });
      backend.reset();
      expect(kindOf(await backend.getInviteLink(await idOf('ana.invited@example.com')))).toBe('ok');
    });
  });

  it('finds one user under the Unicode and the punycode spelling of a domain, and under NFD', async () => {
    const { backend } = setup();
    const invited = await backend.inviteUser('zoë@bücher.example'.normalize('NFD'));
    expect(invited.ok && invited.value.email).toBe('zoë@xn--bcher-kva.example'.normalize('NFC'));
    for (const spelling of ['ZOË@BÜCHER.EXAMPLE', 'zoë@xn--bcher-kva.example', ' zoë@bücher.example '.normalize('NFD')]) {
      const found = await backend.findUser(spelling);
      expect(found.ok && found.value?.email).toBe(invited.ok && invited.value.email);
    }
    expect(kindOf(await backend.inviteUser('zoë@xn--bcher-kva.example'))).toBe('conflict');
  });

  it('clamps the listing limit into 1–200 and rounds a fraction down', async () => {
    const { backend } = setup();
    const sizeOf = async (limit: number) => {
      const page = await backend.listInvitations({ limit });
      return page.ok ? page.value.invitations.length : -1;
    };
    expect(await sizeOf(0)).toBe(1);
    expect(await sizeOf(-5)).toBe(1);
    expect(await sizeOf(2.7)).toBe(2);
    // Everybody the demo seeds fits in one page of the default 50, and in one of 200.
    const everybody = demoSeed(Date.now(), createPolicy()).users.length;
    expect(await sizeOf(Number.NaN)).toBe(everybody);
    expect(await sizeOf(500)).toBe(everybody);
  });

  it('aborts during simulated latency without touching state', async () => {
    const { backend, idOf } = setup({ latencyMs: 30 });
    const ana = await idOf('ana.invited@example.com');
    const controller = new AbortController();
    const pending = backend.resendInvite(ana, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'aborted' } });
    expect(kindOf(await backend.resendInvite(ana))).toBe('ok');
  });

  it('answers unsupported for operations outside its capabilities', async () => {
    const { backend } = setup({ capabilities: ['lookup', 'deliveryLog'] });
    expect([...backend.capabilities()]).toEqual(['lookup', 'deliveryLog']);
    expect(kindOf(await backend.resendInvite('usr_ana'))).toBe('unsupported');
    expect(kindOf(await backend.clearSuppression('hana.suppressed@example.com'))).toBe('unsupported');
    expect(kindOf(await backend.findUser('ana.invited@example.com'))).toBe('ok');
  });

  it('follows policy overrides for cooldown, expiry and SSO', async () => {
    const { backend, idOf } = setup({ policy: { resendCooldownMs: 2 * minute, inviteExpiryMs: 60 * minute, ssoEnabled: true } });
    const sent = await backend.resendInvite(await idOf('ben.recent@example.com'));
    expect(sent).toMatchObject({ ok: true, value: { expiresAt: new Date(start + 60 * minute).toISOString() } });
    expect(await backend.inviteUser('sso.person@example.com')).toMatchObject({ ok: true, value: { sso: true } });
  });

  it('notifies subscribers of changes until they unsubscribe', async () => {
    const { backend, idOf } = setup();
    const listener = vi.fn();
    const unsubscribe = backend.subscribe(listener);
    await backend.resendInvite(await idOf('ana.invited@example.com'));
    backend.setRole({ kind: 'team-manager', team: 'a' });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    backend.reset();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps a role view fixed whatever the backend role is', async () => {
    const { backend } = setup();
    const manager = backend.withRole({ kind: 'team-manager', team: 'a' });
    expect(kindOf(await manager.findUser('mo.teamb@example.com'))).toBe('not_permitted');
    backend.setRole({ kind: 'team-manager', team: 'b' });
    expect(backend.role()).toEqual({ kind: 'team-manager', team: 'b' });
    expect(kindOf(await backend.findUser('mo.teamb@example.com'))).toBe('ok');
    expect(kindOf(await manager.findUser('ana.invited@example.com'))).toBe('ok');
  });

  it('defers mail to a greylisting domain with 4.7.1', async () => {
    const seed: MemorySeedFactory = (now, policy) => {
      const base = demoSeed(now, policy);
      return { ...base, mail: { ...base.mail, deferringDomains: ['slow.example'] } };
    };
    const { backend } = setup({}, seed);
    await backend.inviteUser('pat@slow.example');
    const events = await backend.deliveryEvents('pat@slow.example');
    expect(events).toMatchObject({ ok: true, value: [{ kind: 'sent' }, { kind: 'deferred', smtpCode: 451, enhancedCode: '4.7.1' }] });
  });

  it('hands out copies, so callers cannot change its state', async () => {
    const { backend } = setup();
    const found = await backend.findUser('ana.invited@example.com');
    if (found.ok && found.value) found.value.status = 'active';
    expect(await backend.findUser('ana.invited@example.com')).toMatchObject({ ok: true, value: { status: 'invited' } });
  });
});

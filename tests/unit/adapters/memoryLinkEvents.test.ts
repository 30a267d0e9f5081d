import { describe, expect, it } from 'vitest';
import { createMemoryBackend, demoSeed, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import { allCapabilities } from '../../../src/engine/InvitationBackend.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const hour = 60 * 60_000;

describe('memory backend linkEvents', () => {
  it('tells the scanner story of the seeded gateway company: refused as used 6 s after delivery, automated', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    const result = await backend.linkEvents('Nils@Gatekeep.example');
    expect(result).toEqual({
      ok: true,
      value: [{ at: new Date(now - 2 * hour + 6_000).toISOString(), email: 'nils@gatekeep.example', kind: 'refused', refusal: 'used', secondsAfterDelivery: 6, automated: true }],
    });
    // The mail itself was delivered fine: only the link was spent.
    const log = await backend.deliveryEvents('nils@gatekeep.example');
    expect(log.ok && log.value.map((event) => event.kind)).toEqual(['sent', 'delivered']);
  });

  it('tells the seeded wrong-account story as a refusal that was not automated', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    const result = await backend.linkEvents('olga.otheraccount@example.com');
    expect(result.ok && result.value).toEqual([expect.objectContaining({ kind: 'refused', refusal: 'wrong_account', automated: false })]);
  });

  it('answers an empty list for an address with no link events, or nobody at all', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    expect(await backend.linkEvents('ana.invited@example.com')).toEqual({ ok: true, value: [] });
    expect(await backend.linkEvents('nobody@example.com')).toEqual({ ok: true, value: [] });
  });

  it('gives the events oldest first, whatever order the seed lists them in, and copies them', async () => {
    const seed: MemorySeedFactory = (at, policy) => ({
      ...demoSeed(at, policy),
      linkEvents: [
        { at: new Date(at - 1_000).toISOString(), email: 'ANA.invited@example.com', kind: 'refused', refusal: 'used' },
        { at: new Date(at - 5_000).toISOString(), email: 'ana.invited@example.com', kind: 'opened', automated: true, secondsAfterDelivery: 3 },
      ],
    });
    const backend = createMemoryBackend(seed, () => now);
    const first = await backend.linkEvents('ana.invited@example.com');
    expect(first.ok && first.value.map((event) => event.kind)).toEqual(['opened', 'refused']);
    if (first.ok) first.value[0]!.kind = 'accepted';
    const second = await backend.linkEvents('ana.invited@example.com');
    expect(second.ok && second.value[0]?.kind).toBe('opened');
  });

  it('works with seeds that have no link events at all', async () => {
    const seed: MemorySeedFactory = (at, policy) => {
      const { linkEvents: _ignored, ...rest } = demoSeed(at, policy);
      return rest;
    };
    const backend = createMemoryBackend(seed, () => now);
    expect(await backend.linkEvents('nils@gatekeep.example')).toEqual({ ok: true, value: [] });
  });

  it('refuses another team\'s address to a team manager, like its delivery log', async () => {
    const backend = createMemoryBackend(demoSeed, () => now, { role: { kind: 'team-manager', team: 'a' } });
    expect(await backend.linkEvents('mo.teamb@example.com')).toMatchObject({ ok: false, error: { kind: 'not_permitted' } });
  });

  it('resolves unsupported when the linkEvents capability is switched off', async () => {
    const backend = createMemoryBackend(demoSeed, () => now, { capabilities: allCapabilities.filter((capability) => capability !== 'linkEvents') });
    expect(await backend.linkEvents('nils@gatekeep.example')).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });
});

describe('memory backend acceptInvite records link events as a server would', () => {
  const tokenOf = async (backend: ReturnType<typeof createMemoryBackend>, email: string) => {
    const found = await backend.findUser(email);
    const link = found.ok && found.value ? await backend.getInviteLink(found.value.id) : null;
    if (!link?.ok) throw new Error(`no link for ${email}`);
    return link.value.url.split('/').at(-1) ?? '';
  };

  it('records opened then accepted, seconds after the delivery, not automated', async () => {
    let clock = now;
    const backend = createMemoryBackend(demoSeed, () => clock);
    const token = await tokenOf(backend, 'ana.invited@example.com');
    const log = await backend.deliveryEvents('ana.invited@example.com');
    const delivered = log.ok ? log.value.filter((event) => event.kind === 'delivered').at(-1) : undefined;
    clock += 90_000;
    expect(backend.acceptInvite(token).ok).toBe(true);
    const seconds = delivered ? Math.floor((clock - Date.parse(delivered.at)) / 1000) : null;
    const at = new Date(clock).toISOString();
    expect(await backend.linkEvents('ana.invited@example.com')).toEqual({
      ok: true,
      value: [
        { at, email: 'ana.invited@example.com', kind: 'opened', secondsAfterDelivery: seconds, automated: false },
        { at, email: 'ana.invited@example.com', kind: 'accepted', secondsAfterDelivery: seconds, automated: false },
      ],
    });
  });

  it('records a refusal for a used link, an expired one, and one a resend replaced', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    const ana = await tokenOf(backend, 'ana.invited@example.com');
    backend.acceptInvite(ana);
    expect(backend.acceptInvite(ana)).toMatchObject({ ok: false, error: { kind: 'used' } });
    const cara = await tokenOf(backend, 'cara.expired@example.com');
    expect(backend.acceptInvite(cara)).toMatchObject({ ok: false, error: { kind: 'expired' } });
    const ben = await tokenOf(backend, 'ben.recent@example.com');
    const found = await backend.findUser('ben.recent@example.com');
    if (!found.ok || !found.value) throw new Error('ben is seeded');
    await backend.cancelInvite(found.value.id);
    expect(backend.acceptInvite(ben)).toMatchObject({ ok: false, error: { kind: 'expired' } });
    const refusals = async (email: string) => {
      const events = await backend.linkEvents(email);
      return events.ok ? events.value.filter((event) => event.kind === 'refused').map((event) => event.refusal) : [];
    };
    expect(await refusals('ana.invited@example.com')).toEqual(['used']);
    expect(await refusals('cara.expired@example.com')).toEqual(['expired']);
    expect(await refusals('ben.recent@example.com')).toEqual(['revoked']);
  });

  it('records nothing for a token nobody was given', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    expect(backend.acceptInvite('not-a-token')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    for (const email of ['ana.invited@example.com', 'nobody@example.com']) expect(await backend.linkEvents(email)).toEqual({ ok: true, value: [] });
  });
});

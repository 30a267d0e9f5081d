import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../src/adapters/index.ts';

describe('team names in the memory backend', () => {
  it('gives every user, seeded or newly invited, their team’s name beside its id', async () => {
    const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
    const ana = await backend.findUser('ana.invited@example.com');
    expect(ana.ok && ana.value).toMatchObject({ team: 'a', teamName: 'Customer Success' });
    const mo = await backend.findUser('mo.teamb@example.com');
    expect(mo.ok && mo.value).toMatchObject({ team: 'b', teamName: 'Field Sales' });
    const invited = await backend.inviteUser('new.person@example.com', { team: 'b' });
    expect(invited.ok && invited.value).toMatchObject({ team: 'b', teamName: 'Field Sales' });
  });

  it('names the team, not its id, when a team manager is refused someone else’s', async () => {
    const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
    backend.setRole({ kind: 'team-manager', team: 'a' });
    const mo = await backend.deliveryEvents('mo.teamb@example.com');
    expect(mo.ok).toBe(false);
    if (!mo.ok) expect(mo.error.message).toContain('team "Field Sales"');
  });
});

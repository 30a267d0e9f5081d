import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import type { IdentityContext, IdentitySource } from '../../../../server/identity/IdentitySource.ts';
import { workosIdentity } from '../../../../server/identity/workos/workosIdentity.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../../../support/describeIdentityConformance.ts';
import { createWorkosApi, type WorkosFake } from './fakes/workosApi.ts';
import { selfMailingProviderContext } from '../../../support/selfMailingProviderContext.ts';

const hostname = '127.0.0.1:9';
const apiKey = 'sk_test_fake_workos_key_0123456789';
const organizationId = 'org_01FAKEORG';
const context: IdentityContext = selfMailingProviderContext('WorkOS');

/** One fake WorkOS and one msw server per use; `pageSize: 2` so every walk crosses WorkOS pages. */
function startWorkos(scope: string | null = organizationId): { fake: WorkosFake; source: IdentitySource; close: () => void } {
  const fake = createWorkosApi({ origin: `http://${hostname}`, apiKey });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const env = { WORKOS_API_KEY: apiKey, WORKOS_API_HOSTNAME: hostname, ...(scope ? { WORKOS_ORGANIZATION_ID: scope } : {}) };
  const source = workosIdentity.create({ ...workosIdentity.readConfig(env), pageSize: 2 }, context) as IdentitySource;
  return { fake, source, close: () => server.close() };
}

const seeds: Record<Exclude<IdentitySituation, 'sendFailed' | 'sso'>, (fake: WorkosFake, email: string) => void> = {
  invited: (fake, email) => void fake.seedInvitation(email, organizationId),
  expired: (fake, email) => void fake.seedInvitation(email, organizationId, { expired: true }),
  active: (fake, email) => void fake.seedUser(email, organizationId),
  setupIncomplete: (fake, email) => void fake.seedUser(email, organizationId, { lastSignInAt: null }),
  deactivated: (fake, email) => void fake.seedUser(email, organizationId, { membership: 'inactive' }),
};

describeIdentityConformance(
  'WorkOS (recorded)',
  async () => {
    const { fake, source, close } = startWorkos();
    return {
      source,
      seed: async (situation, email) => seeds[situation as keyof typeof seeds](fake, email),
      fault: (kind) => fake.fault(kind),
      close: async () => close(),
    };
  },
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'deactivated'] },
);

describe('WorkOS adapter specifics', () => {
  let workos: ReturnType<typeof startWorkos>;
  beforeAll(() => {
    workos = startWorkos();
  });
  afterAll(() => workos.close());
  afterEach(() => workos.fake.requests.splice(0));

  it('resends a pending invitation through WorkOS’s own resend, keeping its id', async () => {
    const email = freshAddress('resend');
    const invitation = workos.fake.seedInvitation(email, organizationId);
    const result = await workos.source.resendInvite(invitation.id);
    expect(result.ok).toBe(true);
    expect(workos.fake.requests).toContain(`POST /user_management/invitations/${invitation.id}/resend`);
    expect(workos.fake.sent.filter((mail) => mail.email === email)).toEqual([{ email, kind: 'resend' }]);
    expect((await workos.source.findUser(email)).ok && (await workos.source.findUser(email))).toMatchObject({ value: { id: invitation.id } });
  });

  it('re-sends an expired invitation as a new one (WorkOS resends pending ones only)', async () => {
    const email = freshAddress('expired');
    const old = workos.fake.seedInvitation(email, organizationId, { expired: true });
    const result = await workos.source.resendInvite(old.id);
    expect(result.ok && Date.parse(result.value.expiresAt)).toBeGreaterThan(Date.now());
    expect(workos.fake.sent.filter((mail) => mail.email === email)).toEqual([{ email, kind: 'send' }]);
    const found = await workos.source.findUser(email);
    expect(found.ok && found.value?.id).not.toBe(old.id);
  });

  it('says a resend may leave older links working (rotation is not documented)', () => {
    expect(workos.source.describe()).toMatchObject({ resend: 'native', resendRotatesLink: false, providerSendsMail: true });
  });

  it('answers conflict for a duplicate invitation (400) and for a member (422)', async () => {
    const pending = freshAddress('dup');
    workos.fake.seedInvitation(pending, organizationId);
    expect(await workos.source.inviteUser(pending)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const member = freshAddress('member');
    workos.fake.seedUser(member, organizationId);
    expect(await workos.source.inviteUser(member)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('walks WorkOS pages by cursor for one listing, scoped to the organisation', async () => {
    const domain = `paged-${Date.now().toString(36)}.example`;
    const emails = ['e', 'd', 'c', 'b', 'a'].map((local) => `${local}@${domain}`);
    emails.slice(0, 3).forEach((email) => workos.fake.seedInvitation(email, organizationId));
    emails.slice(3).forEach((email) => workos.fake.seedUser(email, organizationId));
    workos.fake.seedInvitation(`z@${domain}`, 'org_01OTHER');
    const page = await workos.source.listInvitations!({ domain });
    expect(page.ok && page.value.invitations.map((user) => user.email)).toEqual([...emails].sort());
    expect(page.ok && page.value.invitations.every((user) => user.team === organizationId)).toBe(true);
    expect(workos.fake.requests.filter((request) => request === 'GET /user_management/users').length).toBeGreaterThan(1);
    expect(workos.fake.requests.filter((request) => request === 'GET /user_management/invitations').length).toBeGreaterThan(1);
  });

  it('does not touch an invitation of another organisation', async () => {
    const other = workos.fake.seedInvitation(freshAddress('other'), 'org_01OTHER');
    expect(await workos.source.cancelInvite(other.id)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(workos.fake.invitations.get(other.id)?.state).toBe('pending');
  });

  it('never sends an id that is not a WorkOS id into a request path', async () => {
    expect(await workos.source.cancelInvite('../users/x')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(workos.fake.requests).toEqual([]);
  });

  it('never puts the API key in an error message', async () => {
    workos.fake.fault('unauthorized');
    const result = await workos.source.findUser(freshAddress('secret'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_permitted' } });
    expect(JSON.stringify(result)).not.toContain(apiKey);
  });
});

describe('WorkOS without an organisation', () => {
  let unscoped: ReturnType<typeof startWorkos>;
  beforeAll(() => {
    unscoped = startWorkos(null);
  });
  afterAll(() => unscoped.close());

  it('gives users the default team and no disabled state', async () => {
    const email = freshAddress('unscoped');
    unscoped.fake.seedUser(email, null);
    expect(await unscoped.source.findUser(email)).toMatchObject({ ok: true, value: { status: 'active', team: 'team-default' } });
    expect(unscoped.fake.requests.some((request) => request.includes('organization_memberships'))).toBe(false);
  });
});

describe('WorkOS configuration', () => {
  it('requires WORKOS_API_KEY and names it', () => {
    expect(() => workosIdentity.readConfig({})).toThrow(ConfigError);
    expect(() => workosIdentity.readConfig({})).toThrow(/WORKOS_API_KEY/);
  });

  it('names a bad WORKOS_API_HOSTNAME or WORKOS_ORGANIZATION_ID without quoting it', () => {
    const value = 'https://sk_live_secretish/path';
    expect(() => workosIdentity.readConfig({ WORKOS_API_KEY: 'sk_test_x', WORKOS_API_HOSTNAME: value })).toThrow(/WORKOS_API_HOSTNAME/);
    expect(() => workosIdentity.readConfig({ WORKOS_API_KEY: 'sk_test_x', WORKOS_API_HOSTNAME: value })).not.toThrow(/sk_live_secretish/);
    expect(() => workosIdentity.readConfig({ WORKOS_API_KEY: 'sk_test_x', WORKOS_ORGANIZATION_ID: 'sk_live_x' })).toThrow(/WORKOS_ORGANIZATION_ID/);
  });
});

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { clerkIdentity } from '../../../../server/identity/clerk/clerkIdentity.ts';
import type { IdentityContext, IdentitySource } from '../../../../server/identity/IdentitySource.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../../../support/describeIdentityConformance.ts';
import { createClerkApi, type ClerkFake } from './fakes/clerkApi.ts';
import { selfMailingProviderContext } from '../../../support/selfMailingProviderContext.ts';

const apiUrl = 'http://127.0.0.1:9/clerk';
const secretKey = 'sk_test_fake_clerk_secret_0123456789';
const context: IdentityContext = selfMailingProviderContext('Clerk');

/** One fake Clerk and one msw server per use; `pageSize: 2` so every walk crosses Clerk pages. */
function startClerk(): { fake: ClerkFake; source: IdentitySource; close: () => void } {
  const fake = createClerkApi({ apiUrl, secretKey });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const source = clerkIdentity.create({ ...clerkIdentity.readConfig({ CLERK_SECRET_KEY: secretKey, CLERK_API_URL: apiUrl }), pageSize: 2 }, context) as IdentitySource;
  return { fake, source, close: () => server.close() };
}

const seeds: Record<Exclude<IdentitySituation, 'sendFailed'>, (fake: ClerkFake, email: string) => void> = {
  invited: (fake, email) => void fake.seedInvitation(email),
  expired: (fake, email) => void fake.seedInvitation(email, { expired: true }),
  active: (fake, email) => void fake.seedUser(email),
  setupIncomplete: (fake, email) => void fake.seedUser(email, { passwordEnabled: false, lastSignInAt: null }),
  sso: (fake, email) => void fake.seedUser(email, { passwordEnabled: false, enterprise: true }),
  deactivated: (fake, email) => void fake.seedUser(email, { banned: true }),
};

describeIdentityConformance(
  'Clerk (recorded)',
  async () => {
    const { fake, source, close } = startClerk();
    return {
      source,
      seed: async (situation, email) => seeds[situation as keyof typeof seeds](fake, email),
      fault: (kind) => fake.fault(kind),
      close: async () => close(),
    };
  },
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'sso', 'deactivated'] },
);

describe('Clerk adapter specifics', () => {
  let clerk: ReturnType<typeof startClerk>;
  beforeAll(() => {
    clerk = startClerk();
  });
  afterAll(() => clerk.close());
  afterEach(() => clerk.fake.requests.splice(0));

  it('resends by revoking the pending invitation and creating a mailed new one', async () => {
    const email = freshAddress('resend');
    const old = clerk.fake.seedInvitation(email);
    const result = await clerk.source.resendInvite(old.id);
    expect(result.ok).toBe(true);
    expect(clerk.fake.invitations.get(old.id)?.status).toBe('revoked');
    const successors = [...clerk.fake.invitations.values()].filter((invitation) => invitation.email_address === email && invitation.id !== old.id);
    expect(successors).toHaveLength(1);
    expect(successors[0]!.status).toBe('pending');
    expect(successors[0]!.url).not.toBe(old.url);
    expect(clerk.fake.sent.filter((mail) => mail.email === email)).toEqual([{ email, notify: true }]);
    expect(clerk.fake.requests).toContain(`POST /clerk/v1/invitations/${old.id}/revoke`);
  });

  it('says so when the old invitation was revoked but Clerk refused the new one', async () => {
    const email = freshAddress('half');
    const old = clerk.fake.seedInvitation(email);
    clerk.fake.faultOn('POST /clerk/v1/invitations', 'server_error');
    const result = await clerk.source.resendInvite(old.id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'server' } });
    expect(!result.ok && result.error.message).toMatch(/withdrawn.*Invite the address again/);
    expect(clerk.fake.invitations.get(old.id)?.status).toBe('revoked');
    expect(await clerk.source.inviteUser(email)).toMatchObject({ ok: true, value: { status: 'invited' } });
  });

  it('resends an expired invitation without revoking it (its link is already dead)', async () => {
    const email = freshAddress('expired-resend');
    const old = clerk.fake.seedInvitation(email, { expired: true });
    const result = await clerk.source.resendInvite(old.id);
    expect(result.ok && Date.parse(result.value.expiresAt)).toBeGreaterThan(Date.now());
    expect(clerk.fake.requests.some((request) => request.endsWith('/revoke'))).toBe(false);
    expect((await clerk.source.findUser(email)).ok && (await clerk.source.findUser(email))).toMatchObject({ value: { status: 'invited' } });
  });

  it('copies the invitation link without sending another mail', async () => {
    const email = freshAddress('copy');
    const invitation = clerk.fake.seedInvitation(email);
    const link = await clerk.source.getInviteLink(invitation.id);
    expect(link).toMatchObject({ ok: true, value: { url: invitation.url, singleUse: true } });
    expect(clerk.fake.sent.filter((mail) => mail.email === email)).toEqual([]);
    expect(clerk.fake.requests.every((request) => request.startsWith('GET '))).toBe(true);
  });

  it('refuses to copy the link of an expired invitation', async () => {
    const invitation = clerk.fake.seedInvitation(freshAddress('copy-expired'), { expired: true });
    expect(await clerk.source.getInviteLink(invitation.id)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('answers conflict when Clerk refuses a duplicate invitation (400 duplicate_record) or an existing user (422 form_identifier_exists)', async () => {
    const pending = freshAddress('dup');
    clerk.fake.seedInvitation(pending);
    expect(await clerk.source.inviteUser(pending)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const member = freshAddress('member');
    clerk.fake.seedUser(member);
    expect(await clerk.source.inviteUser(member)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('walks Clerk pages of users and invitations for one listing', async () => {
    const domain = `paged-${Date.now().toString(36)}.example`;
    const emails = ['e', 'd', 'c', 'b', 'a'].map((local) => `${local}@${domain}`);
    emails.slice(0, 3).forEach((email) => clerk.fake.seedInvitation(email));
    emails.slice(3).forEach((email) => clerk.fake.seedUser(email));
    const page = await clerk.source.listInvitations!({ domain });
    expect(page.ok && page.value.invitations.map((user) => user.email)).toEqual([...emails].sort());
    const userPages = clerk.fake.requests.filter((request) => request === 'GET /clerk/v1/users').length;
    const invitationPages = clerk.fake.requests.filter((request) => request === 'GET /clerk/v1/invitations').length;
    expect(userPages).toBeGreaterThan(1);
    expect(invitationPages).toBeGreaterThan(1);
  });

  it('lists an accepted invitee once, as the user', async () => {
    const email = freshAddress('accepted', `acc-${Date.now().toString(36)}.example`);
    const invitation = clerk.fake.seedInvitation(email);
    invitation.status = 'accepted';
    clerk.fake.seedUser(email);
    const page = await clerk.source.listInvitations!({ domain: email.split('@')[1]! });
    expect(page.ok && page.value.invitations).toEqual([expect.objectContaining({ email, status: 'active', invitedAt: new Date(invitation.created_at).toISOString() })]);
  });

  it('refuses a cursor it did not give out without calling Clerk', async () => {
    expect(await clerk.source.listInvitations!({ cursor: 'not a cursor' })).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 400 } });
    expect(clerk.fake.requests).toEqual([]);
  });

  it('never puts the secret key in an error message', async () => {
    clerk.fake.fault('unauthorized');
    const result = await clerk.source.findUser(freshAddress('secret'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secretKey);
  });
});

describe('Clerk configuration', () => {
  it('requires CLERK_SECRET_KEY and names it', () => {
    expect(() => clerkIdentity.readConfig({})).toThrow(ConfigError);
    expect(() => clerkIdentity.readConfig({})).toThrow(/CLERK_SECRET_KEY/);
  });

  it('names a bad CLERK_API_URL without quoting it', () => {
    const value = 'sk_live_looks_like_a_secret';
    const read = () => clerkIdentity.readConfig({ CLERK_SECRET_KEY: 'sk_test_x', CLERK_API_URL: value });
    expect(read).toThrow(/CLERK_API_URL/);
    expect(read).not.toThrow(new RegExp(value));
  });
});

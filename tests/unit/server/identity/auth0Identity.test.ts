import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0Identity, type Auth0Config } from '../../../../server/identity/auth0/auth0Identity.ts';
import { createAuth0Source } from '../../../../server/identity/auth0/createAuth0Source.ts';
import type { IdentityContext, IdentitySource } from '../../../../server/identity/IdentitySource.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../../../support/describeIdentityConformance.ts';
import { FakeAuth0Tenant } from './fakes/auth0Api.ts';
import { selfMailingProviderContext } from '../../../support/selfMailingProviderContext.ts';

const domain = 'invite-doctor-tests.eu.auth0.test';
const clientId = 'm2m-client-0001';
const clientSecret = 'm2m-client-secret-0123456789abcdef';
const organizationId = 'org_TestOrg0001';
const day = 86_400_000;

const tenant = new FakeAuth0Tenant(domain, organizationId, clientId, clientSecret);
const server = setupServer(...tenant.handlers());

function createContext(): IdentityContext {
  return selfMailingProviderContext('Auth0');
}

function createSource(overrides: Partial<Auth0Config> = {}): IdentitySource {
  return createAuth0Source(
    { domain, clientId, clientSecret, organizationId, invitationClientId: 'invite-client-0001', connectionId: 'con_Database0001', inviterName: 'Invite Doctor', pageSize: 25, ...overrides },
    createContext(),
  );
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function seed(situation: IdentitySituation, email: string): void {
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  switch (situation) {
    case 'invited':
      // Sent half an hour ago: past the delivery window, well before its expiry.
      tenant.addInvitation(email, { created_at: ago(30 * 60_000), expires_at: new Date(Date.now() + 7 * day - 30 * 60_000).toISOString() });
      return;
    case 'expired':
      tenant.addInvitation(email, { created_at: ago(8 * day), expires_at: ago(day) });
      return;
    case 'active':
      tenant.addUser(email, { email_verified: true, logins_count: 3, last_login: ago(60_000) });
      return;
    case 'setupIncomplete':
      tenant.addUser(email, { email_verified: true, logins_count: 0 });
      return;
    case 'sso':
      tenant.addUser(email, { user_id: `samlp|acme-saml|${email}`, email_verified: true, logins_count: 2, identities: [{ connection: 'acme-saml', user_id: email, provider: 'samlp', isSocial: false }] });
      return;
    case 'deactivated':
      tenant.addUser(email, { email_verified: true, logins_count: 5, blocked: true });
      return;
    case 'sendFailed':
      tenant.addInvitation(email);
      tenant.addFailedNotification(email, 'Failed to send email notification to user: 535 Authentication failed');
      return;
  }
}

describeIdentityConformance(
  'Auth0 (recorded)',
  async () => ({
    source: createSource(),
    seed: async (situation, email) => seed(situation, email),
    fault: (kind) => tenant.fault(kind),
    close: async () => undefined,
  }),
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'sso', 'deactivated', 'sendFailed'] },
);

describe('Auth0 identity source', () => {
  it('resends by creating a new invitation for the same person and deleting the old one', async () => {
    const source = createSource();
    const email = freshAddress('resend');
    const old = tenant.addInvitation(email, { roles: ['rol_Member'], connection_id: 'con_Database0001', inviter: { name: 'Ada' } });
    const mailsBefore = tenant.mails.length;
    const sent = await source.resendInvite(old.id);
    expect(sent.ok).toBe(true);
    expect(tenant.invitations.has(old.id)).toBe(false);
    const current = [...tenant.invitations.values()].filter((row) => row.invitee.email === email);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ roles: ['rol_Member'], connection_id: 'con_Database0001', inviter: { name: 'Ada' }, client_id: old.client_id });
    expect(current[0]!.invitation_url).not.toBe(old.invitation_url);
    expect(sent.ok && sent.value.userId).toBe(current[0]!.id);
    expect(tenant.mails.slice(mailsBefore)).toEqual([{ to: email, kind: 'invitation' }]);
    expect(source.describe()).toMatchObject({ resend: 'composed', resendRotatesLink: true, providerSendsMail: true });
  });

  it('reads every page of invitations to find the oldest (page size 2, five invitations)', async () => {
    const source = createSource({ pageSize: 2 });
    const emails = ['q1', 'q2', 'q3', 'q4', 'q5'].map((label) => freshAddress(label, 'paging.example'));
    // Created oldest first, so the first address is on the last page (Auth0 orders newest first).
    emails.forEach((email, index) => tenant.addInvitation(email, { created_at: new Date(Date.now() + index - 1_000_000_000).toISOString() }));
    const before = tenant.requests.length;
    const found = await source.findUser(emails[0]!);
    expect(found.ok && found.value?.status).toBe('invited');
    const pages = tenant.requests.slice(before).filter((line) => line.startsWith(`GET /api/v2/organizations/${organizationId}/invitations?`));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toMatch(/page=0&per_page=2&include_totals=true/);
    expect(pages[1]).toMatch(/page=1&per_page=2/);
  });

  it('refuses to invite an address that already has an account, and sends nothing', async () => {
    const source = createSource();
    const email = freshAddress('member');
    seed('active', email);
    const mailsBefore = tenant.mails.length;
    const result = await source.inviteUser(email);
    expect(!result.ok && result.error.kind).toBe('conflict');
    expect(tenant.mails.length).toBe(mailsBefore);
  });

  it("reports Auth0's failed notification logs as not_sent events, with the reason its text gives", async () => {
    const source = createSource();
    const email = freshAddress('fn');
    seed('sendFailed', email);
    tenant.addFailedNotification(freshAddress('someone-else'), 'Failed to send email notification: 535 Authentication failed');
    const before = tenant.requests.length;
    const events = await source.deliveryEvents!(email);
    expect(events.ok && events.value).toEqual([expect.objectContaining({ kind: 'not_sent', email, source: 'auth0', reason: 'auth_refused', text: expect.stringContaining('535') })]);
    expect(decodeURIComponent(tenant.requests.slice(before).find((line) => line.includes('/api/v2/logs'))!)).toContain(`q=type:"fn" AND user_name:"${email}"`);
  });

  it('sends a password reset through the Authentication API for a database user only', async () => {
    const source = createSource();
    const email = freshAddress('reset');
    seed('active', email);
    const user = await source.findUser(email);
    const sent = await source.sendPasswordReset(user.ok ? user.value!.id : '');
    expect(sent.ok).toBe(true);
    expect(tenant.mails.filter((mail) => mail.to === email)).toEqual([{ to: email, kind: 'change_password' }]);
    const ssoEmail = freshAddress('reset-sso');
    seed('sso', ssoEmail);
    const ssoUser = await source.findUser(ssoEmail);
    const refused = await source.sendPasswordReset(ssoUser.ok ? ssoUser.value!.id : '');
    expect(!refused.ok && refused.error.kind).toBe('conflict');
  });

  it('fetches its Management API token once, by client credentials', async () => {
    const before = tenant.tokenRequests;
    const source = createSource();
    await source.findUser(freshAddress('token-a'));
    await source.findUser(freshAddress('token-b'));
    expect(tenant.tokenRequests - before).toBe(1);
  });

  it('answers not_permitted, without the secret, when the client credentials are refused', async () => {
    const result = await createSource({ clientSecret: 'a-wrong-client-secret-0000000000' }).findUser(freshAddress('denied'));
    expect(!result.ok && result.error.kind).toBe('not_permitted');
    expect(JSON.stringify(result)).not.toContain('a-wrong-client-secret');
  });

  describe('without an organisation', () => {
    it('offers lookup, links and resets only, and describes resend as unsupported', () => {
      const source = createSource({ organizationId: null });
      expect([...source.capabilities()].sort()).toEqual(['copyLink', 'lookup', 'passwordReset']);
      expect(source.describe()).toMatchObject({ resend: 'unsupported', resendRotatesLink: false });
    });

    it('copies a password-change ticket as the link of a user who never signed in', async () => {
      const source = createSource({ organizationId: null });
      const email = freshAddress('ticket');
      tenant.addUser(email);
      const user = await source.findUser(email);
      expect(user.ok && user.value?.status).toBe('invited');
      const link = await source.getInviteLink(user.ok ? user.value!.id : '');
      expect(link.ok && link.value.url).toMatch(/^https:\/\/invite-doctor-tests\.eu\.auth0\.test\/lo\/reset\?ticket=/);
    });
  });
});

describe('Auth0 configuration', () => {
  const env = { AUTH0_DOMAIN: domain, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret };

  it('reads the settings; invitations are for the same client unless another is named', () => {
    expect(auth0Identity.readConfig({ ...env, AUTH0_ORGANIZATION_ID: organizationId })).toEqual({
      domain,
      clientId,
      clientSecret,
      organizationId,
      invitationClientId: clientId,
      connectionId: null,
      inviterName: 'Invite Doctor',
    });
  });

  it('names a missing or bad setting and never its value', () => {
    expect(() => auth0Identity.readConfig({ AUTH0_DOMAIN: domain, AUTH0_CLIENT_ID: clientId })).toThrow(/AUTH0_CLIENT_SECRET/);
    expect(() => auth0Identity.readConfig({ ...env, AUTH0_DOMAIN: 'https://tenant.auth0.com/' })).toThrow(/AUTH0_DOMAIN/);
    try {
      auth0Identity.readConfig({ ...env, AUTH0_CLIENT_SECRET: 'too-short' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/AUTH0_CLIENT_SECRET/);
      expect(String(error)).not.toContain('too-short');
    }
    expect(() => auth0Identity.readConfig({ ...env, AUTH0_ORGANIZATION_ID: 'acme' })).toThrow(/AUTH0_ORGANIZATION_ID/);
  });
});

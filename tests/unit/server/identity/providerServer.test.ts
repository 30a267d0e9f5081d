import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBackend, fetchBackendFacts } from '../../../../src/adapters/index.ts';
import type { InvitationBackend } from '../../../../src/engine/index.ts';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { loadIdentityConfig } from '../../../../server/config/loadIdentityConfig.ts';
import { identityProviderIds } from '../../../../server/identity/identityProviders.ts';
import { openProviderSources } from '../../../../server/identity/openProviderSources.ts';
import { createPolicy } from '../../../../src/engine/Policy.ts';
import { recordDeliveryEvents } from '../../../../server/mail/recordDeliveryEvents.ts';
import { freshAddress } from '../../../support/describeIdentityConformance.ts';
import { firstStopOf } from '../../../support/firstStopOf.ts';
import { openTestStore, startTestServer, type TestServer } from '../../../support/startTestServer.ts';
import { createClerkApi } from './fakes/clerkApi.ts';

/**
 * The server pointed at an identity provider by environment variables alone (`IDENTITY=clerk`),
 * serving the contract over HTTP to the http adapter, as the SPA uses it: the provider's users,
 * our limits and audit, merged delivery evidence, and the wizard reaching its advice. Clerk stands
 * for every provider here: the wiring is the same for all of them.
 */
const apiUrl = 'http://127.0.0.1:9/clerk';
const secretKey = 'sk_test_provider_server_0123456789abcdef';
const clerk = createClerkApi({ apiUrl, secretKey });
// The test server itself is on 127.0.0.1 too: anything msw has no handler for goes through.
const msw = setupServer(...clerk.handlers);

let server: TestServer;
let admin: InvitationBackend;
let managerA: InvitationBackend;
let managerB: InvitationBackend;

async function backendFor(key: string): Promise<InvitationBackend> {
  const options = { baseUrl: server.url, token: key };
  const facts = await fetchBackendFacts(options);
  if (!facts.ok) throw new Error(JSON.stringify(facts.error));
  return createHttpBackend({ ...options, capabilities: [...facts.value.capabilities], ...(facts.value.description ? { description: facts.value.description } : {}) });
}

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  const identity = await loadIdentityConfig({ IDENTITY: 'clerk', CLERK_SECRET_KEY: secretKey, CLERK_API_URL: apiUrl, IDENTITY_TEAM: 'a', PROVIDER_TIMEOUT_MS: '5000' });
  server = await startTestServer({ store: await openTestStore(), identity, startAt: Date.now() });
  [admin, managerA, managerB] = await Promise.all([backendFor(server.keys.admin), backendFor(server.keys.managerA), backendFor(server.keys.managerB)]);
}, 60_000);

afterAll(async () => {
  await server?.close({ closeStore: true });
  msw.close();
});

describe('the server over an identity provider', () => {
  it('announces what the provider offers and what it is', () => {
    expect([...admin.capabilities()].sort()).toEqual(['cancel', 'copyLink', 'deliveryLog', 'invitationEvidence', 'listInvitations', 'lookup', 'reinvite', 'resend', 'sendingStatus'].sort());
    expect(admin.describe?.()).toEqual({ identity: 'clerk', identityName: 'Clerk', resend: 'composed', resendRotatesLink: true, providerSendsMail: true, deliveryEvidence: ['invite-doctor'] });
  });

  it("finds the provider's users, not the server's own tables", async () => {
    const email = freshAddress('served');
    clerk.seedInvitation(email);
    expect(await admin.findUser(email)).toMatchObject({ ok: true, value: { email, status: 'invited', team: 'a' } });
    // The demo organisation is seeded in the server's tables; with a provider it is not consulted.
    expect(await admin.findUser('ana.invited@example.com')).toEqual({ ok: true, value: null });
  });

  it('serves the wizard: each situation reaches its advice through HTTP', async () => {
    const invited = freshAddress('wizard-invited');
    const expired = freshAddress('wizard-expired');
    const banned = freshAddress('wizard-banned');
    clerk.seedInvitation(invited);
    clerk.seedInvitation(expired, { expired: true });
    clerk.seedUser(banned, { banned: true });
    expect(await firstStopOf(admin, invited)).toBe('checkSpam');
    expect(await firstStopOf(admin, expired)).toBe('inviteExpired');
    expect(await firstStopOf(admin, banned)).toBe('deactivated');
    expect(await firstStopOf(admin, freshAddress('wizard-nobody'))).toBe('notFound');
  });

  it('audits a resend and holds our cooldown against a second one', async () => {
    const email = freshAddress('resend');
    clerk.seedInvitation(email);
    const user = await admin.findUser(email);
    if (!user.ok || !user.value) throw new Error('not seeded');
    const first = await admin.resendInvite(user.value.id);
    expect(first.ok).toBe(true);
    const again = await admin.findUser(email);
    if (!again.ok || !again.value) throw new Error('gone after resend');
    const second = await admin.resendInvite(again.value.id);
    expect(second.ok ? 'ok' : second.error.kind).toBe('rate_limited');
    const audit = await server.store.db.selectFrom('auditLog').select(['operation', 'target', 'result']).where('target', 'in', [user.value.id, again.value.id]).orderBy('id').execute();
    expect(audit).toEqual([
      { operation: 'resendInvite', target: user.value.id, result: 'ok' },
      { operation: 'resendInvite', target: again.value.id, result: 'rate_limited' },
    ]);
  });

  it("lets a team manager read their team's people but not act, and hides them from other teams", async () => {
    const email = freshAddress('managed');
    clerk.seedInvitation(email);
    const seen = await managerA.findUser(email);
    if (!seen.ok || !seen.value) throw new Error('manager a should see the user of team a');
    const refused = await managerA.resendInvite(seen.value.id);
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('not_permitted');
    expect(await managerB.findUser(email)).toEqual({ ok: true, value: null });
    expect(await managerB.deliveryEvents(email)).toEqual({ ok: true, value: [] });
  });

  it('merges the evidence our own store holds (a webhook bounce) into the delivery log', async () => {
    const email = freshAddress('bounced');
    clerk.seedInvitation(email);
    await recordDeliveryEvents(server.store.db, [{ at: new Date().toISOString(), email, kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 mailbox unknown', source: 'postmark', externalId: `evt-${email}` }]);
    const events = await admin.deliveryEvents(email);
    expect(events).toMatchObject({ ok: true, value: [{ kind: 'bounced', enhancedCode: '5.1.1', source: 'postmark' }] });
    expect(await firstStopOf(admin, email)).toBe('badMailbox');
  });

  it("gives many addresses' evidence at once: our store's merged in, no link events (the links point at the provider), nothing to another team", async () => {
    const email = freshAddress('evidence');
    const nobody = freshAddress('evidence-nobody');
    clerk.seedInvitation(email);
    await recordDeliveryEvents(server.store.db, [{ at: new Date().toISOString(), email, kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 mailbox unknown', source: 'postmark', externalId: `evt-${email}` }]);
    const log = await admin.deliveryEvents(email);
    if (!log.ok) throw new Error(JSON.stringify(log.error));
    expect(log.value).toHaveLength(1);
    expect(await admin.invitationEvidence!([email, nobody])).toEqual({
      ok: true,
      value: [
        { email, deliveryEvents: log.value, linkEvents: [] },
        { email: nobody, deliveryEvents: [], linkEvents: [] },
      ],
    });
    expect(await managerA.invitationEvidence!([email])).toEqual({ ok: true, value: [{ email, deliveryEvents: log.value, linkEvents: [] }] });
    expect(await managerB.invitationEvidence!([email])).toEqual({ ok: true, value: [{ email, deliveryEvents: [], linkEvents: [] }] });
  });

  it("answers a provider's refusal of our credentials as not_permitted, naming the provider and no secret", async () => {
    clerk.fault('unauthorized');
    const result = await admin.findUser(freshAddress('refused'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('not_permitted');
    expect(result.error.message).toMatch(/Clerk/);
    expect(result.error.message).not.toContain(secretKey);
  });
});

describe('choosing a provider by environment', () => {
  it('refuses an unknown IDENTITY, listing the choices', async () => {
    await expect(loadIdentityConfig({ IDENTITY: 'okta' })).rejects.toThrow(/IDENTITY: must be one of invite-doctor, clerk, auth0, supabase, workos, firebase, cognito, better-auth/);
  });

  it("names a provider's missing setting, never a value", async () => {
    const error = await loadIdentityConfig({ IDENTITY: 'clerk', CLERK_API_URL: 'https://api.clerk.com' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Clerk: .*CLERK_SECRET_KEY/);
  });

  // The smallest honest environment of each provider (fake values: nothing is called here).
  const environments: Record<string, NodeJS.ProcessEnv> = {
    clerk: { CLERK_SECRET_KEY: 'sk_test_0123456789abcdef0123456789' },
    auth0: { AUTH0_DOMAIN: 'acme.eu.auth0.com', AUTH0_CLIENT_ID: 'client-id-0123456789', AUTH0_CLIENT_SECRET: 'client-secret-0123456789abcdef0123456789' },
    supabase: { SUPABASE_URL: 'https://abcdefghijklmnop.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'service-role-key-0123456789abcdef0123456789' },
    workos: { WORKOS_API_KEY: 'sk_test_0123456789abcdef0123456789' },
    firebase: { FIREBASE_PROJECT_ID: 'acme-prod', FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9' },
    cognito: { COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEfGhI', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example-secret' },
    'better-auth': { BETTER_AUTH_DATABASE_URL: 'postgres://auth@127.0.0.1:9/app', BETTER_AUTH_SECRET: 'better-auth-secret-0123456789abcdef0123', BETTER_AUTH_URL: 'https://app.acme.example' },
  };

  it.each(identityProviderIds)('builds %s from its environment variables alone', async (id) => {
    const config = await loadIdentityConfig({ IDENTITY: id, ...environments[id] });
    expect(config.identity?.provider.id).toBe(id);
    const host = { db: null as never, clock: Date.now, policy: createPolicy(), mail: { send: async () => [] } };
    const { identity } = await openProviderSources(config, host);
    try {
      expect(identity?.describe().identity).toBe(id);
      expect(identity?.capabilities().has('lookup')).toBe(true);
    } finally {
      await identity?.close?.();
    }
  });

  it.each(identityProviderIds)('refuses %s without its required settings, naming the first', async (id) => {
    const error = await loadIdentityConfig({ IDENTITY: id }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/[A-Z][A-Z0-9]*_[A-Z0-9_]+/);
  });

  it('stays on the own tables and own evidence when nothing is chosen', async () => {
    expect(await loadIdentityConfig({})).toEqual({ identity: null, delivery: null, defaultTeam: 'default', timeoutMs: 10_000 });
  });
});

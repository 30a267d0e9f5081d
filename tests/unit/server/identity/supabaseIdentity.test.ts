import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import type { IdentityContext, IdentitySource } from '../../../../server/identity/IdentitySource.ts';
import { createSupabaseSource } from '../../../../server/identity/supabase/createSupabaseSource.ts';
import { supabaseIdentity, type SupabaseConfig } from '../../../../server/identity/supabase/supabaseIdentity.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../../../support/describeIdentityConformance.ts';
import { FakeSupabaseProject } from './fakes/supabaseApi.ts';
import { selfMailingProviderContext } from '../../../support/selfMailingProviderContext.ts';

const url = 'https://fakeproject.supabase.test';
const serviceRoleKey = 'service-role-key-for-tests-0123456789';
const hour = 3_600_000;

const project = new FakeSupabaseProject(url, serviceRoleKey);
const server = setupServer(...project.handlers());
// supabase-js logs a failed fetch with console.error before it wraps it; the network fault makes one on purpose.
vi.spyOn(console, 'error').mockImplementation(() => undefined);

function createContext(): IdentityContext {
  return selfMailingProviderContext('Supabase');
}

function createSource(overrides: Partial<SupabaseConfig> = {}): IdentitySource {
  return createSupabaseSource({ url, serviceRoleKey, redirectUrl: 'https://app.example.com/welcome', inviteExpiryMs: hour, pageSize: 25, ...overrides }, createContext());
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function seed(situation: IdentitySituation, email: string): void {
  const now = Date.now();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  switch (situation) {
    case 'invited':
      // Sent half an hour ago: past the delivery window, within the one-hour link lifetime.
      project.addUser(email, { invited_at: at(-30 * 60_000), confirmation_sent_at: at(-30 * 60_000), confirmation_token: 'seeded' });
      return;
    case 'expired':
      project.addUser(email, { invited_at: at(-3 * hour), confirmation_sent_at: at(-2 * hour) });
      return;
    case 'active':
      project.addUser(email, { email_confirmed_at: at(-hour), confirmed_at: at(-hour), last_sign_in_at: at(-60_000) });
      return;
    case 'setupIncomplete':
      project.addUser(email, { invited_at: at(-2 * hour), email_confirmed_at: at(-hour), confirmed_at: at(-hour) });
      return;
    case 'sso':
      project.addUser(email, { email_confirmed_at: at(-hour), last_sign_in_at: at(-60_000), is_sso_user: true, app_metadata: { provider: 'sso:0f1e', providers: ['sso:0f1e'] } });
      return;
    case 'deactivated':
      project.addUser(email, { email_confirmed_at: at(-hour), last_sign_in_at: at(-hour), banned_until: at(100 * 24 * hour) });
      return;
    case 'sendFailed':
      throw new Error('Supabase keeps no record of a failed send');
  }
}

describeIdentityConformance(
  'Supabase (recorded)',
  async () => ({
    source: createSource(),
    seed: async (situation, email) => seed(situation, email),
    fault: (kind) => project.fault(kind),
    close: async () => undefined,
  }),
  // sendFailed: Supabase answers a failed send at call time only and keeps nothing to read later.
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'sso', 'deactivated'] },
);

describe('Supabase identity source', () => {
  let source: IdentitySource;
  beforeEach(() => {
    source = createSource();
    project.sendFailure = null;
  });

  it('reads every page of users to find an address (page size 2, five users)', async () => {
    const emails = ['p1', 'p2', 'p3', 'p4', 'p5'].map((label) => freshAddress(label, 'paging.example'));
    for (const email of emails) seed('active', email);
    const before = project.requests.length;
    const found = await createSource({ pageSize: 2 }).findUser(emails[0]!.toUpperCase());
    expect(found.ok && found.value?.email).toBe(emails[0]);
    const pages = project.requests.slice(before).filter((line) => line.startsWith('GET /auth/v1/admin/users?'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('page=1&per_page=2');
    expect(pages[1]).toContain('page=2&per_page=2');
  });

  it('resends by asking Supabase to invite the unconfirmed address again: same user, new token, Supabase sends', async () => {
    const email = freshAddress('resend');
    seed('invited', email);
    const before = project.findByEmail(email)!;
    const oldToken = before.confirmation_token;
    const sent = await source.resendInvite(before.id);
    expect(sent.ok).toBe(true);
    const after = project.findByEmail(email)!;
    expect(after.id).toBe(before.id);
    expect(after.confirmation_token).not.toBe(oldToken);
    expect(project.mails.filter((mail) => mail.to === email && mail.kind === 'invite')).toHaveLength(1);
    if (sent.ok) expect(Date.parse(sent.value.expiresAt) - Date.parse(sent.value.sentAt)).toBe(hour);
  });

  it('copies a link without sending mail, which replaces the token of the mailed link', async () => {
    const email = freshAddress('copy');
    seed('invited', email);
    const user = project.findByEmail(email)!;
    const link = await source.getInviteLink(user.id);
    expect(link.ok && link.value.singleUse).toBe(true);
    if (link.ok) expect(link.value.url).toContain(project.findByEmail(email)!.confirmation_token);
    expect(project.mails.filter((mail) => mail.to === email)).toEqual([]);
  });

  it('refuses to invite an address Supabase already has, even a pending one (GoTrue would re-send silently)', async () => {
    const email = freshAddress('dup');
    seed('invited', email);
    const result = await source.inviteUser(email);
    expect(!result.ok && result.error.kind).toBe('conflict');
    expect(project.mails.filter((mail) => mail.to === email)).toEqual([]);
  });

  it("answers not_sent / provider_rate_limited when Supabase's email rate limit is spent", async () => {
    project.sendFailure = 'rate_limited';
    const result = await source.inviteUser(freshAddress('quota'));
    expect(!result.ok && result.error).toMatchObject({ kind: 'not_sent', reason: 'provider_rate_limited' });
  });

  it('answers not_sent / connection_refused when Supabase could not hand the mail to its SMTP server, and creates no user', async () => {
    const email = freshAddress('smtp');
    project.sendFailure = 'smtp';
    const result = await source.inviteUser(email);
    expect(!result.ok && result.error).toMatchObject({ kind: 'not_sent', reason: 'connection_refused' });
    expect(project.findByEmail(email)).toBeUndefined();
  });

  it('sends a password reset through Supabase and refuses one for a single sign-on user', async () => {
    const email = freshAddress('reset');
    seed('active', email);
    const sent = await source.sendPasswordReset(project.findByEmail(email)!.id);
    expect(sent.ok).toBe(true);
    expect(project.mails.filter((mail) => mail.to === email && mail.kind === 'recovery')).toHaveLength(1);
    const ssoEmail = freshAddress('reset-sso');
    seed('sso', ssoEmail);
    const refused = await source.sendPasswordReset(project.findByEmail(ssoEmail)!.id);
    expect(!refused.ok && refused.error.kind).toBe('conflict');
  });

  it('dates the expiry from the configured link lifetime', async () => {
    const email = freshAddress('expiry');
    seed('invited', email);
    const user = await createSource({ inviteExpiryMs: 24 * hour }).findUser(email);
    const record = project.findByEmail(email)!;
    expect(user.ok && user.value?.expiresAt).toBe(new Date(Date.parse(record.confirmation_sent_at!) + 24 * hour).toISOString());
  });

  it('answers conflict when the address was confirmed between the check and the link (GoTrue 422 email_exists)', async () => {
    const email = freshAddress('raced');
    seed('invited', email);
    // The person accepts while the admin is looking: GoTrue refuses a new invite link for a confirmed address.
    server.use(
      http.post(`${url}/auth/v1/admin/generate_link`, () => HttpResponse.json({ code: 422, error_code: 'email_exists', msg: 'A user with this email address has already been registered' }, { status: 422 }), { once: true }),
    );
    const link = await source.getInviteLink(project.findByEmail(email)!.id);
    expect(!link.ok && link.error.kind).toBe('conflict');
  });

  it('never puts the service-role key in an error message', async () => {
    const wrong = createSource({ serviceRoleKey: 'a-different-service-role-key-000000' });
    const result = await wrong.findUser(freshAddress('key'));
    expect(!result.ok && result.error.kind).toBe('not_permitted');
    expect(JSON.stringify(result)).not.toContain('a-different-service-role-key');
  });
});

describe('Supabase configuration', () => {
  const env = { SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey };

  it('reads the settings, with a one-hour link lifetime by default', () => {
    expect(supabaseIdentity.readConfig(env)).toEqual({ url, serviceRoleKey, redirectUrl: null, inviteExpiryMs: hour });
    expect(supabaseIdentity.readConfig({ ...env, SUPABASE_INVITE_EXPIRY_HOURS: '24' }).inviteExpiryMs).toBe(24 * hour);
  });

  it('names a missing or bad setting and never its value', () => {
    expect(() => supabaseIdentity.readConfig({ SUPABASE_URL: url })).toThrow(/SUPABASE_SERVICE_ROLE_KEY/);
    expect(() => supabaseIdentity.readConfig({ ...env, SUPABASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      supabaseIdentity.readConfig({ ...env, SUPABASE_SERVICE_ROLE_KEY: 'short-secret' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/SUPABASE_SERVICE_ROLE_KEY/);
      expect(String(error)).not.toContain('short-secret');
    }
    expect(() => supabaseIdentity.readConfig({ ...env, SUPABASE_INVITE_EXPIRY_HOURS: '-1' })).toThrow(/SUPABASE_INVITE_EXPIRY_HOURS/);
  });
});

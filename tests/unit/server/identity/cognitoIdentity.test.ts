import { createServer } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { cognitoIdentity, type CognitoConfig } from '../../../../server/identity/cognito/cognitoIdentity.ts';
import type { IdentityContext, IdentitySource } from '../../../../server/identity/IdentitySource.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../../../support/describeIdentityConformance.ts';
import { createCognitoApi, type CognitoApi } from './fakes/cognitoApi.ts';
import { selfMailingProviderContext } from '../../../support/selfMailingProviderContext.ts';

/** A port on 127.0.0.1 where nothing listens: msw answers every request, except the `network` fault, which is really refused. */
const origin = `http://127.0.0.1:${await closedPort()}`;
const userPoolId = 'eu-west-1_FakePool1';
const dayS = 86_400;
const context: IdentityContext = selfMailingProviderContext('Cognito');

/** One fake pool and one msw server per use; the real SDK signs with dummy credentials and never retries. */
async function startCognito(overrides: Partial<CognitoConfig> = {}, temporaryPasswordDays = 7): Promise<{ fake: CognitoApi; source: IdentitySource; close: () => Promise<void> }> {
  const fake = createCognitoApi({ origin, userPoolId, temporaryPasswordDays });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const config = cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: userPoolId, AWS_REGION: 'eu-west-1', COGNITO_ENDPOINT: origin, COGNITO_MAX_ATTEMPTS: '1' });
  const source = await cognitoIdentity.create({ ...config, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret-key' }, ...overrides }, context);
  return {
    fake,
    source,
    close: async () => {
      await source.close?.();
      server.close();
    },
  };
}

/** Seeded users were created an hour ago (an invitation mailed just now is still within the delivery window). */
const anHourAgo = () => Date.now() / 1000 - 3_600;

const seeds: Record<Exclude<IdentitySituation, 'sendFailed'>, (fake: CognitoApi, email: string) => void> = {
  invited: (fake, email) => void fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: anHourAgo(), UserLastModifiedDate: anHourAgo(), temporaryPassword: 'Temp-1' }),
  expired: (fake, email) => {
    const then = Date.now() / 1000 - 8 * dayS;
    fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: then, UserLastModifiedDate: then, temporaryPassword: 'Temp-1' });
  },
  active: (fake, email) => void fake.addUser({ email, UserCreateDate: anHourAgo() }),
  setupIncomplete: (fake, email) => void fake.addUser({ email, UserStatus: 'RESET_REQUIRED', UserCreateDate: anHourAgo() }),
  sso: (fake, email) =>
    void fake.addUser({
      email,
      Username: `AzureAD_${email.replace(/\W/g, '')}`,
      UserStatus: 'EXTERNAL_PROVIDER',
      UserCreateDate: anHourAgo(),
      Attributes: [
        { Name: 'email', Value: email },
        { Name: 'identities', Value: '[{"providerName":"AzureAD","providerType":"SAML"}]' },
      ],
    }),
  deactivated: (fake, email) => void fake.addUser({ email, Enabled: false, UserCreateDate: anHourAgo() }),
};

describeIdentityConformance(
  'Amazon Cognito (recorded)',
  async () => {
    const { fake, source, close } = await startCognito();
    return { source, seed: async (situation, email) => seeds[situation as keyof typeof seeds](fake, email), fault: (kind) => fake.fault(kind), close };
  },
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'sso', 'deactivated'] },
);

describe('Amazon Cognito adapter specifics', () => {
  let cognito: Awaited<ReturnType<typeof startCognito>>;
  beforeAll(async () => {
    cognito = await startCognito();
  });
  afterAll(() => cognito.close());
  afterEach(() => {
    cognito.fake.calls.splice(0);
  });

  it('invites with the address as username, a verified email attribute and EMAIL delivery', async () => {
    const email = freshAddress('invite');
    const result = await cognito.source.inviteUser(email);
    expect(result.ok && result.value).toMatchObject({ id: email, email, status: 'invited', acceptedAt: null, setupCompleted: false });
    const stored = cognito.fake.users.get(email);
    expect(stored?.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }]));
    expect(cognito.fake.mails.filter((mail) => mail.to === email).map((mail) => mail.kind)).toEqual(['invitation']);
  });

  it('resends natively with MessageAction RESEND, which mails a new temporary password and restarts the expiry', async () => {
    const email = freshAddress('resend');
    const then = Date.now() / 1000 - 3 * dayS;
    cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: then, UserLastModifiedDate: then, temporaryPassword: 'Old-Temp' });
    const result = await cognito.source.resendInvite(email);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Date.parse(result.value.expiresAt) - Date.parse(result.value.sentAt)).toBe(7 * dayS * 1000);
    expect(cognito.fake.calls.filter((call) => call !== 'DescribeUserPool')).toEqual(['AdminGetUser', 'AdminCreateUser']);
    const mailed = cognito.fake.mails.filter((mail) => mail.to === email);
    expect(mailed).toHaveLength(1);
    expect(mailed[0]!.secret).not.toBe('Old-Temp');
    expect(cognito.source.describe()).toMatchObject({ resend: 'native', resendRotatesLink: true, providerSendsMail: true });
    const after = await cognito.source.findUser(email);
    expect(after.ok && after.value?.lastSentAt).toBe(result.value.sentAt);
  });

  it('resends an expired invitation (RESEND works after the temporary password ran out)', async () => {
    const email = freshAddress('expired-resend');
    seeds.expired(cognito.fake, email);
    const result = await cognito.source.resendInvite(email);
    expect(result.ok && Date.parse(result.value.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('refuses to resend to a disabled invitee as deactivated', async () => {
    const email = freshAddress('disabled-invitee');
    cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: false });
    const result = await cognito.source.resendInvite(email);
    expect(!result.ok && result.error.kind).toBe('deactivated');
    expect(cognito.fake.calls).toEqual(['AdminGetUser']);
  });

  it('answers not_sent when Cognito cannot deliver the invitation, and the user stays created', async () => {
    const email = freshAddress('undeliverable');
    cognito.fake.failNextDelivery(`Email address is not verified. The following identities failed the check in region EU-WEST-1: ${email}`);
    const result = await cognito.source.inviteUser(email);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'not_sent', reason: 'sandbox_recipient' });
    expect(result.error.message).toMatch(/Amazon Cognito/);
    const found = await cognito.source.findUser(email);
    expect(found.ok && found.value?.status).toBe('invited');
  });

  it('reads an unverified sender in a delivery failure as an unverified sending domain', async () => {
    const email = freshAddress('unverified-sender');
    cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    cognito.fake.failNextDelivery('Email address is not verified. The following identities failed the check in region EU-WEST-1: no-reply@sender.example');
    const result = await cognito.source.resendInvite(email);
    expect(!result.ok && result.error).toMatchObject({ kind: 'not_sent', reason: 'sending_domain_unverified' });
  });

  it('sends a password reset with AdminResetUserPassword to a confirmed user', async () => {
    const email = freshAddress('reset');
    cognito.fake.addUser({ email });
    const result = await cognito.source.sendPasswordReset(email);
    expect(result.ok && Date.parse(result.value.expiresAt) - Date.parse(result.value.sentAt)).toBe(3_600_000);
    expect(cognito.fake.calls).toEqual(['AdminGetUser', 'AdminResetUserPassword']);
    expect(cognito.fake.users.get(email)?.UserStatus).toBe('RESET_REQUIRED');
    const after = await cognito.source.findUser(email);
    expect(after.ok && after.value).toMatchObject({ status: 'active', setupCompleted: false });
  });

  it('refuses a password reset for an SSO user, whose password lives at their identity provider', async () => {
    const email = freshAddress('sso-reset');
    seeds.sso(cognito.fake, email);
    const found = await cognito.source.findUser(email);
    if (!found.ok || !found.value) throw new Error('seeded SSO user not found');
    const result = await cognito.source.sendPasswordReset(found.value.id);
    expect(!result.ok && result.error.kind).toBe('conflict');
  });

  it('has no invite link to copy', async () => {
    expect(cognito.source.capabilities().has('copyLink')).toBe(false);
    const result = await cognito.source.getInviteLink('anyone@example.com');
    expect(!result.ok && result.error.kind).toBe('unsupported');
    expect(cognito.fake.calls).toEqual([]);
  });

  it('cancels a pending invitation with AdminDeleteUser', async () => {
    const email = freshAddress('cancel');
    cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const result = await cognito.source.cancelInvite(email);
    expect(result.ok).toBe(true);
    expect(cognito.fake.calls).toEqual(['AdminGetUser', 'AdminDeleteUser']);
    expect(cognito.fake.users.has(email)).toBe(false);
  });

  it('refuses to invite an address another username already carries', async () => {
    const email = freshAddress('alias');
    cognito.fake.addUser({ email, Username: 'someone-else' });
    const result = await cognito.source.inviteUser(email);
    expect(!result.ok && result.error.kind).toBe('conflict');
    expect(cognito.fake.calls).toEqual(['ListUsers']);
  });

  it('finds a user whose address differs only in case from the one asked for', async () => {
    const email = freshAddress('case');
    cognito.fake.addUser({ email });
    const result = await cognito.source.findUser(email.toUpperCase());
    expect(result.ok && result.value?.email).toBe(email);
  });

  it('lists across Cognito pages (60 users each) and filters pending invitations on the server', async () => {
    const domain = `many-${Date.now().toString(36)}.example`;
    const emails = Array.from({ length: 130 }, (_, index) => `user${String(index).padStart(3, '0')}@${domain}`);
    for (const email of [...emails].reverse()) cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const first = await cognito.source.listInvitations!({ domain, limit: 100 });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.invitations.map((user) => user.email)).toEqual(emails.slice(0, 100));
    expect(cognito.fake.calls.filter((call) => call === 'ListUsers').length).toBeGreaterThanOrEqual(3);
    const second = await cognito.source.listInvitations!({ domain, limit: 100, status: 'invited', cursor: first.value.nextCursor! });
    expect(second.ok && second.value.invitations.map((user) => user.email)).toEqual(emails.slice(100));
    expect(second.ok && second.value.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out', async () => {
    const result = await cognito.source.listInvitations!({ cursor: 'not a cursor' });
    expect(!result.ok && result.error).toMatchObject({ kind: 'unavailable', cause: 'server', status: 400 });
  });

  it('reads throttling without a Retry-After, and the 400 TooManyRequestsException AWS really sends, as rate_limited with a short default wait', async () => {
    cognito.fake.fault('rate_limited_no_header');
    const unheaded = await cognito.source.findUser(freshAddress('throttled'));
    expect(!unheaded.ok && unheaded.error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 5_000 });
    cognito.fake.fault('throttled_400');
    const real = await cognito.source.findUser(freshAddress('throttled'));
    expect(!real.ok && real.error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 5_000 });
  });

  it('answers not_found for an unknown user and keeps the SDK signature out of messages', async () => {
    const result = await cognito.source.sendPasswordReset('nobody-here');
    expect(!result.ok && result.error.kind).toBe('not_found');
    expect(JSON.stringify(result)).not.toMatch(/AKIDEXAMPLE|fake-secret-key|Signature=/);
  });

  it('names the pool setting when the pool does not exist', async () => {
    const config = cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_Missing', AWS_REGION: 'eu-west-1', COGNITO_ENDPOINT: origin, COGNITO_MAX_ATTEMPTS: '1' });
    const other = await cognitoIdentity.create({ ...config, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret-key' } }, context);
    try {
      const result = await other.findUser(freshAddress('wrong-pool'));
      expect(!result.ok && result.error).toMatchObject({ kind: 'unavailable', cause: 'server', status: 400 });
      expect(!result.ok && result.error.message).toMatch(/does not exist/);
    } finally {
      await other.close?.();
    }
  });
});

describe('Amazon Cognito pool policy', () => {
  it("takes an invitation's expiry from the pool's TemporaryPasswordValidityDays", async () => {
    const cognito = await startCognito({}, 3);
    try {
      const email = freshAddress('three-days');
      cognito.fake.addUser({ email, UserStatus: 'FORCE_CHANGE_PASSWORD' });
      const result = await cognito.source.findUser(email);
      if (!result.ok || !result.value) throw new Error('seeded invitee not found');
      expect(Date.parse(result.value.expiresAt!) - Date.parse(result.value.lastSentAt!)).toBe(3 * dayS * 1000);
    } finally {
      await cognito.close();
    }
  });

  it('refuses to list a pool larger than its cap instead of answering with part of it', async () => {
    const cognito = await startCognito({ listCap: 5 });
    try {
      for (let index = 0; index < 6; index++) cognito.fake.addUser({ email: freshAddress('cap') });
      const result = await cognito.source.listInvitations!({});
      expect(!result.ok && result.error).toMatchObject({ kind: 'unavailable', cause: 'server' });
    } finally {
      await cognito.close();
    }
  });
});

describe('Amazon Cognito configuration', () => {
  it('requires the pool id and the region, naming the setting but not its value', () => {
    expect(() => cognitoIdentity.readConfig({ AWS_REGION: 'eu-west-1' })).toThrow(ConfigError);
    expect(() => cognitoIdentity.readConfig({ AWS_REGION: 'eu-west-1' })).toThrow(/COGNITO_USER_POOL_ID/);
    expect(() => cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: userPoolId })).toThrow(/AWS_REGION/);
    expect(() => cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: 'secret value!', AWS_REGION: 'eu-west-1' })).toThrow(/^(?!.*secret value)/);
  });

  it('reads the optional endpoint and attempts, with AWS defaults otherwise', () => {
    expect(cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: userPoolId, AWS_REGION: 'eu-west-1' })).toMatchObject({ endpoint: null, maxAttempts: 3 });
    expect(() => cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: userPoolId, AWS_REGION: 'eu-west-1', COGNITO_ENDPOINT: 'not a url' })).toThrow(/COGNITO_ENDPOINT/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

import { existsSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoIdentity } from '../../server/identity/cognito/cognitoIdentity.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../../server/identity/IdentitySource.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../support/describeIdentityConformance.ts';
import { cognitoLocalBin, startCognitoLocal, type CognitoLocal } from '../support/startCognitoLocal.ts';
import { selfMailingProviderContext } from '../support/selfMailingProviderContext.ts';

// The adapter against cognito-local (a root devDependency), one per file, started here on a free
// port with its data in a temporary directory and stopped by pid. cognito-local lacks MessageAction
// RESEND and AdminResetUserPassword, so the live subject hides those two capabilities (the recorded
// suite, tests/unit/server/identity/cognitoIdentity.test.ts, covers them); it has no clock to move
// (no `expired`), no federated users (no `sso`) and no failing mail (no `sendFailed`).

const installed = existsSync(cognitoLocalBin);
if (!installed && !process.env.CI) console.warn('SKIPPED the cognito-local suite: cognito-local is not installed (run npm ci)');

const situations: IdentitySituation[] = ['invited', 'active', 'setupIncomplete', 'deactivated'];
const notInCognitoLocal: readonly IdentityCapability[] = ['resend', 'passwordReset'];
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const context: IdentityContext = selfMailingProviderContext('Cognito', { defaultTeam: 'team-cognito', timeoutMs: 10_000 });

interface LocalPool {
  local: CognitoLocal;
  admin: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
}

/** A pool on a fresh cognito-local; `signInWithEmail` makes the address the sign-in name (Cognito then names users by their sub). */
async function startPool(signInWithEmail: boolean, clockOffsetMs = 0): Promise<LocalPool> {
  const local = await startCognitoLocal({ clockOffsetMs });
  const admin = new CognitoIdentityProviderClient({ region: 'local', endpoint: local.endpoint, credentials, maxAttempts: 1 });
  const pool = await admin.send(
    new CreateUserPoolCommand({
      PoolName: 'invite-doctor',
      UsernameAttributes: signInWithEmail ? ['email'] : [],
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 7 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local made no user pool');
  const client = await admin.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web' }));
  const clientId = client.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local made no app client');
  return { local, admin, userPoolId, clientId };
}

async function createSource(pool: LocalPool): Promise<IdentitySource> {
  const config = cognitoIdentity.readConfig({ COGNITO_USER_POOL_ID: pool.userPoolId, AWS_REGION: 'local', COGNITO_ENDPOINT: pool.local.endpoint, COGNITO_MAX_ATTEMPTS: '1' });
  return cognitoIdentity.create({ ...config, credentials }, context);
}

/** The source as the suite should see it here: without the two operations cognito-local cannot perform. */
function withoutMissingOperations(source: IdentitySource): IdentitySource {
  const capabilities = new Set([...source.capabilities()].filter((capability) => !notInCognitoLocal.includes(capability)));
  return { ...source, capabilities: () => capabilities, describe: () => ({ ...source.describe(), resend: 'unsupported', resendRotatesLink: false }) };
}

async function seed(pool: LocalPool, situation: IdentitySituation, email: string): Promise<void> {
  const { admin, userPoolId } = pool;
  const attributes = [
    { Name: 'email', Value: email },
    { Name: 'email_verified', Value: 'true' },
  ];
  const createSilently = () => admin.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: email, UserAttributes: attributes, MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-pass-1' }));
  switch (situation) {
    case 'invited':
      await admin.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: email, UserAttributes: attributes, DesiredDeliveryMediums: ['EMAIL'] }));
      return;
    case 'active':
      await createSilently();
      await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: 'Real-pass-1', Permanent: true }));
      return;
    case 'setupIncomplete':
      // Signed up but never confirmed the address: UNCONFIRMED.
      await admin.send(new SignUpCommand({ ClientId: pool.clientId, Username: email, Password: 'Real-pass-1', UserAttributes: [{ Name: 'email', Value: email }] }));
      return;
    case 'deactivated':
      await createSilently();
      await admin.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
      return;
    default:
      throw new Error(`cognito-local cannot express ${situation}`);
  }
}

describe.skipIf(!installed && !process.env.CI)('Amazon Cognito on cognito-local', () => {
  describeIdentityConformance(
    'Amazon Cognito (cognito-local)',
    async () => {
      // Users seeded an hour ago, as real ones are: a just-mailed invitation would still be inside
      // the wizard's delivery window and route to "wait a few minutes" instead of the advice.
      const pool = await startPool(true, -60 * 60_000);
      const source = await createSource(pool);
      return {
        source: withoutMissingOperations(source),
        seed: (situation, email) => seed(pool, situation, email),
        close: async () => {
          await source.close?.();
          pool.admin.destroy();
          await pool.local.stop();
        },
      };
    },
    { situations },
  );

  describe('what cognito-local shows of the adapter (a pool whose usernames are not addresses)', () => {
    let pool: LocalPool;
    let source: IdentitySource;
    beforeAll(async () => {
      pool = await startPool(false);
      source = await createSource(pool);
    });
    afterAll(async () => {
      await source?.close?.();
      pool?.admin.destroy();
      await pool?.local.stop();
    });

    it('invites by email: Cognito mails a temporary password (cognito-local logs it) and the user is a pending invitation', async () => {
      const email = freshAddress('live-invite');
      const invited = await source.inviteUser(email);
      expect(invited.ok && invited.value).toMatchObject({ id: email, email, status: 'invited', setupCompleted: false });
      expect(pool.local.output()).toContain(email);
      const found = await source.findUser(email);
      expect(found.ok && found.value?.expiresAt).toBe(invited.ok ? invited.value.expiresAt : 'no');
    });

    it('reads the expiry from the pool: seven days after the invitation went out', async () => {
      const email = freshAddress('live-expiry');
      await seed(pool, 'invited', email);
      const found = await source.findUser(email);
      if (!found.ok || !found.value) throw new Error('seeded invitee not found');
      expect(Date.parse(found.value.expiresAt!) - Date.parse(found.value.lastSentAt!)).toBe(7 * 86_400_000);
    });

    it('refuses to cancel a user who signed up but never confirmed (not an invitation)', async () => {
      const email = freshAddress('live-unconfirmed');
      await seed(pool, 'setupIncomplete', email);
      const found = await source.findUser(email);
      if (!found.ok || !found.value) throw new Error('seeded user not found');
      const result = await source.cancelInvite(found.value.id);
      expect(!result.ok && result.error.kind).toBe('conflict');
    });

    it('answers deactivated when asked to cancel a disabled user', async () => {
      const email = freshAddress('live-disabled');
      await seed(pool, 'deactivated', email);
      const result = await source.cancelInvite(email);
      expect(!result.ok && result.error.kind).toBe('deactivated');
    });

    it('keys users by the username Cognito gives them when the pool signs in with email', async () => {
      const emailPool = await startPool(true);
      const emailSource = await createSource(emailPool);
      try {
        const email = freshAddress('live-sub');
        const invited = await emailSource.inviteUser(email);
        if (!invited.ok) throw new Error(JSON.stringify(invited.error));
        expect(invited.value.id).not.toBe(email);
        const found = await emailSource.findUser(email);
        expect(found.ok && found.value?.id).toBe(invited.value.id);
        const cancelled = await emailSource.cancelInvite(invited.value.id);
        expect(cancelled.ok).toBe(true);
        expect(await emailSource.findUser(email)).toEqual({ ok: true, value: null });
      } finally {
        await emailSource.close?.();
        emailPool.admin.destroy();
        await emailPool.local.stop();
      }
    });
  });
});

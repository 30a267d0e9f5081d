import type { UserRecord } from 'firebase-admin/auth';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { firebaseIdentity } from '../../../../server/identity/firebase/firebaseIdentity.ts';
import { readFirebaseFailure } from '../../../../server/identity/firebase/readFirebaseFailure.ts';
import { toInvitedUser } from '../../../../server/identity/firebase/toInvitedUser.ts';

// The live behaviour is tested on the real Auth emulator (tests/identity/firebase.identity.test.ts);
// these are the parts that need no emulator: settings, the SDK's error codes, and how a user record
// reads where production and the emulator differ.

describe('firebaseIdentity settings', () => {
  it('reads the project id and defaults to password-reset invitation links', () => {
    expect(firebaseIdentity.readConfig({ FIREBASE_PROJECT_ID: 'my-app-123' })).toEqual({ projectId: 'my-app-123', serviceAccount: null, inviteLink: 'password_reset', continueUrl: null });
  });

  it('refuses to start without a project id, naming the setting', () => {
    expect(() => firebaseIdentity.readConfig({})).toThrow(ConfigError);
    expect(() => firebaseIdentity.readConfig({})).toThrow(/FIREBASE_PROJECT_ID/);
  });

  it('requires a continue URL for email sign-in links', () => {
    expect(() => firebaseIdentity.readConfig({ FIREBASE_PROJECT_ID: 'my-app', FIREBASE_INVITE_LINK: 'email_sign_in' })).toThrow(/FIREBASE_CONTINUE_URL/);
    expect(firebaseIdentity.readConfig({ FIREBASE_PROJECT_ID: 'my-app', FIREBASE_INVITE_LINK: 'email_sign_in', FIREBASE_CONTINUE_URL: 'https://app.example.com/finish' }).inviteLink).toBe('email_sign_in');
  });

  it('never quotes a bad service account key in its error', async () => {
    const secret = '{"private_key": "-----BEGIN PRIVATE KEY-----secret-material"';
    const config = firebaseIdentity.readConfig({ FIREBASE_PROJECT_ID: 'my-app', FIREBASE_SERVICE_ACCOUNT_JSON: secret });
    const previous = process.env.FIREBASE_AUTH_EMULATOR_HOST;
    delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
    try {
      const context = { clock: Date.now, policy: {} as never, defaultTeam: 't', timeoutMs: 1000, sendMail: async () => [] };
      let thrown: unknown;
      try {
        await firebaseIdentity.create(config, context);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect(String((thrown as Error).message)).toMatch(/FIREBASE_SERVICE_ACCOUNT_JSON/);
      expect(String((thrown as Error).message)).not.toMatch(/secret-material|PRIVATE KEY/);
    } finally {
      if (previous !== undefined) process.env.FIREBASE_AUTH_EMULATOR_HOST = previous;
    }
  });
});

describe('readFirebaseFailure', () => {
  const authError = (code: string, message = 'text') => Object.assign(new Error(message), { code });

  it('maps the SDK codes onto the statuses they stand for', () => {
    expect(readFirebaseFailure(authError('auth/user-not-found'))).toEqual({ code: 'auth/user-not-found', status: 404 });
    expect(readFirebaseFailure(authError('auth/email-already-exists'))?.status).toBe(409);
    expect(readFirebaseFailure(authError('auth/quota-exceeded'))?.status).toBe(429);
    expect(readFirebaseFailure(authError('auth/insufficient-permission'))?.status).toBe(403);
  });

  it('takes the status of an unrecognised answer from the raw response, and never its text', () => {
    const raw = JSON.stringify({ error: { code: 503, message: 'backend error for someone@example.com' } });
    const failure = readFirebaseFailure(authError('auth/internal-error', `An internal error has occurred. Raw server response: "${raw}"`));
    expect(failure).toEqual({ code: 'auth/internal-error', status: 503 });
    expect(readFirebaseFailure(authError('auth/internal-error', 'An internal error has occurred.'))?.status).toBe(500);
  });

  it('leaves errors that are not Firebase answers to the generic handling', () => {
    expect(readFirebaseFailure(new TypeError('fetch failed'))).toBeNull();
    expect(readFirebaseFailure(null)).toBeNull();
  });
});

describe('toInvitedUser', () => {
  const record = (metadata: { creationTime: string; lastSignInTime?: string | null; lastRefreshTime?: string | null }, extra: Record<string, unknown> = {}) =>
    ({ uid: 'uid-1', email: 'Ada@Example.com', disabled: false, providerData: [], metadata, ...extra }) as unknown as UserRecord;
  const created = 'Sun, 29 Nov 2026 10:00:00 GMT';

  it('reads a user the Admin SDK created and who never signed in as invited (production: no sign-in stamp)', () => {
    expect(toInvitedUser(record({ creationTime: created, lastSignInTime: null }), 'team')).toMatchObject({
      email: 'ada@example.com',
      status: 'invited',
      invitedAt: '2026-11-29T10:00:00.000Z',
      lastSentAt: null,
      expiresAt: null,
      acceptedAt: null,
      lastSignInAt: null,
    });
  });

  it('reads the emulator\u2019s creation-time sign-in stamp, with no token ever issued, as not signed in', () => {
    expect(toInvitedUser(record({ creationTime: created, lastSignInTime: created }), 'team').status).toBe('invited');
  });

  it('reads a user Firebase issued tokens to, or who signed in after creation, as active', () => {
    expect(toInvitedUser(record({ creationTime: created, lastSignInTime: created, lastRefreshTime: '2026-11-29T10:00:01.000Z' }), 'team').status).toBe('active');
    expect(toInvitedUser(record({ creationTime: created, lastSignInTime: 'Mon, 30 Nov 2026 09:00:00 GMT' }), 'team')).toMatchObject({ status: 'active', lastSignInAt: '2026-11-30T09:00:00.000Z' });
  });

  it('reads disabled as deactivated and a SAML or OIDC provider as sso, but not a social one', () => {
    expect(toInvitedUser(record({ creationTime: created }, { disabled: true }), 'team').status).toBe('deactivated');
    expect(toInvitedUser(record({ creationTime: created }, { providerData: [{ providerId: 'oidc.okta' }] }), 'team').sso).toBe(true);
    expect(toInvitedUser(record({ creationTime: created }, { providerData: [{ providerId: 'google.com' }] }), 'team').sso).toBe(false);
  });
});

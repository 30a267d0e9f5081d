import { existsSync } from 'node:fs';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicy } from '../../src/engine/Policy.ts';
import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';
import type { Result } from '../../src/engine/Result.ts';
import { firebaseIdentity } from '../../server/identity/firebase/firebaseIdentity.ts';
import type { IdentityContext, IdentityMail, IdentitySource } from '../../server/identity/IdentitySource.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../support/describeIdentityConformance.ts';
import { firebaseBin, startFirebaseAuthEmulator, type FirebaseAuthEmulator } from '../support/startFirebaseAuthEmulator.ts';

// The real Firebase Auth emulator (firebase-tools, its own package in tests/identity/firebase), one
// per file, started here on free ports and stopped by its process group. Seeds go through the
// Admin SDK and the emulator's REST API; mails are recorded, and their links are proved real by
// finding them in the emulator's out-of-band code listing and using them.

const installed = existsSync(firebaseBin);
const missing = 'firebase-tools is not installed: run npm ci --prefix tests/identity/firebase';
if (!installed && !process.env.CI) console.warn(`SKIPPED the Firebase Auth emulator suite: ${missing}`);

const situations: IdentitySituation[] = ['invited', 'active', 'sso', 'deactivated'];

interface OobCode {
  email: string;
  oobCode: string;
  oobLink: string;
  requestType: string;
}

class EmulatorWorld {
  readonly mails: IdentityMail[] = [];
  /** What the next mails resolve; a recorder of a transport that accepted them by default. */
  mailEvents: (mail: IdentityMail) => DeliveryEvent[] = (mail) => [{ at: new Date().toISOString(), email: mail.to, kind: 'sent', source: 'smtp' }];
  private readonly app: App;
  readonly auth: Auth;
  private sources: IdentitySource[] = [];

  constructor(readonly emulator: FirebaseAuthEmulator) {
    this.app = initializeApp({ projectId: emulator.projectId }, `seed-${Date.now()}`);
    this.auth = getAuth(this.app);
  }

  async source(env: Record<string, string> = {}): Promise<IdentitySource> {
    const context: IdentityContext = {
      clock: Date.now,
      policy: createPolicy(),
      defaultTeam: 'team-firebase',
      timeoutMs: 10_000,
      sendMail: async (mail) => {
        this.mails.push(mail);
        return this.mailEvents(mail);
      },
    };
    const source = await firebaseIdentity.create(firebaseIdentity.readConfig({ FIREBASE_PROJECT_ID: this.emulator.projectId, ...env }), context);
    this.sources.push(source);
    return source;
  }

  private rest(path: string, body: unknown) {
    return fetch(`http://${this.emulator.host}/identitytoolkit.googleapis.com/v1/${path}?key=any`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  async signInWithPassword(email: string, password: string): Promise<Response> {
    return this.rest('accounts:signInWithPassword', { email, password, returnSecureToken: true });
  }

  /** Spends a password-reset code by setting a password (or, without one, only checks it). */
  async resetPassword(oobCode: string, newPassword?: string): Promise<Response> {
    return this.rest('accounts:resetPassword', { oobCode, ...(newPassword ? { newPassword } : {}) });
  }

  async signInWithEmailLink(email: string, oobCode: string): Promise<Response> {
    return this.rest('accounts:signInWithEmailLink', { email, oobCode, returnSecureToken: true });
  }

  /** The out-of-band codes the emulator has made for this address ("sent", had Firebase sent mail). */
  async oobCodes(email: string): Promise<OobCode[]> {
    const response = await fetch(`http://${this.emulator.host}/emulator/v1/projects/${this.emulator.projectId}/oobCodes`);
    const body = (await response.json()) as { oobCodes: OobCode[] };
    return body.oobCodes.filter((code) => code.email === email);
  }

  async seed(situation: IdentitySituation, email: string): Promise<void> {
    if (situation === 'invited') {
      await this.auth.createUser({ email });
    } else if (situation === 'active') {
      await this.auth.createUser({ email, password: 'correct horse 1' });
      const signedIn = await this.signInWithPassword(email, 'correct horse 1');
      if (!signedIn.ok) throw new Error(`sign-in for the active seed failed: ${signedIn.status}`);
    } else if (situation === 'deactivated') {
      await this.auth.createUser({ email, password: 'correct horse 1', disabled: true });
    } else if (situation === 'sso') {
      // A user who signs in through a SAML connection, as Firebase records one: a `saml.` provider
      // linked, and a last sign-in. The emulator cannot run a real SAML exchange, so the record is imported.
      const signedInAt = new Date(Date.now() - 3_600_000).toUTCString();
      const result = await this.auth.importUsers([
        {
          uid: `sso-${Math.random().toString(36).slice(2)}`,
          email,
          emailVerified: true,
          providerData: [{ uid: `saml-subject-${email}`, email, providerId: 'saml.acme-okta' }],
          metadata: { creationTime: new Date(Date.now() - 86_400_000).toUTCString(), lastSignInTime: signedInAt },
        },
      ]);
      if (result.failureCount > 0) throw new Error(`import of the sso seed failed: ${result.errors[0]?.error.code}`);
    } else {
      throw new Error(`Firebase cannot express ${situation}`);
    }
  }

  async close(): Promise<void> {
    for (const source of this.sources) await source.close?.();
    await deleteApp(this.app);
    await this.emulator.stop();
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function oobCodeOf(link: string): string {
  const code = new URL(link).searchParams.get('oobCode');
  if (!code) throw new Error('the link carries no oobCode');
  return code;
}

let world: EmulatorWorld | undefined;
async function startWorld(): Promise<EmulatorWorld> {
  if (world) return world;
  const emulator = await startFirebaseAuthEmulator();
  console.info(`Firebase Auth emulator ready in ${emulator.startedInMs} ms at ${emulator.host}`);
  process.env.FIREBASE_AUTH_EMULATOR_HOST = emulator.host;
  world = new EmulatorWorld(emulator);
  return world;
}

if (!installed) {
  describe.skipIf(!process.env.CI)('Firebase Auth emulator', () => {
    it('has firebase-tools installed (required in CI)', () => {
      throw new Error(missing);
    });
  });
} else {
  describe('Firebase Authentication on the Auth emulator', () => {
    describeIdentityConformance(
      'Firebase Authentication',
      async () => {
        const started = await startWorld();
        return { source: await started.source(), seed: (situation, email) => started.seed(situation, email), close: async () => {} };
      },
      { situations },
    );

    describe('links and mail', () => {
      let source: IdentitySource;
      let w: EmulatorWorld;
      beforeAll(async () => {
        w = await startWorld();
        source = await w.source();
      });
      afterAll(async () => {
        await world?.close();
        world = undefined;
        delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
      });

      it('mails an invitation whose link the emulator knows and which sets a first password', async () => {
        const email = freshAddress('invitee');
        const user = unwrap(await source.inviteUser(email));
        expect(user).toMatchObject({ email, status: 'invited', acceptedAt: null, team: 'team-firebase' });
        const mail = w.mails.findLast((sent) => sent.to === email);
        expect(mail).toMatchObject({ purpose: 'invitation', resend: false });
        expect(mail!.expiresAt.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
        const code = oobCodeOf(mail!.link);
        expect((await w.oobCodes(email)).map((listed) => [listed.oobCode, listed.requestType])).toContainEqual([code, 'PASSWORD_RESET']);
        expect((await w.resetPassword(code, 'a new password 1')).ok).toBe(true);
        expect((await w.signInWithPassword(email, 'a new password 1')).ok).toBe(true);
        expect(unwrap(await source.findUser(email))).toMatchObject({ status: 'active', setupCompleted: true });
      });

      it('keeps the older link working after a resend (resendRotatesLink: false is true here)', async () => {
        const email = freshAddress('resend');
        await w.seed('invited', email);
        const user = unwrap(await source.findUser(email));
        const first = oobCodeOf(unwrap(await source.getInviteLink(user!.id)).url);
        unwrap(await source.resendInvite(user!.id));
        const mail = w.mails.findLast((sent) => sent.to === email);
        expect(mail).toMatchObject({ purpose: 'invitation', resend: true });
        const second = oobCodeOf(mail!.link);
        expect(second).not.toBe(first);
        expect(source.describe()).toMatchObject({ resend: 'composed', resendRotatesLink: false, providerSendsMail: false });
        // Both codes check out; the older one still sets the password.
        expect((await w.resetPassword(second)).ok).toBe(true);
        expect((await w.resetPassword(first, 'from the old link 1')).ok).toBe(true);
        expect((await w.signInWithPassword(email, 'from the old link 1')).ok).toBe(true);
      });

      it('gives single-use links: a spent code is refused the second time', async () => {
        const email = freshAddress('single');
        await w.seed('invited', email);
        const link = unwrap(await source.getInviteLink(unwrap(await source.findUser(email))!.id));
        expect(link.singleUse).toBe(true);
        expect((await w.resetPassword(oobCodeOf(link.url), 'first use 1')).ok).toBe(true);
        expect((await w.resetPassword(oobCodeOf(link.url), 'second use 1')).ok).toBe(false);
      });

      it('mails a password reset to an active user with a real one-hour link', async () => {
        const email = freshAddress('reset');
        await w.seed('active', email);
        const sent = unwrap(await source.sendPasswordReset(unwrap(await source.findUser(email))!.id));
        expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).toBe(3_600_000);
        const mail = w.mails.findLast((recorded) => recorded.to === email);
        expect(mail).toMatchObject({ purpose: 'password_reset' });
        expect((await w.oobCodes(email)).map((listed) => listed.oobCode)).toContain(oobCodeOf(mail!.link));
        expect((await w.resetPassword(oobCodeOf(mail!.link), 'reset at last 1')).ok).toBe(true);
        expect((await w.signInWithPassword(email, 'reset at last 1')).ok).toBe(true);
      });

      it('answers not_sent when the server could not send the mail', async () => {
        const email = freshAddress('unsent');
        await w.seed('invited', email);
        const id = unwrap(await source.findUser(email))!.id;
        w.mailEvents = (mail) => [{ at: new Date().toISOString(), email: mail.to, kind: 'not_sent', reason: 'mail_not_configured' }];
        try {
          const result = await source.resendInvite(id);
          expect(result.ok ? 'ok' : result.error).toMatchObject({ kind: 'not_sent', reason: 'mail_not_configured' });
        } finally {
          w.mailEvents = (mail) => [{ at: new Date().toISOString(), email: mail.to, kind: 'sent' }];
        }
      });

      it('refuses to act on a disabled user as deactivated', async () => {
        const email = freshAddress('disabled');
        await w.seed('deactivated', email);
        const id = unwrap(await source.findUser(email))!.id;
        for (const result of [await source.resendInvite(id), await source.getInviteLink(id), await source.sendPasswordReset(id), await source.cancelInvite(id)]) {
          expect(result.ok ? 'ok' : result.error.kind).toBe('deactivated');
        }
      });

      it('reports an sso user as active and refuses to cancel them', async () => {
        const email = freshAddress('sso');
        await w.seed('sso', email);
        const user = unwrap(await source.findUser(email));
        expect(user).toMatchObject({ status: 'active', sso: true, lastSignInAt: expect.any(String) });
        const cancelled = await source.cancelInvite(user!.id);
        expect(cancelled.ok ? 'ok' : cancelled.error.kind).toBe('conflict');
      });

      it('invites with an email sign-in link when configured, which signs the invitee in', async () => {
        const linkSource = await w.source({ FIREBASE_INVITE_LINK: 'email_sign_in', FIREBASE_CONTINUE_URL: 'https://app.example.com/finish-sign-in' });
        const email = freshAddress('emaillink');
        unwrap(await linkSource.inviteUser(email));
        const mail = w.mails.findLast((sent) => sent.to === email);
        expect(mail!.expiresAt.getTime() - Date.now()).toBeGreaterThan(5.9 * 3_600_000);
        const code = oobCodeOf(mail!.link);
        expect((await w.oobCodes(email)).map((listed) => [listed.oobCode, listed.requestType])).toContainEqual([code, 'EMAIL_SIGNIN']);
        expect(unwrap(await linkSource.findUser(email))?.status).toBe('invited');
        expect((await w.signInWithEmailLink(email, code)).ok).toBe(true);
        expect(unwrap(await linkSource.findUser(email))?.status).toBe('active');
      });
    });
  });
}

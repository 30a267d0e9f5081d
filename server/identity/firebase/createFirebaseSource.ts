import { deleteApp } from 'firebase-admin/app';
import { getAuth, type ActionCodeSettings, type UserRecord } from 'firebase-admin/auth';
import type { BackendError } from '../../../src/engine/BackendError.ts';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentityMail, IdentitySource } from '../IdentitySource.ts';
import { createFirebaseApp } from './createFirebaseApp.ts';
import type { FirebaseConfig } from './firebaseIdentity.ts';
import { listFirebaseInvitations } from './listFirebaseInvitations.ts';
import { readFirebaseFailure } from './readFirebaseFailure.ts';
import { hasSignedIn, toInvitedUser } from './toInvitedUser.ts';

const providerName = 'Firebase Authentication';
const hourMs = 3_600_000;
/**
 * How long Firebase keeps an action link valid. Not in Firebase's reference; these are the
 * lifetimes Firebase engineers have given (password reset 1 hour, email sign-in 6 hours) and not
 * configurable for admin-generated links. An `expiresAt` we report is therefore an estimate.
 */
export const firebaseLinkLifetimeMs = { password_reset: hourMs, email_sign_in: 6 * hourMs } as const;

const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'listInvitations']);

/**
 * Firebase Authentication as an identity source. Firebase has no invitations and sends no mail
 * for links the Admin SDK generates, so an invitation is a user created with no password who has
 * not signed in yet, and every link (invitation or password reset) is generated here and mailed
 * through the server's own transport (`context.sendMail`). A resend is therefore composed: a fresh
 * link, mailed again; older links keep working until used or expired (checked on the emulator).
 */
export function createFirebaseSource(config: FirebaseConfig, context: IdentityContext): IdentitySource {
  const app = createFirebaseApp(config);
  const auth = getAuth(app);
  const team = context.defaultTeam;
  const now = () => new Date(context.clock());
  const settings: ActionCodeSettings | undefined = config.continueUrl ? { url: config.continueUrl, handleCodeInApp: config.inviteLink === 'email_sign_in' } : undefined;

  const call = <T>(run: () => Promise<T>, signal?: AbortSignal): Promise<Result<T>> =>
    callProvider({ providerName, timeoutMs: context.timeoutMs, signal, clock: context.clock, readFailure: readFirebaseFailure }, async () => {
      try {
        return await run();
      } catch (thrown) {
        throw networkRefusal(thrown) ?? thrown;
      }
    });

  /** The user behind an id, refused as `deactivated` when disabled and as `conflict` when `allowed` says no. */
  const userFor = (userId: string, allowed: (record: UserRecord) => string | null, signal?: AbortSignal) =>
    call(async () => {
      const record = await auth.getUser(userId);
      if (record.disabled) throw new ProviderRefusal({ kind: 'deactivated', message: `${providerName} has this user disabled; enable them in the Firebase console first.` });
      if (!record.email) throw new ProviderRefusal({ kind: 'conflict', message: `This ${providerName} user has no email address, so no link can be mailed.` });
      const refusal = allowed(record);
      if (refusal) throw new ProviderRefusal({ kind: 'conflict', message: refusal });
      return record;
    }, signal);

  const pendingOnly = (record: UserRecord) => (hasSignedIn(record) ? 'This user has already signed in, so there is no pending invitation; send a password reset instead.' : null);
  const signedInOnly = (record: UserRecord) => (hasSignedIn(record) ? null : 'This user has not signed in yet; resend the invitation instead of a password reset.');

  const inviteLink = (email: string) =>
    call(async () => {
      const url = config.inviteLink === 'email_sign_in' ? await auth.generateSignInWithEmailLink(email, settings!) : await auth.generatePasswordResetLink(email, settings);
      const expiresAt = new Date(context.clock() + firebaseLinkLifetimeMs[config.inviteLink]);
      return { url, expiresAt };
    });

  /** Mails one link through the server; a mail that never left is a typed `not_sent`. */
  const mail = async (message: IdentityMail): Promise<Result<{ sentAt: string; expiresAt: string }>> => {
    const sentAt = now().toISOString();
    try {
      const events = await context.sendMail(message);
      const notSent = events.find((event) => event.kind === 'not_sent');
      if (notSent) return err({ kind: 'not_sent', reason: notSent.reason ?? 'mail_not_configured', message: `The link was made at ${providerName}, but the server could not send the mail.` });
    } catch {
      return err({ kind: 'unavailable', cause: 'server', message: 'The server could not hand the mail to its mail transport; nothing was sent. Try again in a moment.' });
    }
    return ok({ sentAt, expiresAt: message.expiresAt.toISOString() });
  };

  const mailInvitation = async (record: UserRecord, resend: boolean) => {
    const link = await inviteLink(record.email!);
    if (!link.ok) return link;
    return mail({ to: record.email!, purpose: 'invitation', link: link.value.url, expiresAt: link.value.expiresAt, resend });
  };

  return {
    capabilities: () => capabilities,
    describe: () => ({ identity: 'firebase', identityName: providerName, resend: 'composed', resendRotatesLink: false, providerSendsMail: false }),

    findUser: (email, options) =>
      call(async () => {
        try {
          return toInvitedUser(await auth.getUserByEmail(email.trim().toLowerCase()), team);
        } catch (thrown) {
          if (readFirebaseFailure(thrown)?.code === 'auth/user-not-found') return null;
          throw thrown;
        }
      }, options?.signal),

    resendInvite: async (userId, options) => {
      const record = await userFor(userId, pendingOnly, options?.signal);
      return record.ok ? mailInvitation(record.value, true) : record;
    },

    getInviteLink: async (userId, options) => {
      const record = await userFor(userId, pendingOnly, options?.signal);
      if (!record.ok) return record;
      const link = await inviteLink(record.value.email!);
      // An oob code is spent by its first use (a password set, a sign-in completed).
      return link.ok ? ok({ url: link.value.url, expiresAt: link.value.expiresAt.toISOString(), singleUse: true }) : link;
    },

    sendPasswordReset: async (userId, options) => {
      const record = await userFor(userId, signedInOnly, options?.signal);
      if (!record.ok) return record;
      const email = record.value.email!;
      const link = await call(() => auth.generatePasswordResetLink(email, config.continueUrl ? { url: config.continueUrl } : undefined));
      if (!link.ok) return link;
      return mail({ to: email, purpose: 'password_reset', link: link.value, expiresAt: new Date(context.clock() + firebaseLinkLifetimeMs.password_reset) });
    },

    cancelInvite: async (userId, options) => {
      const record = await userFor(userId, pendingOnly, options?.signal);
      if (!record.ok) return record;
      const deleted = await call(() => auth.deleteUser(userId), options?.signal);
      return deleted.ok ? ok({ cancelledAt: now().toISOString() }) : deleted;
    },

    inviteUser: async (email, options) => {
      const address = email.trim().toLowerCase();
      const created = await call(async () => {
        try {
          return await auth.createUser({ email: address, emailVerified: false, disabled: false });
        } catch (thrown) {
          if (readFirebaseFailure(thrown)?.code === 'auth/email-already-exists') throw new ProviderRefusal(alreadyThere);
          throw thrown;
        }
      }, options?.signal);
      if (!created.ok) return created;
      const sent = await mailInvitation(created.value, false);
      return sent.ok ? ok<InvitedUser>(toInvitedUser(created.value, team, sent.value)) : sent;
    },

    listInvitations: (filter, options) => listFirebaseInvitations((pageToken) => call(() => auth.listUsers(1000, pageToken), options?.signal), team, filter),

    close: async () => {
      await deleteApp(app);
    },
  };
}

const alreadyThere: BackendError = { kind: 'conflict', message: `${providerName} already has a user with this address; look them up instead of inviting again.` };

/** `firebase-admin` reports a failed connection as its own app error, which the generic check does not know. */
function networkRefusal(thrown: unknown): ProviderRefusal | null {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'app/network-timeout') return new ProviderRefusal({ kind: 'unavailable', cause: 'timeout', message: `${providerName} did not answer in time. Nothing is known to have changed; try again in a moment.` });
  if (code === 'app/network-error') return new ProviderRefusal({ kind: 'unavailable', cause: 'network', message: `The server could not reach ${providerName}. Check its network and Google's status, then try again.` });
  return null;
}

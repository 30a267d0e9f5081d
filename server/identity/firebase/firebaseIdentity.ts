import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';
import { createFirebaseSource } from './createFirebaseSource.ts';

/**
 * Which Firebase action link stands for an invitation (Firebase has no invitation object):
 * `password_reset` lets the invitee set a first password on Firebase's hosted page and works with
 * no app changes; `email_sign_in` signs them in by link and needs the app to complete
 * `signInWithEmailLink` at `FIREBASE_CONTINUE_URL`.
 */
export type FirebaseInviteLink = 'password_reset' | 'email_sign_in';

export interface FirebaseConfig {
  projectId: string;
  /** A service account key as JSON text or a path to its file; `null` for the application default credentials. A secret. */
  serviceAccount: string | null;
  inviteLink: FirebaseInviteLink;
  /** Where an action link continues to (`actionCodeSettings.url`); required for `email_sign_in`. */
  continueUrl: string | null;
}

const schema = z
  .object({
    FIREBASE_PROJECT_ID: z.string({ message: 'required: the Firebase project id' }).regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'a Firebase project id (lower-case letters, digits, dashes)'),
    FIREBASE_SERVICE_ACCOUNT_JSON: z.string().nullable(),
    FIREBASE_INVITE_LINK: z.enum(['password_reset', 'email_sign_in'], { message: 'password_reset or email_sign_in' }).nullable(),
    FIREBASE_CONTINUE_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).nullable(),
  })
  .refine((env) => env.FIREBASE_INVITE_LINK !== 'email_sign_in' || env.FIREBASE_CONTINUE_URL !== null, {
    path: ['FIREBASE_CONTINUE_URL'],
    message: 'required when FIREBASE_INVITE_LINK=email_sign_in (the page of your app that completes the sign-in)',
  });

/** Firebase Authentication through `firebase-admin`: users, action links, no invitations and no mail of its own. */
export const firebaseIdentity: IdentityProvider<FirebaseConfig> = {
  id: 'firebase',
  name: 'Firebase Authentication',
  settings: ['FIREBASE_PROJECT_ID', 'FIREBASE_SERVICE_ACCOUNT_JSON', 'FIREBASE_INVITE_LINK', 'FIREBASE_CONTINUE_URL'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return {
      projectId: parsed.FIREBASE_PROJECT_ID,
      serviceAccount: parsed.FIREBASE_SERVICE_ACCOUNT_JSON,
      inviteLink: parsed.FIREBASE_INVITE_LINK ?? 'password_reset',
      continueUrl: parsed.FIREBASE_CONTINUE_URL,
    };
  },
  create: (config, context) => createFirebaseSource(config, context),
};

import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';
import { createClerkSource } from './createClerkSource.ts';

export interface ClerkConfig {
  /** The instance's secret key (`sk_live_…` / `sk_test_…`). A secret: never logged. */
  secretKey: string;
  /** The Backend API's origin; `null` for Clerk's own (`https://api.clerk.com`). Set for a proxy or a test fake. */
  apiUrl: string | null;
  /** Where an invitee lands after accepting (Clerk's `redirect_url`); `null` for Clerk's default. */
  inviteRedirectUrl: string | null;
  /**
   * Rows per page when the adapter walks Clerk's lists (users, invitations): Clerk allows 1–500.
   * Not an environment setting; tests lower it so every walk crosses pages. @default 500
   */
  pageSize?: number;
  /** The most rows of each kind one listing reads before it refuses as incomplete. @default 10000 */
  listCap?: number;
}

const schema = z.object({
  CLERK_SECRET_KEY: z.string({ message: 'required: the secret key of your Clerk instance (Dashboard → API keys)' }),
  CLERK_API_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL (the Backend API origin, without /v1)' }).nullable(),
  CLERK_INVITE_REDIRECT_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL (where an invitee lands after accepting)' }).nullable(),
});

/**
 * Clerk through `@clerk/backend`: application invitations (create, list, revoke) and users. Clerk
 * sends the invitation mail itself; it has no resend, so a resend revokes the invitation and creates
 * a new one (the old link dies). No password-reset or delivery-log API.
 */
export const clerkIdentity: IdentityProvider<ClerkConfig> = {
  id: 'clerk',
  name: 'Clerk',
  settings: ['CLERK_SECRET_KEY', 'CLERK_API_URL', 'CLERK_INVITE_REDIRECT_URL'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return { secretKey: parsed.CLERK_SECRET_KEY, apiUrl: parsed.CLERK_API_URL, inviteRedirectUrl: parsed.CLERK_INVITE_REDIRECT_URL };
  },
  create: (config, context) => createClerkSource(config, context),
};

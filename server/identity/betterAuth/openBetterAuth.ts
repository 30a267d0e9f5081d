import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins';
import type { Kysely } from 'kysely';
import type { IdentityContext } from '../IdentitySource.ts';
import type { BetterAuthConfig } from './betterAuthIdentity.ts';
import { betterAuthInviteLink } from './betterAuthInviteLink.ts';

/** better-auth's own default for `resetPasswordTokenExpiresIn`, in seconds. */
export const resetPasswordExpiresInSeconds = 3_600;

/**
 * Opens better-auth inside the server on the team app's database, configured like the team's app
 * where it matters to us: the organization plugin with the same invitation expiry, and the two mail
 * hooks (invitation, password reset) pointed at the server's own mail transport, because
 * better-auth sends no mail itself. `banned`/`banExpires` (the admin plugin's columns) are read as
 * optional fields so a database without the admin plugin still works: a missing column reads as
 * undefined, since the Kysely adapter selects whole rows. Telemetry and logging are off: the server
 * logs what it needs, and better-auth's logs could quote an address.
 */
export function openBetterAuth(db: Kysely<never>, config: BetterAuthConfig, context: IdentityContext) {
  return betterAuth({
    database: { db, type: 'postgres' },
    secret: config.secret,
    baseURL: config.baseUrl,
    basePath: config.basePath,
    trustedOrigins: [new URL(config.resetPasswordUrl).origin],
    telemetry: { enabled: false },
    logger: { disabled: true },
    user: {
      additionalFields: {
        banned: { type: 'boolean', required: false, input: false },
        banExpires: { type: 'date', required: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      resetPasswordTokenExpiresIn: resetPasswordExpiresInSeconds,
      async sendResetPassword({ user, url }) {
        await context.sendMail({ to: user.email, purpose: 'password_reset', link: url, expiresAt: new Date(context.clock() + resetPasswordExpiresInSeconds * 1000) });
      },
    },
    plugins: [
      organization({
        invitationExpiresIn: config.invitationExpiresInSeconds,
        // Only runs when an invitation is created through this instance's own endpoints (which need a
        // member's session); the source itself mails through the same path after its adapter writes.
        async sendInvitationEmail({ invitation }) {
          await context.sendMail({ to: invitation.email, purpose: 'invitation', link: betterAuthInviteLink(config, invitation.id), expiresAt: new Date(invitation.expiresAt) });
        },
      }),
    ],
  });
}

export type BetterAuthInstance = ReturnType<typeof openBetterAuth>;

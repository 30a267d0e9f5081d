import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** How the server opens the team's own better-auth database (see docs/identity/better-auth.md). */
export interface BetterAuthConfig {
  /** `BETTER_AUTH_DATABASE_URL`: the PostgreSQL database the team's better-auth app uses. */
  databaseUrl: string;
  /** `BETTER_AUTH_SECRET`: the team app's secret (better-auth requires one; we sign nothing with it). */
  secret: string;
  /** `BETTER_AUTH_URL`: the team app's base URL, where invite and reset links point. */
  baseUrl: string;
  /** `BETTER_AUTH_BASE_PATH`: where better-auth is mounted in the team app. @default '/api/auth' */
  basePath: string;
  /** `BETTER_AUTH_INVITE_PATH`: the team app's accept-invitation page; the invitation id is appended. @default '/accept-invitation/' */
  invitePath: string;
  /** `BETTER_AUTH_RESET_PASSWORD_URL`: the team app's page that takes a reset token. @default `${baseUrl}/reset-password` */
  resetPasswordUrl: string;
  /** `BETTER_AUTH_ORGANIZATION_ID`: only this organisation's members and invitations; null: every organisation. */
  organizationId: string | null;
  /** `BETTER_AUTH_INVITATION_EXPIRES_IN`: the team app's `invitationExpiresIn`, in seconds. @default 172800 (better-auth's default) */
  invitationExpiresInSeconds: number;
  /** `BETTER_AUTH_INVITER_ID`: the user invitations we create name as their inviter; null: the organisation's first owner. */
  inviterId: string | null;
  /** `BETTER_AUTH_SSO_PROVIDER_IDS`: account `providerId`s that are single sign-on (besides `sso` and the sso plugin's providers). */
  ssoProviderIds: readonly string[];
  /** Most addresses `listInvitations` reads before it refuses. @default 2000 */
  listCap: number;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const schema = z.object({
  BETTER_AUTH_DATABASE_URL: z.string({ error: 'required (the PostgreSQL URL of the database your better-auth app uses)' }).regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  BETTER_AUTH_SECRET: z.string({ error: 'required (your better-auth app\'s BETTER_AUTH_SECRET)' }).min(32, 'must be at least 32 characters'),
  BETTER_AUTH_URL: z.string({ error: 'required (your app\'s base URL, such as https://app.example.com)' }).pipe(httpUrl),
  BETTER_AUTH_BASE_PATH: z.string().regex(/^\/[\w\-/]*$/, 'must be a path such as /api/auth').nullable(),
  BETTER_AUTH_INVITE_PATH: z.string().regex(/^\/[\w\-/.]*$/, 'must be a path such as /accept-invitation/').nullable(),
  BETTER_AUTH_RESET_PASSWORD_URL: httpUrl.nullable(),
  BETTER_AUTH_ORGANIZATION_ID: z.string().max(200).nullable(),
  BETTER_AUTH_INVITATION_EXPIRES_IN: z.coerce.number().int().min(60).max(365 * 86_400).nullable(),
  BETTER_AUTH_INVITER_ID: z.string().max(200).nullable(),
  BETTER_AUTH_SSO_PROVIDER_IDS: z.string().nullable(),
});

/** Reads the settings; exported for tests that open better-auth on another database. */
export function readBetterAuthConfig(env: NodeJS.ProcessEnv): BetterAuthConfig {
  const parsed = parseEnvironment(schema, env);
  const baseUrl = parsed.BETTER_AUTH_URL.replace(/\/+$/, '');
  return {
    databaseUrl: parsed.BETTER_AUTH_DATABASE_URL,
    secret: parsed.BETTER_AUTH_SECRET,
    baseUrl,
    basePath: parsed.BETTER_AUTH_BASE_PATH ?? '/api/auth',
    invitePath: parsed.BETTER_AUTH_INVITE_PATH ?? '/accept-invitation/',
    resetPasswordUrl: parsed.BETTER_AUTH_RESET_PASSWORD_URL ?? `${baseUrl}/reset-password`,
    organizationId: parsed.BETTER_AUTH_ORGANIZATION_ID,
    invitationExpiresInSeconds: parsed.BETTER_AUTH_INVITATION_EXPIRES_IN ?? 172_800,
    inviterId: parsed.BETTER_AUTH_INVITER_ID,
    ssoProviderIds: (parsed.BETTER_AUTH_SSO_PROVIDER_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    listCap: 2_000,
  };
}

/**
 * better-auth with its organization plugin (`IDENTITY=better-auth`): the server opens better-auth
 * itself on the team app's own PostgreSQL database. See docs/identity/better-auth.md.
 */
export const betterAuthIdentity: IdentityProvider<BetterAuthConfig> = {
  id: 'better-auth',
  name: 'better-auth',
  settings: [
    'BETTER_AUTH_DATABASE_URL',
    'BETTER_AUTH_SECRET',
    'BETTER_AUTH_URL',
    'BETTER_AUTH_ORGANIZATION_ID',
    'BETTER_AUTH_BASE_PATH',
    'BETTER_AUTH_INVITE_PATH',
    'BETTER_AUTH_RESET_PASSWORD_URL',
    'BETTER_AUTH_INVITATION_EXPIRES_IN',
    'BETTER_AUTH_INVITER_ID',
    'BETTER_AUTH_SSO_PROVIDER_IDS',
  ],
  readConfig: readBetterAuthConfig,
  async create(config, context) {
    // Loaded here so a server on another identity system never imports better-auth or pg.
    const [{ default: pg }, { Kysely, PostgresDialect }, { createBetterAuthSource }] = await Promise.all([
      import('pg'),
      import('kysely'),
      import('./createBetterAuthSource.ts'),
    ]);
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl, max: 4 }) }) });
    return createBetterAuthSource({ db, config, context });
  },
};

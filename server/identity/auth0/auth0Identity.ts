import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

export interface Auth0Config {
  /** The tenant's domain (`tenant.eu.auth0.com` or a custom domain), a bare host name. */
  domain: string;
  /** A machine-to-machine application allowed to call the Management API. */
  clientId: string;
  /** Its secret. */
  clientSecret: string;
  /** The organisation whose invitations the server manages; `null` for a tenant without Organizations (lookup, links and resets only). */
  organizationId: string | null;
  /** The application invitations and reset mails are for (where the invitee logs in). @default clientId */
  invitationClientId: string;
  /** The database connection invitees join and tickets are made for, e.g. `con_…`; `null` to let Auth0 choose. */
  connectionId: string | null;
  /** The name shown as the inviter in Auth0's invitation mail. @default "Invite Doctor" */
  inviterName: string;
  /** Invitations per Management API page (Auth0 allows up to 100; tests use a small one). @default 100 */
  pageSize?: number;
}

const schema = z.object({
  AUTH0_DOMAIN: z.string({ message: 'required: the tenant domain, e.g. tenant.eu.auth0.com' }).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a bare host name such as tenant.eu.auth0.com (no https://, no path)'),
  AUTH0_CLIENT_ID: z.string({ message: 'required: the client id of a machine-to-machine application' }).min(8, 'an Auth0 client id'),
  AUTH0_CLIENT_SECRET: z.string({ message: 'required: the secret of that application' }).min(16, 'an Auth0 client secret'),
  AUTH0_ORGANIZATION_ID: z.string().regex(/^org_[A-Za-z0-9]+$/, 'an organisation id (org_…)').nullable(),
  AUTH0_INVITATION_CLIENT_ID: z.string().min(8, 'an Auth0 client id').nullable(),
  AUTH0_CONNECTION_ID: z.string().regex(/^con_[A-Za-z0-9]+$/, 'a connection id (con_…)').nullable(),
  AUTH0_INVITER_NAME: z.string().max(100, 'at most 100 characters').nullable(),
});

/** Auth0 through `auth0` v7: Organization invitations (when an organisation is set), users, tickets and tenant logs. Auth0 sends the mail. */
export const auth0Identity: IdentityProvider<Auth0Config> = {
  id: 'auth0',
  name: 'Auth0',
  settings: ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET', 'AUTH0_ORGANIZATION_ID', 'AUTH0_INVITATION_CLIENT_ID', 'AUTH0_CONNECTION_ID', 'AUTH0_INVITER_NAME'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return {
      domain: parsed.AUTH0_DOMAIN.toLowerCase(),
      clientId: parsed.AUTH0_CLIENT_ID,
      clientSecret: parsed.AUTH0_CLIENT_SECRET,
      organizationId: parsed.AUTH0_ORGANIZATION_ID,
      invitationClientId: parsed.AUTH0_INVITATION_CLIENT_ID ?? parsed.AUTH0_CLIENT_ID,
      connectionId: parsed.AUTH0_CONNECTION_ID,
      inviterName: parsed.AUTH0_INVITER_NAME ?? 'Invite Doctor',
    };
  },
  async create(config, context) {
    const { createAuth0Source } = await import('./createAuth0Source.ts');
    return createAuth0Source(config, context);
  },
};

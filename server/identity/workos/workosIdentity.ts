import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';
import { createWorkosSource } from './createWorkosSource.ts';

export interface WorkosConfig {
  /** The environment's API key (`sk_…`). A secret: never logged. */
  apiKey: string;
  /** The organisation every lookup, listing and invitation is scoped to, and the users' team; `null` for the whole environment. */
  organizationId: string | null;
  /** The API host, `host` or `host:port`; `null` for WorkOS's own. Loopback hosts are spoken to over plain HTTP (a local fake or proxy). */
  apiHostname: string | null;
  /** Rows per page when walking WorkOS lists (1–100). Not an environment setting; tests lower it. @default 100 */
  pageSize?: number;
  /** The most rows of each kind one listing reads before it refuses as incomplete. @default 10000 */
  listCap?: number;
}

const schema = z.object({
  WORKOS_API_KEY: z.string({ message: 'required: the API key of your WorkOS environment (Dashboard → API Keys)' }),
  WORKOS_ORGANIZATION_ID: z.string().regex(/^org_[A-Za-z0-9]+$/, 'a WorkOS organization id (org_…)').nullable(),
  WORKOS_API_HOSTNAME: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host name, optionally with :port (no scheme, no path)')
    .nullable(),
});

/**
 * WorkOS AuthKit (User Management) through `@workos-inc/node`: invitations (send, list, get,
 * revoke, resend) and users, optionally scoped to one organisation. WorkOS sends the invitation
 * mail itself and resends it natively.
 */
export const workosIdentity: IdentityProvider<WorkosConfig> = {
  id: 'workos',
  name: 'WorkOS',
  settings: ['WORKOS_API_KEY', 'WORKOS_ORGANIZATION_ID', 'WORKOS_API_HOSTNAME'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return { apiKey: parsed.WORKOS_API_KEY, organizationId: parsed.WORKOS_ORGANIZATION_ID, apiHostname: parsed.WORKOS_API_HOSTNAME };
  },
  create: (config, context) => createWorkosSource(config, context),
};

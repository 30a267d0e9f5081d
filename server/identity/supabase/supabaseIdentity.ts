import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

export interface SupabaseConfig {
  /** The project URL, e.g. `https://abcd.supabase.co`. */
  url: string;
  /** The service-role key: full admin rights over the project's users. A secret. */
  serviceRoleKey: string;
  /** Where invite and reset links land after Supabase verifies them (must be in the project's redirect allow-list); `null` for the project's Site URL. */
  redirectUrl: string | null;
  /**
   * How long an invite link lives: the project's "Email OTP Expiration", which the Admin API does
   * not expose. @default 1 hour (the hosted default and the CLI's `otp_expiry = 3600`)
   */
  inviteExpiryMs: number;
  /** Users per Admin API page while scanning for an address (tests use a small one). @default 1000 */
  pageSize?: number;
}

const schema = z.object({
  SUPABASE_URL: z.url({ protocol: /^https?$/, message: 'required: the project URL (https://<ref>.supabase.co)' }),
  SUPABASE_SERVICE_ROLE_KEY: z.string({ message: 'required: the project service-role key' }).min(20, 'a Supabase service-role key'),
  SUPABASE_INVITE_REDIRECT_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).nullable(),
  SUPABASE_INVITE_EXPIRY_HOURS: z.coerce.number({ message: 'a number of hours' }).positive('a positive number of hours').max(24 * 30, 'at most 720 hours').nullable(),
});

/** Supabase Auth (GoTrue) through `@supabase/supabase-js`: users, invite and recovery mails sent by Supabase, no invitation object. */
export const supabaseIdentity: IdentityProvider<SupabaseConfig> = {
  id: 'supabase',
  name: 'Supabase',
  settings: ['SUPABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_INVITE_REDIRECT_URL', 'SUPABASE_INVITE_EXPIRY_HOURS'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return {
      url: parsed.SUPABASE_URL.replace(/\/+$/, ''),
      serviceRoleKey: parsed.SUPABASE_SERVICE_ROLE_KEY,
      redirectUrl: parsed.SUPABASE_INVITE_REDIRECT_URL,
      inviteExpiryMs: Math.round((parsed.SUPABASE_INVITE_EXPIRY_HOURS ?? 1) * 3_600_000),
    };
  },
  async create(config, context) {
    const { createSupabaseSource } = await import('./createSupabaseSource.ts');
    return createSupabaseSource(config, context);
  },
};

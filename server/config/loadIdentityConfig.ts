import { z } from 'zod';
import { deliveryProviderIds, deliveryProviders, type DeliveryProviderId } from '../delivery/deliveryProviders.ts';
import type { DeliveryProvider } from '../delivery/DeliverySource.ts';
import { identityProviderIds, identityProviders, type IdentityProviderId } from '../identity/identityProviders.ts';
import type { IdentityProvider } from '../identity/IdentitySource.ts';
import { ConfigError } from './loadConfig.ts';
import { parseEnvironment } from './parseEnvironment.ts';

/** A provider chosen by the environment, with its settings already read and checked. */
export interface ChosenProvider<Provider> {
  provider: Provider;
  config: unknown;
}

/**
 * Where users and delivery evidence live. `identity: null` is the server's own tables (the demo, a
 * self-hosted product); `delivery: null` means only the server's own evidence (SMTP replies,
 * bounces, webhooks), which is always read as well.
 */
export interface IdentityConfig {
  identity: ChosenProvider<IdentityProvider<unknown>> | null;
  delivery: ChosenProvider<DeliveryProvider<unknown>> | null;
  /** The team of users whose provider has no organisation for them. @default 'default' */
  defaultTeam: string;
  /** How long one provider call may take. @default 10 s */
  timeoutMs: number;
}

const own = 'invite-doctor';
const schema = z.object({
  IDENTITY: z.enum([own, ...identityProviderIds] as [string, ...string[]], { message: `must be one of ${[own, ...identityProviderIds].join(', ')}` }).nullable(),
  DELIVERY: z.enum([own, ...deliveryProviderIds] as [string, ...string[]], { message: `must be one of ${[own, ...deliveryProviderIds].join(', ')}` }).nullable(),
  IDENTITY_TEAM: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1–100 letters, digits, _ or -').nullable(),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).nullable(),
});

/**
 * Reads `IDENTITY` (`clerk`, `auth0`, `supabase`, `workos`, `firebase`, `cognito`, `better-auth`;
 * unset for the server's own tables), `DELIVERY` (`postmark`, `sendgrid`, `mailgun`, `ses`; unset
 * for the server's own evidence only), `IDENTITY_TEAM` and `PROVIDER_TIMEOUT_MS`, then the chosen
 * providers' own settings (`CLERK_SECRET_KEY`, …). Only the chosen providers' code is loaded.
 * Throws a {@link ConfigError} naming the setting, never its value.
 */
export async function loadIdentityConfig(env: NodeJS.ProcessEnv): Promise<IdentityConfig> {
  const value = parseEnvironment(schema, env);
  const identity = value.IDENTITY && value.IDENTITY !== own ? await choose(await identityProviders[value.IDENTITY as IdentityProviderId](), env) : null;
  const delivery = value.DELIVERY && value.DELIVERY !== own ? await choose(await deliveryProviders[value.DELIVERY as DeliveryProviderId](), env) : null;
  return { identity, delivery, defaultTeam: value.IDENTITY_TEAM ?? 'default', timeoutMs: value.PROVIDER_TIMEOUT_MS ?? 10_000 };
}

async function choose<Provider extends { readConfig(env: NodeJS.ProcessEnv): unknown; name: string }>(provider: Provider, env: NodeJS.ProcessEnv): Promise<ChosenProvider<Provider>> {
  try {
    return { provider, config: provider.readConfig(env) };
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${provider.name}: ${error.message}`);
    throw error;
  }
}

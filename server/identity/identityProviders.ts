import type { IdentityProvider } from './IdentitySource.ts';

/**
 * Every identity system `IDENTITY=<id>` can name, each loaded only when chosen, so a server on
 * its own tables never imports a provider SDK (and a bundle never could: nothing in src/ imports
 * server/).
 */
export const identityProviders = {
  clerk: async () => (await import('./clerk/clerkIdentity.ts')).clerkIdentity,
  auth0: async () => (await import('./auth0/auth0Identity.ts')).auth0Identity,
  supabase: async () => (await import('./supabase/supabaseIdentity.ts')).supabaseIdentity,
  workos: async () => (await import('./workos/workosIdentity.ts')).workosIdentity,
  firebase: async () => (await import('./firebase/firebaseIdentity.ts')).firebaseIdentity,
  cognito: async () => (await import('./cognito/cognitoIdentity.ts')).cognitoIdentity,
  'better-auth': async () => (await import('./betterAuth/betterAuthIdentity.ts')).betterAuthIdentity,
} satisfies Record<string, () => Promise<IdentityProvider<unknown>>>;

export type IdentityProviderId = keyof typeof identityProviders;

export const identityProviderIds = Object.keys(identityProviders) as IdentityProviderId[];

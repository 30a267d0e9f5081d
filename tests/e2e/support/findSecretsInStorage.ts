import { maskSecrets } from '../../../src/engine/maskSecrets.ts';

/** One localStorage entry of one origin, as Playwright's `storageState()` reports it. */
export interface StorageEntry {
  origin: string;
  name: string;
  value: string;
}

/** A secret found in localStorage: where, what kind, and the value masked (never the secret itself). */
export interface StorageFinding {
  origin: string;
  name: string;
  kind: 'api-key' | 'api-key-entry' | 'invite-link' | 'sign-in-code' | 'known-secret' | 'unmasked';
  excerpt: string;
}

/** The app's own localStorage keys start with this; their values must be what `maskSecrets` leaves alone. */
export const appKeyPrefix = 'invite-doctor:';

/** The one place an API key may be kept, and that in sessionStorage: never in localStorage. */
export const apiKeyEntryName = 'invite-doctor.api-key';

// Server API keys (server/auth/apiKeys.ts: `idk_` + base64url).
const apiKey = /idk_[A-Za-z0-9_-]*/;
// Invite links of the memory backend (`https://app.example.com/invite/<32 base64url>`,
// src/adapters/memory/createInviteToken.ts) and of the server (`<publicUrl>/invite/<HMAC base64url>`,
// server/service/createInviteLinks.ts): the token is the path segment after `/invite/`.
const inviteLink = /\/invite\/(?!•)[A-Za-z0-9_-]{16,}/;
// A sign-in link's one-time code (`/sign-in#code=<base64url>`, server/auth/signInCodes.ts), or the
// code as a field of its own.
const signInCode = /[#?&]code=(?!•)[A-Za-z0-9_-]{8,}|"(?:code|signInCode)"\s*:\s*"[A-Za-z0-9_-]{16,}"/;

/**
 * Every secret in the given localStorage entries: an API key anywhere, an invite link with its
 * token, a sign-in code, any of the `knownSecrets` (codes and keys a test saw), an entry named
 * like the API key's sessionStorage slot, and, under the app's own `invite-doctor:` keys, any value
 * that `maskSecrets` would change (a link, a token, a password that was saved without masking).
 */
export function findSecretsInStorage(entries: readonly StorageEntry[], knownSecrets: Iterable<string> = []): StorageFinding[] {
  const secrets = [...knownSecrets].filter((secret) => secret.length >= 8);
  const findings: StorageFinding[] = [];
  for (const { origin, name, value } of entries) {
    const found = (kind: StorageFinding['kind']) => findings.push({ origin, name, kind, excerpt: excerptOf(value, secrets) });
    if (name === apiKeyEntryName) found('api-key-entry');
    else if (apiKey.test(value)) found('api-key');
    else if (inviteLink.test(value)) found('invite-link');
    else if (signInCode.test(value)) found('sign-in-code');
    else if (secrets.some((secret) => value.includes(secret))) found('known-secret');
    else if (name.startsWith(appKeyPrefix) && maskSecrets(value) !== value) found('unmasked');
  }
  return findings;
}

/** A readable, masked piece of the value: enough to find the field, never the secret. */
function excerptOf(value: string, secrets: readonly string[]): string {
  const masked = secrets.reduce((text, secret) => text.replaceAll(secret, '•••'), maskSecrets(value)).replace(/idk_[A-Za-z0-9_-]*/g, 'idk_•••');
  return masked.length > 160 ? `${masked.slice(0, 160)}…` : masked;
}

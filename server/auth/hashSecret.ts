import { createHash, randomBytes } from 'node:crypto';

/**
 * The stored form of a high-entropy secret (API key, sign-in code, invite token): its SHA-256.
 * A slow password hash buys nothing for 256 random bits, and a plain digest lets the lookup be
 * an indexed equality instead of a scan.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** `bytes` random bytes as base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

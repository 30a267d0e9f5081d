import { normalizeAddress } from '../../diagnostics/normalizeAddress.ts';

/**
 * The spelling the memory backend stores and compares an address in: `normalizeAddress`'s form
 * (NFC, lower case, ASCII domain), or for input it refuses, the trimmed lower-cased text, which
 * can never equal a stored valid address.
 */
export function addressKey(email: string): string {
  const normalized = normalizeAddress(email);
  return normalized.ok ? normalized.address : email.trim().toLowerCase();
}

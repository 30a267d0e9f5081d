import { normalizeAddress } from '../../diagnostics/normalizeAddress.ts';

/**
 * The spelling the memory backend stores and compares an address in: `normalizeAddress`'s form
 * (NFC, lower case, ASCII domain), or for input it refuses, the trimmed lower-cased text, which
 * can never equal a stored valid address.
 */
export function addressKey(email: string): string {
  const trimmed = email.trim();
  // Printable ASCII without spaces comes out of normalizeAddress lower-cased and otherwise as it
  // went in, and so does what it refuses; only the rest needs the full check, which also looks for
  // domain typos and costs a millisecond (a seed of 10,000 people reads 50,000 addresses).
  if (/^[\x21-\x7e]*$/.test(trimmed)) return trimmed.toLowerCase();
  const normalized = normalizeAddress(email);
  return normalized.ok ? normalized.address : trimmed.toLowerCase();
}

import { normalizeAddress } from '../../src/diagnostics/index.ts';

/**
 * An address from a request, normalised with the same diagnostics the app uses (NFC, lower case,
 * IDNA domain), or the problem in words for a 400. One mailbox, one spelling, so nobody is
 * invited twice as `bücher` and `xn--bcher-kva`.
 */
export function parseAddress(input: string): { ok: true; address: string } | { ok: false; message: string } {
  const result = normalizeAddress(input);
  return result.ok ? { ok: true, address: result.address } : { ok: false, message: result.message };
}

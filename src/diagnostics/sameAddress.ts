import { toAsciiDomain } from './toAsciiDomain.ts';

/**
 * True when two typed addresses name the same mailbox for the wizard's purposes: surrounding
 * whitespace and letter case are ignored, and an internationalised domain equals its punycode
 * form. Empty input never matches anything.
 */
export function sameAddress(a: string, b: string): boolean {
  const left = comparableAddress(a);
  const right = comparableAddress(b);
  return left !== null && left === right;
}

function comparableAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim().toLowerCase();
  if (address === '') return null;
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  return `${address.slice(0, at)}@${toAsciiDomain(domain) ?? domain}`;
}

import { suggestDomain } from './suggestDomain.ts';
import { toAsciiDomain } from './toAsciiDomain.ts';

/** Something wrong with a typed email address, as a stable key the UI translates. */
export type AddressProblem =
  | 'empty'
  | 'missing-at'
  | 'multiple-at'
  | 'local-part-empty'
  | 'local-part-too-long'
  | 'domain-empty'
  | 'domain-too-long'
  | 'address-too-long'
  | 'leading-or-trailing-dot'
  | 'consecutive-dots'
  | 'invalid-character'
  | 'domain-without-dot'
  | 'invalid-domain-label'
  | 'whitespace'
  /** A C0/C1 control character or DEL inside the address (reported by `normalizeAddress` only). */
  | 'control-character'
  /** An invisible format character (Unicode Cf: zero-width space, BOM, bidi mark…) (reported by `normalizeAddress` only). */
  | 'invisible-character';

/** The verdict on one typed email address. */
export interface AddressCheck {
  /** The text exactly as it was given. */
  input: string;
  /** True when no problem was found. */
  valid: boolean;
  /** The local part as typed + `@` + the lower-cased, NFKC-folded domain (readable, not punycode); null when invalid. */
  normalized: string | null;
  /** Every problem found, in a stable order; empty when valid. */
  problems: AddressProblem[];
  /** The whole address with a corrected domain when the domain looks like a typo, else null. */
  suggestion: string | null;
}

const maxLocalPartOctets = 64;
const maxDomainOctets = 253;
const maxAddressOctets = 254;
const maxLabelOctets = 63;

/**
 * Checks a typed email address the way a careful admin would before re-inviting someone:
 * syntax and length limits (RFC 5321/5322, internationalised domains checked in their punycode
 * form), and a suggestion when the domain looks like a typo of a well-known one.
 * Surrounding whitespace is ignored; plus-addressing (`a+tag@x.com`) is kept as typed.
 */
export function checkAddress(input: string): AddressCheck {
  const raw = typeof input === 'string' ? input : '';
  const address = raw.trim();
  if (address === '') return { input: raw, valid: false, normalized: null, problems: ['empty'], suggestion: null };

  const problems = new Set<AddressProblem>();
  if (/\s/u.test(address)) problems.add('whitespace');
  const parts = address.split('@');
  if (parts.length !== 2) {
    problems.add(parts.length < 2 ? 'missing-at' : 'multiple-at');
    return { input: raw, valid: false, normalized: null, problems: [...problems], suggestion: null };
  }

  const [localPart = '', typedDomain = ''] = parts;
  // NFKC folds full-width and compatibility forms (ｅｘａｍｐｌｅ.com) as IDNA would.
  const domain = typedDomain.normalize('NFKC').toLowerCase();
  checkLocalPart(localPart, problems);
  const asciiDomain = checkDomain(domain, problems);
  if (octets(localPart) + 1 + octets(asciiDomain ?? domain) > maxAddressOctets) problems.add('address-too-long');

  const suggestedDomain = domain === '' ? null : suggestDomain(asciiDomain ?? domain);
  const valid = problems.size === 0;
  return {
    input: raw,
    valid,
    normalized: valid ? `${localPart}@${domain}` : null,
    problems: [...problems],
    suggestion: suggestedDomain === null ? null : `${localPart}@${suggestedDomain}`,
  };
}

function checkLocalPart(localPart: string, problems: Set<AddressProblem>): void {
  if (localPart === '') {
    problems.add('local-part-empty');
    return;
  }
  if (octets(localPart) > maxLocalPartOctets) problems.add('local-part-too-long');
  if (localPart.startsWith('.') || localPart.endsWith('.')) problems.add('leading-or-trailing-dot');
  if (localPart.includes('..')) problems.add('consecutive-dots');
  // RFC 5322 atext plus any letter, mark or digit of another script (RFC 6531 addresses);
  // whitespace is already reported as its own problem.
  if (/[^\sA-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\p{L}\p{M}\p{N}]/u.test(localPart)) problems.add('invalid-character');
}

/** Adds the domain's problems and returns its ASCII form when it could be computed. */
function checkDomain(domain: string, problems: Set<AddressProblem>): string | null {
  if (domain === '') {
    problems.add('domain-empty');
    return null;
  }
  if (domain.startsWith('.') || domain.endsWith('.')) problems.add('leading-or-trailing-dot');
  if (domain.includes('..')) problems.add('consecutive-dots');
  if (/[^\sa-z0-9.\-\p{L}\p{M}\p{N}]/u.test(domain)) {
    problems.add('invalid-character');
    return null;
  }
  if (/\s/u.test(domain)) return null;

  const asciiDomain = toAsciiDomain(domain);
  if (asciiDomain === null) {
    problems.add('invalid-domain-label');
    return null;
  }
  if (octets(asciiDomain) > maxDomainOctets) problems.add('domain-too-long');
  const labels = asciiDomain.split('.');
  if (labels.length < 2) problems.add('domain-without-dot');
  const topLevel = labels[labels.length - 1] ?? '';
  if (labels.some(isBadLabel) || /^[0-9]+$/.test(topLevel)) problems.add('invalid-domain-label');
  return asciiDomain;
}

function isBadLabel(label: string): boolean {
  return label.length > maxLabelOctets || label.startsWith('-') || label.endsWith('-');
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

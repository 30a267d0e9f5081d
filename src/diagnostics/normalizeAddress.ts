import { checkAddress, type AddressProblem } from './checkAddress.ts';
import { toAsciiDomain } from './toAsciiDomain.ts';

/** The one stored spelling of an address, or the first reason there is none. */
export type NormalizedAddress = { ok: true; address: string } | { ok: false; problem: AddressProblem; message: string };

/**
 * The canonical form of an email address, for storing and comparing it (a server's unique key,
 * a lookup): surrounding whitespace trimmed, Unicode NFC, lower case, and the domain in its ASCII
 * (IDNA/punycode) form, so `Bücher.example`, `xn--bcher-kva.example` and the NFD spelling are one
 * address. Refuses control characters and invisible format characters (zero-width space, BOM,
 * bidi marks: Unicode Cc and Cf) rather than dropping them, and anything `checkAddress` finds
 * wrong (exactly one `@`, non-empty parts, 64 octets before the `@`, 254 in all, valid domain
 * labels). `message` is plain English, fit for an API's 400 answer. Never throws; normalising
 * the result again returns it unchanged.
 */
export function normalizeAddress(input: string): NormalizedAddress {
  const trimmed = typeof input === 'string' ? input.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '') : '';
  const hidden = findHiddenCharacter(trimmed);
  if (hidden) return hidden;
  // Lower-casing can, in rare cases, leave a sequence that NFC would compose, hence NFC twice.
  const folded = trimmed.normalize('NFC').toLowerCase().normalize('NFC');
  const at = folded.indexOf('@');
  const localPart = at < 0 ? folded : folded.slice(0, at);
  // NFKC as IDNA does: full-width letters and dots (ｅｘａｍｐｌｅ．com) become plain ones.
  const domain = at < 0 ? '' : folded.slice(at + 1).normalize('NFKC').toLowerCase();
  const candidate = at < 0 ? folded : `${localPart}@${domain}`;
  const check = checkAddress(candidate);
  const asciiDomain = check.valid ? toAsciiDomain(domain) : null;
  if (asciiDomain === null) {
    const problem = check.problems[0] ?? 'invalid-domain-label';
    return { ok: false, problem, message: problemMessages[problem] };
  }
  return { ok: true, address: `${localPart}@${asciiDomain}` };
}

const problemMessages: Record<AddressProblem, string> = {
  empty: 'The address is empty.',
  'missing-at': 'The address has no @; it needs exactly one, between the name and the domain.',
  'multiple-at': 'The address has more than one @; it needs exactly one.',
  'local-part-empty': 'The address has nothing before the @.',
  'local-part-too-long': 'The part before the @ is longer than 64 octets.',
  'domain-empty': 'The address has no domain after the @.',
  'domain-too-long': 'The domain is longer than 253 octets in its ASCII form.',
  'address-too-long': 'The address is longer than 254 octets once normalised.',
  'leading-or-trailing-dot': 'The address has a dot at the start or end of the name or the domain.',
  'consecutive-dots': 'The address has two dots in a row.',
  'invalid-character': 'The address contains a character that is not allowed in an email address.',
  'domain-without-dot': 'The domain has no dot (for example example.com).',
  'invalid-domain-label': 'The domain has a part that is not a valid domain label.',
  whitespace: 'The address contains a space.',
  'control-character': 'The address contains a control character.',
  'invisible-character': 'The address contains an invisible character.',
};

const characterNames: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'BYTE ORDER MARK',
};

/** The first control or format character, named by code point (`U+200B ZERO WIDTH SPACE`). */
function findHiddenCharacter(text: string): NormalizedAddress | null {
  const match = /[\p{Cc}\p{Cf}]/u.exec(text);
  if (!match) return null;
  const codePoint = match[0].codePointAt(0) ?? 0;
  const name = characterNames[codePoint];
  const label = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}`;
  const where = `at position ${[...text.slice(0, match.index)].length + 1}`;
  if (/\p{Cc}/u.test(match[0])) {
    return { ok: false, problem: 'control-character', message: `The address contains a control character (${label}) ${where}; retype the address instead of pasting it.` };
  }
  return { ok: false, problem: 'invisible-character', message: `The address contains an invisible character (${label}) ${where}; retype the address instead of pasting it.` };
}

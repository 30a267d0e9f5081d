// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAddress, type AddressProblem } from '../../../src/diagnostics/index.ts';

const addressOf = (input: string) => {
  const result = normalizeAddress(input);
  if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
  return result.address;
};

describe('normalizeAddress', () => {
  it('trims surrounding whitespace and lower-cases the whole address', () => {
    expect(normalizeAddress('  Ana.INVITED@Example.com \t')).toEqual({ ok: true, address: 'ana.invited@example.com' });
  });

  it('stores an internationalised domain in its ASCII form, so both spellings are one address', () => {
    expect(addressOf('user@bücher.example')).toBe('user@xn--bcher-kva.example');
    expect(addressOf('user@xn--bcher-kva.example')).toBe('user@xn--bcher-kva.example');
    expect(addressOf('USER@BÜCHER.EXAMPLE')).toBe('user@xn--bcher-kva.example');
  });

  it('makes the NFD and NFC spellings of one address equal', () => {
    const nfc = 'zoë@bücher.example'.normalize('NFC');
    const nfd = 'zoë@bücher.example'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(addressOf(nfd)).toBe(addressOf(nfc));
    expect(addressOf(nfd)).toBe('zoë@xn--bcher-kva.example'.normalize('NFC'));
  });

  it('folds full-width characters in the domain as IDNA does', () => {
    expect(addressOf('a@ｅｘａｍｐｌｅ．com')).toBe('a@example.com');
  });

  it('keeps plus-addressing and a non-Latin local part', () => {
    expect(addressOf('A+Invites@x.com')).toBe('a+invites@x.com');
    expect(addressOf('用户@例子.中国')).toBe(`用户@${new URL('http://例子.中国').hostname}`);
  });

  it.each([
    ['zero-width space', 'ana\u200b@example.com', 'U+200B ZERO WIDTH SPACE'],
    ['zero-width joiner', 'ana@exa\u200dmple.com', 'U+200D ZERO WIDTH JOINER'],
    ['zero-width non-joiner', 'an\u200ca@example.com', 'U+200C ZERO WIDTH NON-JOINER'],
    ['byte order mark at the start', '\ufeffana@example.com', 'U+FEFF BYTE ORDER MARK'],
    ['right-to-left mark', 'ana@example.com\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
    ['right-to-left override', '\u202eana@example.com', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['soft hyphen', 'an\u00ada@example.com', 'U+00AD SOFT HYPHEN'],
  ])('refuses an invisible character: %s', (_, input, named) => {
    const result = normalizeAddress(input);
    expect(result).toMatchObject({ ok: false, problem: 'invisible-character' });
    if (!result.ok) expect(result.message).toContain(`The address contains an invisible character (${named})`);
  });

  it.each([
    ['NUL', 'ana\u0000@example.com', 'U+0000'],
    ['a tab inside', 'ana\t@example.com', 'U+0009'],
    ['DEL', 'ana\u007f@example.com', 'U+007F'],
    ['a C1 control', 'ana\u0085x@example.com', 'U+0085'],
  ])('refuses a control character: %s', (_, input, named) => {
    const result = normalizeAddress(input);
    expect(result).toMatchObject({ ok: false, problem: 'control-character' });
    if (!result.ok) expect(result.message).toContain(`control character (${named})`);
  });

  const refusals: [string, string, AddressProblem][] = [
    ['empty input', '  ', 'empty'],
    ['no @', 'ana.example.com', 'missing-at'],
    ['two @', 'ana@b@example.com', 'multiple-at'],
    ['nothing before the @', '@example.com', 'local-part-empty'],
    ['nothing after the @', 'ana@', 'domain-empty'],
    ['a space inside', 'ana maria@example.com', 'whitespace'],
    ['a 65-octet local part', `${'a'.repeat(65)}@example.com`, 'local-part-too-long'],
    ['a 255-octet address', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`, 'address-too-long'],
    ['a domain label that cannot be made ASCII', `a@ä${'b'.repeat(60)}.de`, 'invalid-domain-label'],
  ];
  it.each(refusals)('refuses %s with a plain-English message', (_, input, problem) => {
    const result = normalizeAddress(input);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message).toMatch(/^The [a-z]/);
  });

  it('accepts exactly 254 octets and 64 before the @', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(longest).toHaveLength(254);
    expect(addressOf(longest)).toBe(longest);
  });

  it('measures the length after normalisation, on the ASCII domain', () => {
    // 61 characters typed, a 68-character punycode label: too long once converted.
    expect(normalizeAddress(`a@ä${'b'.repeat(60)}.de`).ok).toBe(false);
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom('a', 'A', '@', '.', '-', '+', ' ', 'ü', 'Ü', 'u\u0308', 'ß', 'İ', 'Σ', '日', 'ｅ', '．', 'x', 'n', '\u200b', '\u0000'), maxLength: 40 }),
    fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom('com', 'example', 'de'))
      .map(([local, label, tld]) => `${local}@${label}.${tld}`),
  );

  it('never throws, and normalising twice equals normalising once', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const once = normalizeAddress(input);
        if (!once.ok) {
          expect(once.message.length).toBeGreaterThan(0);
          return;
        }
        expect(normalizeAddress(once.address)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });
});

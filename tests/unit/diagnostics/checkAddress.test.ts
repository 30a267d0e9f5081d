// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkAddress, type AddressProblem } from '../../../src/diagnostics/index.ts';

describe('checkAddress', () => {
  it('accepts an ordinary address and normalises only the domain case', () => {
    expect(checkAddress('Jane.Doe@Example.COM')).toEqual({
      input: 'Jane.Doe@Example.COM',
      valid: true,
      normalized: 'Jane.Doe@example.com',
      problems: [],
      suggestion: null,
    });
  });

  it('ignores surrounding whitespace but keeps the input as typed', () => {
    const check = checkAddress('  sam@example.org\t');
    expect(check.input).toBe('  sam@example.org\t');
    expect(check.valid).toBe(true);
    expect(check.normalized).toBe('sam@example.org');
  });

  it('keeps plus-addressing intact', () => {
    expect(checkAddress('a+invites@x.com').normalized).toBe('a+invites@x.com');
  });

  it('accepts an internationalised domain and keeps it readable', () => {
    const check = checkAddress('user@Bücher.de');
    expect(check.valid).toBe(true);
    expect(check.normalized).toBe('user@bücher.de');
  });

  it('accepts a domain typed in punycode and a non-Latin local part', () => {
    expect(checkAddress('user@xn--bcher-kva.de').valid).toBe(true);
    expect(checkAddress('用户@例子.中国').valid).toBe(true);
  });

  it('folds full-width characters in the domain', () => {
    expect(checkAddress('a@ｅｘａｍｐｌｅ.com').normalized).toBe('a@example.com');
  });

  it('measures the domain limit on the punycode form', () => {
    const label = `ä${'b'.repeat(60)}`; // 61 characters, a 68-character punycode label
    expect(checkAddress(`a@${label}.de`).problems).toEqual(['invalid-domain-label']);
  });

  const cases: [string, string, AddressProblem[]][] = [
    ['empty input', '   ', ['empty']],
    ['no @', 'jane.example.com', ['missing-at']],
    ['two @', 'jane@doe@example.com', ['multiple-at']],
    ['nothing before @', '@example.com', ['local-part-empty']],
    ['a 65-octet local part', `${'a'.repeat(65)}@example.com`, ['local-part-too-long']],
    ['nothing after @', 'jane@', ['domain-empty']],
    ['a 254-octet domain', `a@${'abcdefghi.'.repeat(25)}abcd`, ['domain-too-long', 'address-too-long']],
    ['a 255-octet address', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`, ['address-too-long']],
    ['a leading dot in the local part', '.jane@example.com', ['leading-or-trailing-dot']],
    ['a trailing dot in the local part', 'jane.@example.com', ['leading-or-trailing-dot']],
    ['a trailing dot after the domain', 'jane@example.com.', ['leading-or-trailing-dot']],
    ['two dots in a row in the local part', 'jane..doe@example.com', ['consecutive-dots']],
    ['two dots in a row in the domain', 'jane@example..com', ['consecutive-dots']],
    ['a comma in the local part', 'jane,doe@example.com', ['invalid-character']],
    ['an underscore in the domain', 'jane@ex_ample.com', ['invalid-character']],
    ['a NUL byte', 'ja\u0000ne@example.com', ['invalid-character']],
    ['a domain without a dot', 'jane@localhost', ['domain-without-dot']],
    ['a label starting with a hyphen', 'jane@-example.com', ['invalid-domain-label']],
    ['a label ending with a hyphen', 'jane@example-.com', ['invalid-domain-label']],
    ['a 64-character label', `jane@${'a'.repeat(64)}.com`, ['invalid-domain-label']],
    ['a numeric top-level domain', 'jane@192.168.0.1', ['invalid-domain-label']],
    ['a space inside', 'jane doe@example.com', ['whitespace']],
  ];
  it.each(cases)('reports %s', (_name, input, problems) => {
    const check = checkAddress(input);
    expect(check.problems).toEqual(problems);
    expect(check.valid).toBe(false);
    expect(check.normalized).toBeNull();
  });

  it('suggests the whole corrected address when the domain is a typo', () => {
    const check = checkAddress('Jane+x@GMIAL.com');
    expect(check.valid).toBe(true);
    expect(check.suggestion).toBe('Jane+x@gmail.com');
  });

  it('suggests a correction even when the typo also breaks the syntax', () => {
    expect(checkAddress('jane@gmail..com').suggestion).toBe('jane@gmail.com');
    expect(checkAddress('jane@gmailcom').suggestion).toBe('jane@gmail.com');
  });

  it('suggests nothing for a correct address', () => {
    expect(checkAddress('jane@live.se').suggestion).toBeNull();
  });
});

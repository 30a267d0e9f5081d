// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sameAddress } from '../../../src/diagnostics/index.ts';

describe('sameAddress', () => {
  it('treats addresses that differ only in case and surrounding space as the same', () => {
    expect(sameAddress(' Jane.Doe@Example.com', 'jane.doe@EXAMPLE.COM ')).toBe(true);
  });

  it('treats an internationalised domain and its punycode form as the same', () => {
    expect(sameAddress('user@bücher.de', 'USER@xn--bcher-kva.de')).toBe(true);
  });

  it('tells different mailboxes apart, including plus tags', () => {
    expect(sameAddress('jane@example.com', 'jane+x@example.com')).toBe(false);
    expect(sameAddress('jane@example.com', 'jane@example.org')).toBe(false);
  });

  it('never matches empty input', () => {
    expect(sameAddress('', '')).toBe(false);
    expect(sameAddress('  ', 'a@b.c')).toBe(false);
  });
});

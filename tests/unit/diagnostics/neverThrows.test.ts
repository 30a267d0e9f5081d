// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAddress,
  classifyDeliveryError,
  deliveryActions,
  deliveryCategories,
  suggestDomain,
} from '../../../src/diagnostics/index.ts';

const numRuns = 1000;

// Any string: grapheme clusters, raw code units (lone surrogates, NUL and other control
// characters), and address- or bounce-shaped strings built from the characters that matter.
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('a', '@', '.', '-', '+', ' ', 'ü', '日', '\u0000', '5', '4', '#'), maxLength: 80 }),
  fc.stringMatching(/^[245]\d\d[ -][245]\.\d\.\d{1,3} [a-z ]{0,40}$/),
);

describe('the diagnostics never throw', () => {
  it('checkAddress returns a well-formed check for any string', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const check = checkAddress(input);
        expect(check.input).toBe(input);
        expect(check.valid).toBe(check.problems.length === 0);
        expect(check.valid || check.normalized === null).toBe(true);
      }),
      { numRuns },
    );
  });

  it('suggestDomain returns a string or null for any string', () => {
    fc.assert(
      fc.property(anyText, (domain) => {
        const suggestion = suggestDomain(domain);
        expect(suggestion === null || typeof suggestion === 'string').toBe(true);
      }),
      { numRuns },
    );
  });

  it('classifyDeliveryError returns a known action and category for any text and code', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, code) => {
        const diagnosis = classifyDeliveryError(text, code);
        expect(deliveryActions).toContain(diagnosis.action);
        expect(deliveryCategories).toContain(diagnosis.category);
        expect(diagnosis.raw).toBe(text);
      }),
      { numRuns },
    );
  });

  it('copes with values that are not strings at run time', () => {
    const odd = [null, undefined, 42, {}, []] as unknown as string[];
    for (const value of odd) {
      expect(checkAddress(value).problems).toEqual(['empty']);
      expect(suggestDomain(value)).toBeNull();
      expect(classifyDeliveryError(value, value).action).toBe('unknown');
    }
  });

  it('handles huge input quickly', () => {
    const huge = `${'x'.repeat(500_000)}@${'y'.repeat(500_000)}`;
    const started = performance.now();
    expect(checkAddress(huge).valid).toBe(false);
    expect(suggestDomain(huge)).toBeNull();
    expect(classifyDeliveryError(`${huge} user unknown`).raw.length).toBe(huge.length + 13);
    expect(classifyDeliveryError('a '.repeat(500_000)).action).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

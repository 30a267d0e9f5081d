import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress, classifyDeliveryError, deliveryActions } from '../../src/diagnostics/index.ts';

/** 10,000 random and mutated inputs each: no crash, and always an answer of the documented shape. */
const mutatedAddress = fc
  .tuple(fc.constantFrom('ana.invited@example.com', 'lee@gmial.com', 'a+tag@bücher.de', 'x@y.co'), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 4 }))
  .map(([address, edits]) => edits.reduce<string>((text, [at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1), address));

const mutatedBounce = fc
  .tuple(
    fc.constantFrom('550 5.1.1 user unknown', '452 4.2.2 mailbox full', 'No MX for example.org', '554 5.7.1 rejected as spam', 'Not delivering to previously bounced address'),
    fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 6, unit: 'grapheme' })), { maxLength: 5 }),
  )
  .map(([text, edits]) => edits.reduce<string>((result, [at, insert]) => result.slice(0, at % (result.length + 1)) + insert + result.slice(at % (result.length + 1)), text));

describe('fuzzing diagnostics', () => {
  it('checks 10,000 random and mutated addresses without a crash', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedAddress, fc.string({ unit: 'binary' }), fc.emailAddress()), (input) => {
        const result = checkAddress(input);
        expect(typeof result.valid).toBe('boolean');
        expect(Array.isArray(result.problems)).toBe(true);
        expect(result.valid).toBe(result.problems.length === 0);
      }),
      { numRuns: 10_000, seed: 7 },
    );
  }, 60_000);

  it('classifies 10,000 random and mutated delivery errors without a crash', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBounce, fc.string({ unit: 'binary', maxLength: 400 })), fc.option(fc.string({ maxLength: 8 })), (text, code) => {
        const result = classifyDeliveryError(text, code ?? undefined);
        expect(deliveryActions).toContain(result.action);
        expect(result.raw).toBe(text);
      }),
      { numRuns: 10_000, seed: 8 },
    );
  }, 60_000);
});

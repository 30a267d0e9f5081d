import { describe, expect, it } from 'vitest';
import { phraseText, replaceAddresses } from '../../../src/diagnostics/phraseText.ts';

/** The pattern replaceAddresses stands in for (tried at every position, it was most of the classifier's time). */
const addressPattern = /[^\s<>()[\]"',;:@]{1,64}@[\w.-]+/g;

describe('replaceAddresses', () => {
  it('replaces addresses exactly as the address pattern does', () => {
    const samples = [
      '550 5.1.1 <jane.doe@example.com>: Recipient address rejected',
      'to:bob@x.org, cc:"al"@y.net; (c@d.e) [f@g.h]',
      'user@ nothing', '@start', 'end@', 'a@b@c.d', '@@', 'x'.repeat(70) + '@long.example', ' ' + 'y'.repeat(64) + '@edge.example',
      'no address here', 'é@ü.example', 'one@two.three.',
    ];
    // Deterministic random texts over the characters that matter to the pattern.
    const alphabet = 'ab@. <>:;,"\'()[]-_1\t\u00a0é';
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let index = 0; index < 3_000; index++) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let at = 0; at < length; at++) text += random() < 0.3 ? 'x' : alphabet[Math.floor(random() * alphabet.length)];
      samples.push(text);
    }
    expect(samples.filter((text) => replaceAddresses(text) !== text.replace(addressPattern, 'address'))).toEqual([]);
  });

  it('lets phraseText read an address as the word address, and whitespace as single spaces', () => {
    expect(phraseText('550-5.1.1 User  Jane@Example.com\tnot\u00a0found \n')).toBe('user address not found');
  });
});

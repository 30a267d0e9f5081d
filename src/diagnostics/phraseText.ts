/**
 * The text the phrase rules read: lower-cased and compatibility-normalised, SMTP continuation
 * prefixes (`550-5.7.1 `) removed, and every email address replaced by the word `address`, so
 * that "User jane@example.com not found" reads like "user address not found" and a local part
 * such as `no-such-user@` cannot trigger a rule.
 */
export function phraseText(text: string): string {
  return replaceAddresses(text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'"))
    .replace(/(?<![\w.])[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/g, ' ')
    // Runs of whitespace, and any whitespace but a plain space, become one space (as `\s+` → ' ',
    // without rewriting the single spaces that make up most of a text).
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

const addressSeparator = /[\s<>()[\]"',;:@]/;
const domainCharacter = /[\w.-]/;

/**
 * Every address in `text` replaced by the word `address`: what
 * `text.replace(/[^\s<>()[\]"',;:@]{1,64}@[\w.-]+/g, 'address')` gives, found from each `@`
 * instead of trying the pattern at every position (that regex is most of the classifier's time):
 * up to 64 non-separator characters before the `@` (the leftmost start the regex would find),
 * then the domain characters after it; an `@` with nothing on either side is left alone.
 */
export function replaceAddresses(text: string): string {
  let out = '';
  let last = 0;
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > last && at - start < 64 && !addressSeparator.test(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < text.length && domainCharacter.test(text[end] as string)) end++;
    if (start === at || end === at + 1) {
      from = at + 1;
      continue;
    }
    out += `${text.slice(last, start)}address`;
    last = end;
    from = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

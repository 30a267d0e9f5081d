/**
 * The text the phrase rules read: lower-cased and compatibility-normalised, SMTP continuation
 * prefixes (`550-5.7.1 `) removed, and every email address replaced by the word `address`, so
 * that "User jane@example.com not found" reads like "user address not found" and a local part
 * such as `no-such-user@` cannot trigger a rule.
 */
export function phraseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^\s<>()[\]"',;:@]{1,64}@[\w.-]+/g, 'address')
    .replace(/(?<![\w.])[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

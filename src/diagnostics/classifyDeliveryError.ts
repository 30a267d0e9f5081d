import { categoryOutcomes } from './categoryOutcomes.ts';
import type { DeliveryAction } from './deliveryActions.ts';
import type { DeliveryCategory } from './deliveryCategories.ts';
import { deliveryRules, type DeliveryRule } from './deliveryRules.ts';
import { findStatusCodes } from './findStatusCodes.ts';
import { ruleForStatusCode } from './statusCodeRules.ts';

/** What a delivery error means and what the admin should do about it. */
export interface DeliveryDiagnosis {
  /** The next step for the admin; the wizard branches on this. */
  action: DeliveryAction;
  /** The kind of problem, finer than the action. */
  category: DeliveryCategory;
  /** The enhanced status code that was used (given, or found in the text, without a leading `#`), else null. */
  code: string | null;
  /** Translation key of the advice to show, e.g. `diagnostics.advice.badDomain`. */
  adviceKey: string;
  /** The text exactly as it was given, to show when the diagnosis is not enough. */
  raw: string;
  /** Which rule decided, machine-readable: `code:5.1.1`, `text:no-mx`, `code:5.7.1+text:relay-denied`, `reply:552` or `none`. */
  reason: string;
}

/**
 * Classifies a delivery-error text (a bounce diagnostic, an SMTP response, a provider's event
 * message) with an optional enhanced status code reported beside it.
 *
 * A recognised enhanced status code outranks the text: `5.1.1` is a bad mailbox even when the
 * text also says "mailbox full". Phrases only refine a code that is generic within its class:
 * `X.Y.0` codes (the text decides, the code is the fallback), `X.1.1`/`X.2.1` (unknown vs
 * disabled mailbox or domain), `X.7.1` (block vs sending-side fault) and the transient `4.7.x`.
 * A sending provider's suppression notice wins over any code, since that code is synthetic.
 * Without an enhanced code, the first matching phrase rule decides, then the basic reply code.
 * Never throws.
 */
export function classifyDeliveryError(text: string, code?: string): DeliveryDiagnosis {
  const raw = typeof text === 'string' ? text : '';
  try {
    return diagnose(raw, typeof code === 'string' ? code : '');
  } catch {
    return diagnosis('unknown', null, raw, 'none');
  }
}

// Bounce diagnostics are short; a huge input is only scanned at its start to bound the work.
const maxScannedLength = 20_000;

function diagnose(raw: string, givenCode: string): DeliveryDiagnosis {
  const scanned = raw.slice(0, maxScannedLength);
  const found = findStatusCodes(scanned);
  const given = parseGivenCode(givenCode);
  const enhanced = given.enhanced ?? found.enhanced;
  const reply = given.reply ?? found.reply;
  const severity = (enhanced ?? reply)?.charAt(0) ?? null;
  const phrases = phraseText(scanned);
  const suppressed = matchRule(phrases, severity, ['suppressed']);
  if (suppressed) return diagnosis('suppressed', enhanced, raw, `text:${suppressed.id}`);

  if (enhanced !== null) {
    const codeRule = ruleForStatusCode(enhanced);
    const refinement = matchRule(phrases, severity, codeRule.refinable);
    if (refinement) return diagnosis(refinement.category, enhanced, raw, `code:${enhanced}+text:${refinement.id}`, refinement.adviceKey);
    return diagnosis(codeRule.category, enhanced, raw, `code:${enhanced}`, codeRule.adviceKey);
  }
  const textRule = matchRule(phrases, severity, 'any');
  if (textRule) return diagnosis(textRule.category, null, raw, `text:${textRule.id}`, textRule.adviceKey);
  if (reply !== null) return diagnosis(categoryForReply(reply), null, raw, `reply:${reply}`);
  return diagnosis('unknown', null, raw, 'none');
}

function diagnosis(category: DeliveryCategory, code: string | null, raw: string, reason: string, adviceKey?: string): DeliveryDiagnosis {
  const outcome = categoryOutcomes[category];
  return { action: outcome.action, category, code, adviceKey: adviceKey ?? outcome.adviceKey, raw, reason };
}

function matchRule(phrases: string, severity: string | null, allowed: readonly DeliveryCategory[] | 'any'): DeliveryRule | undefined {
  return deliveryRules.find(
    (rule) =>
      (allowed === 'any' || allowed.includes(rule.category)) &&
      (rule.requires === undefined || (rule.requires === 'permanent' ? severity === '5' : severity === '4')) &&
      rule.pattern.test(phrases),
  );
}

function parseGivenCode(code: string): { enhanced: string | null; reply: string | null } {
  const trimmed = code.trim().replace(/^#/, '');
  if (/^[245]\.[0-7]\.\d{1,3}$/.test(trimmed)) return { enhanced: trimmed, reply: null };
  if (/^[245][0-5]\d$/.test(trimmed)) return { enhanced: null, reply: trimmed };
  return { enhanced: null, reply: null };
}

/**
 * The text the phrase rules read: lower-cased and compatibility-normalised, SMTP continuation
 * prefixes (`550-5.7.1 `) removed, and every email address replaced by the word `address`, so
 * that "User jane@example.com not found" reads like "user address not found" and a local part
 * such as `no-such-user@` cannot trigger a rule.
 */
function phraseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^\s<>()[\]"',;:@]{1,64}@[\w.-]+/g, 'address')
    .replace(/(?<![\w.])[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Only what a bare reply code (RFC 5321) says without any phrase: 552 is "exceeded storage
// allocation", 551 "user not local", 553 "mailbox name not allowed"; 550/554 say nothing specific.
function categoryForReply(reply: string): DeliveryCategory {
  if (reply.startsWith('4')) return 'temporary';
  if (reply.startsWith('2')) return 'not-a-bounce';
  if (reply === '551') return 'mailbox-disabled';
  if (reply === '552') return 'mailbox-full';
  if (reply === '553') return 'bad-mailbox';
  return 'unknown';
}

import { categoryOutcomes } from './categoryOutcomes.ts';
import type { DeliveryAction } from './deliveryActions.ts';
import type { DeliveryCategory } from './deliveryCategories.ts';
import { deliveryRules, type DeliveryRule } from './deliveryRules.ts';
import { findStatusCodes } from './findStatusCodes.ts';
import { matchPhraseFamily, type FamilyMatch } from './matchPhraseFamily.ts';
import { phraseText } from './phraseText.ts';
import { ruleForStatusCode, type StatusCodeRule } from './statusCodeRules.ts';

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
  /**
   * How sure the classifier is, from 0 to 1: a specific code that the text agrees with or refines
   * is surest, a text rule alone or a generic code alone less so, a bare reply code little, and
   * `unknown` is 0. A rough guide for display and escalation, not a probability.
   */
  confidence: number;
  /** The words of the text that the deciding phrase rule matched (normalised: lower case, addresses as `address`), else null. */
  phrase: string | null;
}

/**
 * Classifies a delivery-error text (a bounce diagnostic, an SMTP response, a provider's event
 * message) with an optional enhanced status code reported beside it.
 *
 * A recognised enhanced status code outranks the text: `5.1.1` is a bad mailbox even when the
 * text also says "mailbox full". Phrases only refine a code that is generic within its class:
 * `X.Y.0` codes (the text decides, the code is the fallback), `X.1.1`/`X.2.1` (unknown vs
 * disabled mailbox or domain), `X.7.1` (block vs sending-side fault) and the transient `4.7.x`.
 * `X.7.1` is sent by many servers for any refusal, so there a specific policy text (spam, block
 * list, SPF/DKIM/DMARC, relaying) keeps policy, and otherwise a clear text about the mailbox
 * (unknown user, disabled, full) outranks the code: "550 5.7.1 No such user" is a bad mailbox.
 * A sending provider's suppression notice wins over any code, since that code is synthetic.
 * Without an enhanced code, the first matching phrase rule decides, then the basic reply code;
 * a 4xx reply keeps a permanent-sounding text temporary unless the text says delivery was given up.
 * Never throws.
 */
export function classifyDeliveryError(text: string, code?: string): DeliveryDiagnosis {
  const raw = typeof text === 'string' ? text : '';
  try {
    return diagnose(raw, typeof code === 'string' ? code : '');
  } catch {
    return diagnosis('unknown', null, raw, 'none', 0, null);
  }
}

// Bounce diagnostics are short; a huge input is only scanned at its start to bound the work.
const maxScannedLength = 20_000;

/**
 * The verdict depends on the raw text only through its status codes and its phrase text (where
 * every address already reads `address`), so it is remembered by those: the same bounce to many
 * addresses at one domain (the invite-health page reads thousands) is classified once. Only `raw`
 * differs between such texts, and it is put back. Bounded: forgotten wholesale when full.
 */
const remembered = new Map<string, Omit<DeliveryDiagnosis, 'raw'>>();
const maxRemembered = 5_000;
/** Longer texts (rare: bounces are short) are classified afresh rather than kept as keys. */
const maxRememberedLength = 2_000;

function diagnose(raw: string, givenCode: string): DeliveryDiagnosis {
  const scanned = raw.slice(0, maxScannedLength);
  const found = findStatusCodes(scanned);
  const phrases = phraseText(scanned);
  const key = `${givenCode}\u0000${found.enhanced ?? ''}\u0000${found.reply ?? ''}\u0000${phrases}`;
  const known = remembered.get(key);
  // The same fields in the same order as a fresh diagnosis (JSON of either reads the same).
  if (known) return { action: known.action, category: known.category, code: known.code, adviceKey: known.adviceKey, raw, reason: known.reason, confidence: known.confidence, phrase: known.phrase };
  const result = decide(raw, givenCode, found, phrases);
  if (phrases.length <= maxRememberedLength) {
    if (remembered.size >= maxRemembered) remembered.clear();
    const { raw: _raw, ...verdict } = result;
    remembered.set(key, verdict);
  }
  return result;
}

function decide(raw: string, givenCode: string, found: ReturnType<typeof findStatusCodes>, phrases: string): DeliveryDiagnosis {
  const given = parseGivenCode(givenCode);
  const enhanced = given.enhanced ?? found.enhanced;
  const reply = given.reply ?? found.reply;
  const severity = (enhanced ?? reply)?.charAt(0) ?? null;
  const suppressed = matchRule(phrases, severity, ['suppressed']);
  if (suppressed) return fromRule(suppressed, phrases, enhanced, raw, `text:${suppressed.id}`, 0.9);

  if (enhanced !== null) {
    const codeRule = ruleForStatusCode(enhanced);
    const refinement = codeRule.generic ? refineGenericCode(phrases, severity, codeRule) : matchRule(phrases, severity, codeRule.refinable);
    // A catch-all X.0.0 code refined only by a generic failure word ("service unavailable")
    // yields to a specific family in the same text ("mailbox quota exhausted").
    const specific = refinement && codeRule.refinable === 'any' && genericWordRules.has(refinement.id) ? specificFamily(phrases, severity) : null;
    if (specific) return diagnosis(specific.family.category, enhanced, raw, `code:${enhanced}+family:${specific.family.id}`, 0.75, specific.phrase, specific.family.adviceKey);
    if (refinement) return fromRule(refinement, phrases, enhanced, raw, `code:${enhanced}+text:${refinement.id}`, 0.9);
    // The text saying the same thing as the code (5.1.1 and "user unknown") makes it surer.
    const agreeing = codeRule.category === 'unknown' ? undefined : matchRule(phrases, severity, [codeRule.category]);
    const weakCode = codeRule.category === 'unknown' || codeRule.generic === true || codeRule.refinable === 'any';
    // A generic or unregistered code (X.0.0, X.7.1, a vendor detail) yields to a clear phrase family.
    const family = agreeing || !weakCode ? null : matchPhraseFamily(phrases, severity === '2');
    // Same action (4.7.1 "greylisted" and a "try again later" family): the code's finer category stays.
    const sameAction = family !== null && categoryOutcomes[family.family.category].action === categoryOutcomes[codeRule.category].action;
    if (family && !sameAction && familyMayRefine(family, severity, codeRule, phrases)) {
      return diagnosis(family.family.category, enhanced, raw, `code:${enhanced}+family:${family.family.id}`, 0.7, family.phrase, family.family.adviceKey);
    }
    const familyAgrees = family !== null && sameAction && codeRule.category !== 'unknown';
    const confidence = agreeing || familyAgrees ? 0.95 : codeRule.category === 'unknown' ? 0.2 : enhanced.endsWith('.0') || codeRule.generic ? 0.6 : 0.85;
    const phrase = agreeing ? matchedPhrase(agreeing, phrases) : familyAgrees ? family.phrase : null;
    const reason = familyAgrees ? `code:${enhanced}+family:${family.family.id}` : `code:${enhanced}`;
    return diagnosis(codeRule.category, enhanced, raw, reason, confidence, phrase, codeRule.adviceKey);
  }
  const textRule = matchRule(phrases, severity, 'any');
  // Without any code, a rule that only names a generic failure word ("temporarily", "rejected",
  // "spam") yields to a notice family: "I'm temporarily away" is an auto-reply, a challenge may
  // mention spam. Auto-replies and challenges carry no SMTP code; failures nearly always do.
  // The same for a text without any code: a generic failure word yields to a notice family or to
  // a specific family standing as a close pair ("Transient ... MailboxFull").
  const override = textRule !== undefined && severity === null && genericWordRules.has(textRule.id);
  const candidate = textRule === undefined || override ? matchPhraseFamily(phrases, true) : null;
  const family = override && !(candidate && (candidate.family.notice || isSpecific(candidate))) ? null : candidate;
  if (family) {
    const category = family.family.category;
    const replyReason = reply === null ? '' : `reply:${reply}+`;
    if (severity === '4' && permanentCategories.has(category) && !givenUp.test(phrases)) {
      return diagnosis('temporary', null, raw, `${replyReason}family:${family.family.id}`, 0.55, family.phrase);
    }
    return diagnosis(category, null, raw, `${replyReason}family:${family.family.id}`, reply === null ? 0.65 : 0.7, family.phrase, family.family.adviceKey);
  }
  if (textRule) {
    // A bare 4xx reply is a deferral: text naming a permanent fault (unknown user, no such domain)
    // only decides when the text also says the attempts were given up (RFC 5321 4.2.1: 4yz is
    // "transient negative completion"; RFC 3464 2.3.3: "failed" after retries is final).
    if (severity === '4' && permanentCategories.has(textRule.category) && !givenUp.test(phrases)) {
      return diagnosis('temporary', null, raw, `reply:${reply ?? ''}+text:${textRule.id}`, 0.6, matchedPhrase(textRule, phrases));
    }
    return fromRule(textRule, phrases, null, raw, `text:${textRule.id}`, reply === null ? 0.75 : 0.8);
  }
  if (reply !== null) return diagnosis(categoryForReply(reply), null, raw, `reply:${reply}`, categoryForReply(reply) === 'unknown' ? 0.2 : 0.5, null);
  return diagnosis('unknown', null, raw, 'none', 0, null);
}

const tryLater = deliveryRules.find((rule) => rule.id === 'try-later');

// Phrase rules that name only a generic failure word (temporarily, rejected, spam, timed out).
const genericWordRules: ReadonlySet<string> = new Set([
  'try-later', 'expired-in-queue', 'connection-failed', 'mail-rejected', 'recipient-rejected', 'receiving-system-error', 'spam-or-reputation', 'access-denied',
]);

const permanentCategories: ReadonlySet<DeliveryCategory> = new Set(['bad-domain', 'bad-mailbox', 'mailbox-disabled']);

// The text says delivery was finally abandoned, whatever the last (transient) code was: RFC 3464
// `Action: failed`, "permanent error", and the MTAs' give-up wording (Postfix status=expired,
// qmail "in the queue too long", Exim "retry timeout exceeded", Exchange QUEUE.Expired).
const givenUp = /\baction: ?failed\b|\bpermanent (?:error|failure)|\bpermanently (?:failed|rejected|undeliverable)|\bgiving up\b|\bgave up\b|\bexpired\b|\bqueue (?:period|lifetime)\b|\btoo long in (?:the )?queue|\bin the queue too long|\bretry (?:timeout|time|period) (?:exceeded|expired)|\bwill not (?:be )?retr|\bno (?:further|more) (?:delivery )?(?:attempts|retries)/;

// Phrase rules that name a specific policy or sending-side fault (RFC 3463 3.8 subjects: spam and
// block lists, SPF/DKIM/DMARC, reverse DNS, TLS, relaying; RFC 7372 X.7.20-X.7.30), and those that
// say something clear about the recipient's mailbox (RFC 3463 3.2/3.3 meanings: unknown, moved,
// disabled, full). With a generic X.7.1 the first keep policy, the second outrank the code.
const specificPolicyRules: ReadonlySet<string> = new Set([
  'sender-address', 'sender-authentication', 'reverse-dns', 'tls', 'relay-denied', 'message-too-big', 'message-format',
  'block-list', 'spam-or-reputation', 'content-or-policy',
]);
const clearMailboxRules: ReadonlySet<string> = new Set([
  'bad-destination-mailbox', 'user-unknown', 'no-such-user', 'does-not-exist', 'not-found', 'check-address', 'no-account',
  'mailbox-disabled', 'mailbox-full',
]);

function refineGenericCode(phrases: string, severity: string | null, codeRule: StatusCodeRule): DeliveryRule | undefined {
  // A transient generic code whose text itself asks to try again later ("450 4.7.1 Sender address
  // rejected: try again later") is a deferral, whatever it names: the receiver expects a retry.
  if (severity === '4' && tryLater?.pattern.test(phrases)) return undefined;
  const policy = deliveryRules.find((rule) => specificPolicyRules.has(rule.id) && appliesTo(rule, severity) && rule.pattern.test(phrases));
  if (policy) return policy;
  // A transient code stays transient unless the mailbox is full (RFC 3463 X.2.2 exists in class 4 too).
  const mailbox = deliveryRules.find(
    (rule) => clearMailboxRules.has(rule.id) && (severity !== '4' || rule.category === 'mailbox-full') && appliesTo(rule, severity) && rule.pattern.test(phrases),
  );
  return mailbox ?? matchRule(phrases, severity, codeRule.refinable);
}

// What a phrase family may make of a weak code: a transient code stays transient unless the
// family says "full" or names a refusal or the sending set-up (4.7.1 in words); a permanent
// code is not turned into a deferral unless the code itself said nothing (X.0.0 unknown).
function familyMayRefine(match: FamilyMatch, severity: string | null, codeRule: StatusCodeRule, phrases: string): boolean {
  const category = match.family.category;
  if (match.family.notice) return severity === '2';
  // As for the phrase rules: a transient code whose text asks to try again later stays a deferral.
  if (severity === '4' && tryLater?.pattern.test(phrases)) return category === 'temporary' || category === 'mailbox-full';
  if (severity === '4') return category === 'mailbox-full' || category === 'blocked' || category === 'sender-setup' || category === 'temporary';
  if (category === 'temporary') return codeRule.category === 'unknown';
  return true;
}

// A family that names a specific recipient-side or sending-side meaning, as a close pair:
// not a bare marker, not weak evidence, not just "temporary".
function isSpecific(match: FamilyMatch): boolean {
  return match.family.subject !== null && !match.family.weak && !match.family.notice && match.family.category !== 'temporary' && match.distance <= 2;
}

function specificFamily(phrases: string, severity: string | null): FamilyMatch | null {
  const match = matchPhraseFamily(phrases, severity === '2');
  return match && isSpecific(match) && (severity !== '4' || match.family.category === 'mailbox-full') ? match : null;
}

function fromRule(rule: DeliveryRule, phrases: string, code: string | null, raw: string, reason: string, confidence: number): DeliveryDiagnosis {
  return diagnosis(rule.category, code, raw, reason, confidence, matchedPhrase(rule, phrases), rule.adviceKey);
}

function matchedPhrase(rule: DeliveryRule, phrases: string): string | null {
  return rule.pattern.exec(phrases)?.[0]?.trim() || null;
}

function diagnosis(
  category: DeliveryCategory,
  code: string | null,
  raw: string,
  reason: string,
  confidence: number,
  phrase: string | null,
  adviceKey?: string,
): DeliveryDiagnosis {
  const outcome = categoryOutcomes[category];
  return { action: outcome.action, category, code, adviceKey: adviceKey ?? outcome.adviceKey, raw, reason, confidence, phrase };
}

function appliesTo(rule: DeliveryRule, severity: string | null): boolean {
  return rule.requires === undefined || (rule.requires === 'permanent' ? severity === '5' : severity === '4');
}

function matchRule(phrases: string, severity: string | null, allowed: readonly DeliveryCategory[] | 'any'): DeliveryRule | undefined {
  return deliveryRules.find(
    (rule) =>
      (allowed === 'any' || allowed.includes(rule.category)) &&
      appliesTo(rule, severity) &&
      rule.pattern.test(phrases),
  );
}

function parseGivenCode(code: string): { enhanced: string | null; reply: string | null } {
  const trimmed = code.trim().replace(/^#/, '');
  if (/^[245]\.[0-7]\.\d{1,3}$/.test(trimmed)) return { enhanced: trimmed, reply: null };
  if (/^[245][0-5]\d$/.test(trimmed)) return { enhanced: null, reply: trimmed };
  return { enhanced: null, reply: null };
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

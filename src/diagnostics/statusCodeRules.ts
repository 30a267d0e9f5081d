import type { DeliveryCategory } from './deliveryCategories.ts';

/** What an enhanced status code says on its own, and which more specific phrases may refine it. */
export interface StatusCodeRule {
  category: DeliveryCategory;
  /** Categories a matching text phrase may choose instead; `any` for the catch-all `X.Y.0` codes. */
  refinable: readonly DeliveryCategory[] | 'any';
  /** A more specific advice key than the category's own. */
  adviceKey?: string;
  /**
   * The code is one that many servers send for any refusal at all (X.7.1, "delivery not
   * authorized"), so it says little: a specific policy text (spam, block list, SPF/DKIM/DMARC,
   * relaying) refines it as usual, but a clear text about the mailbox itself (unknown user,
   * full, disabled) then outranks it.
   */
  generic?: boolean;
}

/**
 * The rule for an enhanced status code such as `5.1.1` (RFC 3463 and the IANA registry, plus
 * the widely seen Microsoft `5.7.5xx`-`5.7.7xx` details). Codes other than class 2, 4 or 5 are
 * treated as unknown.
 */
export function ruleForStatusCode(code: string): StatusCodeRule {
  const [codeClass = '', subject = '', detail = ''] = code.split('.');
  if (codeClass === '2') return { category: 'not-a-bounce', refinable: [], adviceKey: 'diagnostics.advice.delivered' };
  const transient = codeClass === '4';
  const rule =
    (transient ? transientCodes : permanentCodes).get(`${subject}.${detail}`) ?? securityRule(subject, detail, transient);
  const fallback = transient ? transientDefault(subject) : permanentDefault(subject);
  if (detail === '0') return { category: (rule ?? fallback).category, refinable: 'any' };
  // A detail the registry does not define for its subject (a vendor's own number such as
  // Microsoft's 5.2.121) says no more than its class and subject: like X.Y.0, the text decides.
  if (rule === undefined && Number(detail) > (registeredDetails[subject] ?? 0)) return { category: fallback.category, refinable: 'any' };
  return rule ?? fallback;
}

// The highest detail number RFC 3463 and the IANA registry (RFC 5248) define per subject.
const registeredDetails: Readonly<Record<string, number>> = { '1': 10, '2': 4, '3': 6, '4': 7, '5': 6, '6': 10, '7': 30 };

const fixed = (category: DeliveryCategory): StatusCodeRule => ({ category, refinable: [] });

// X.1.1 and X.7.1 are what most servers send for any address or policy refusal, so a specific
// phrase may refine them within their own subject; X.2.1 is used both for disabled and unknown
// mailboxes, and two Microsoft habits are noted below. Every other specific code is trusted as it is.
const permanentCodes = new Map<string, StatusCodeRule>([
  ['1.1', { category: 'bad-mailbox', refinable: ['bad-domain', 'mailbox-disabled'] }],
  ['1.2', fixed('bad-domain')],
  ['1.3', fixed('bad-mailbox')],
  ['1.4', fixed('bad-mailbox')],
  ['1.6', fixed('mailbox-disabled')],
  ['1.7', fixed('sender-setup')],
  ['1.8', fixed('sender-setup')],
  // RFC 7505 null MX; Microsoft 365 also sends it for an unknown recipient.
  ['1.10', { category: 'bad-domain', refinable: ['bad-mailbox'] }],
  // Microsoft 365 NDR 5.1.90: the sender reached its daily recipient limit, a sending-side limit.
  ['1.90', fixed('sender-setup')],
  ['2.1', { category: 'mailbox-disabled', refinable: ['bad-mailbox'] }],
  ['2.2', fixed('mailbox-full')],
  // X.2.3 is a per-recipient size limit: the mailbox side, as with a full mailbox.
  ['2.3', fixed('mailbox-full')],
  ['2.4', fixed('bad-mailbox')],
  ['3.1', fixed('mailbox-full')],
  ['3.3', fixed('sender-setup')],
  ['3.4', fixed('sender-setup')],
  // Microsoft 365 sends 5.4.1 "Recipient address rejected: Access denied" for unknown recipients.
  ['4.1', { category: 'temporary', refinable: ['bad-mailbox'] }],
  ['4.4', fixed('bad-domain')],
  // RFC 3463 3.8 defines X.7.1 as "delivery not authorized, message refused"; Postfix access
  // maps, Exchange transport rules and many filters send it for any refusal, unknown users included.
  ['7.1', { category: 'blocked', refinable: ['sender-setup'], generic: true }],
  ['7.2', fixed('blocked')],
  // Yahoo and others send 5.7.9 for policy refusals, not for the weak-mechanism case of RFC 4954.
  ['7.9', fixed('blocked')],
  ['7.13', fixed('mailbox-disabled')],
  ['7.17', fixed('mailbox-disabled')],
  ['7.18', fixed('bad-domain')],
  ['7.28', fixed('blocked')],
]);

const transientCodes = new Map<string, StatusCodeRule>([
  ['1.1', { category: 'temporary', refinable: ['bad-mailbox', 'bad-domain', 'mailbox-disabled', 'greylisted'] }],
  ['2.2', fixed('mailbox-full')],
  // 4.7.1 is as generic as 5.7.1 (greylisting, rate limits, policy); a full-mailbox text outranks it.
  ['7.1', { category: 'greylisted', refinable: ['blocked', 'sender-setup'], generic: true }],
  ['7.28', fixed('blocked')],
]);

function permanentDefault(subject: string): StatusCodeRule {
  switch (subject) {
    case '1':
    case '2':
      return fixed('bad-mailbox');
    case '3':
    case '4':
      return fixed('temporary');
    case '5':
    case '6':
      return fixed('sender-setup');
    case '7':
      return { category: 'blocked', refinable: ['sender-setup'] };
    default:
      return fixed('unknown');
  }
}

function transientDefault(subject: string): StatusCodeRule {
  if (subject === '7') return { category: 'greylisted', refinable: ['blocked', 'sender-setup'] };
  return { category: 'temporary', refinable: ['greylisted'] };
}

// X.7.3-X.7.16 and X.7.19-X.7.30 are about how the mail was sent: encryption, authentication
// (DKIM, SPF, reverse DNS, DMARC, ARC, REQUIRETLS), in either class. Microsoft 365 adds
// 5.7.501-5.7.508, 5.7.511 and 5.7.6xx for spam and banned senders, and 5.7.509/510/512-515
// (authentication, format) and 5.7.7xx (tenant limits) for sending-side faults.
function securityRule(subject: string, detail: string, transient: boolean): StatusCodeRule | undefined {
  if (subject !== '7') return undefined;
  const number = Number(detail);
  if ((number >= 3 && number <= 16) || (number >= 19 && number <= 30)) return fixed('sender-setup');
  if (transient) return undefined;
  if ((number >= 501 && number <= 508) || number === 511 || (number >= 600 && number < 700)) return fixed('blocked');
  if ((number >= 509 && number < 600) || (number >= 700 && number < 800)) return fixed('sender-setup');
  return undefined;
}

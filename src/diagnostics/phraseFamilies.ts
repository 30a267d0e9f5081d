import type { DeliveryCategory } from './deliveryCategories.ts';
import type { Concept } from './familyVocabulary.ts';

/**
 * A phrase family: one meaning, recognised by the co-occurrence of a subject word and a
 * predicate word (familyVocabulary.ts) in one clause, at most `window` words apart, in either
 * order and in any of the table's languages. A family without a subject is a marker: its
 * predicate words are enough on their own.
 *
 * `notice` families (tier 0) describe mail that is not a failure (auto-replies, challenges,
 * acknowledgements, delivery notices); they apply only when no failure code (4xx/5xx, 4.x.x,
 * 5.x.x) stands beside the text, and the first that matches wins. The other families compete:
 * the pair that stands closest wins, a tie goes to the earlier family. `veto` concepts in the
 * same clause cancel the family ("sending quota exceeded" is not a full mailbox); `negatable`
 * families do not count a predicate with a negation just before it ("not delivered").
 */
export interface PhraseFamily {
  id: string;
  category: DeliveryCategory;
  subject: Concept | null;
  predicate: Concept;
  window: number;
  notice?: boolean;
  /** Checked before the competing families, whatever the codes say (a sending provider's suppression notice). */
  precedes?: boolean;
  veto?: Concept;
  /** Evidence that only counts when no other competing family matched ("message rejected" names no reason). */
  weak?: boolean;
  negatable?: boolean;
  adviceKey?: string;
}

const family = (
  id: string,
  category: DeliveryCategory,
  subject: Concept | null,
  predicate: Concept,
  window: number,
  options: Pick<PhraseFamily, 'notice' | 'precedes' | 'veto' | 'weak' | 'negatable' | 'adviceKey'> = {},
): PhraseFamily => ({ id, category, subject, predicate, window, ...options });

/** The families, notices first (in precedence order), then the competing meanings. */
export const phraseFamilies: readonly PhraseFamily[] = [
  // Provider suppression notices (SES, SendGrid, Mailgun, Postmark) win over any code.
  family('suppressed', 'suppressed', 'recipient', 'suppressed', 8, { precedes: true }),
  // RFC 3834 responders and challenge-response filters: nothing failed yet.
  // RFC 5965 / RFC 6591 feedback reports.
  family('feedback-report', 'not-a-bounce', null, 'report', 0, { notice: true, adviceKey: 'diagnostics.advice.complaintReport' }),
  family('challenge', 'not-a-bounce', null, 'challenge', 0, { notice: true }),
  family('challenge-verify', 'not-a-bounce', 'you', 'verify', 8, { notice: true }),
  family('auto-reply-label', 'not-a-bounce', null, 'auto-reply', 0, { notice: true, adviceKey: 'diagnostics.advice.autoReply' }),
  family('away', 'not-a-bounce', 'self', 'away', 6, { notice: true, adviceKey: 'diagnostics.advice.autoReply' }),
  family('acknowledgement', 'not-a-bounce', 'acknowledger', 'received', 8, { notice: true, adviceKey: 'diagnostics.advice.autoReply' }),
  // RFC 3464 Action: delivered / relayed, unless negated ("could not be delivered").
  family('delivered', 'not-a-bounce', 'message', 'delivered', 5, { notice: true, negatable: true, adviceKey: 'diagnostics.advice.delivered' }),

  // X.1.7 / X.1.8: the sender's own address, before the recipient's (both say "address ... invalid").
  family('sender-invalid', 'sender-setup', 'sender', 'nonexistent', 6),
  // X.7.8, X.7.10, X.7.20-29, X.7.1 relaying: authentication and transport.
  family('authentication', 'sender-setup', 'security', 'auth-failed', 5),
  // X.3.4 / X.2.3: the message is too big.
  family('too-big', 'sender-setup', 'message', 'too-big', 5),
  // X.1.2 / X.4.4 / RFC 7505: the domain does not exist or has no mail servers.
  family('domain-nonexistent', 'bad-domain', 'domain', 'nonexistent', 6, { veto: 'sender' }),
  // X.1.1 / X.1.3: the mailbox or user does not exist.
  family('recipient-nonexistent', 'bad-mailbox', 'recipient', 'nonexistent', 8, { veto: 'sender' }),
  // X.2.1 / X.1.6: the mailbox exists but is switched off or gone.
  family('account-disabled', 'mailbox-disabled', 'account', 'disabled', 8),
  family('address-inactive', 'mailbox-disabled', 'recipient', 'inactive', 8),
  // X.2.2 / X.3.1: out of storage, unless what ran out is a sending allowance.
  family('storage-full', 'mailbox-full', 'storage', 'full', 8, { veto: 'sending-rate' }),
  // A sending service's reasonless "hard bounce": the address is to be removed (weakest evidence).
  family('hard-bounce', 'bad-mailbox', null, 'hard-bounce', 0, { weak: true }),
  // Sending limits (421 / 4.7.0 throttling): wait.
  family('sending-limit', 'temporary', 'sending-rate', 'too-many', 6),
  // X.7.1 policy: spam, block lists, reputation, content.
  family('policy', 'blocked', null, 'policy', 0),
  family('message-refused', 'blocked', 'message', 'refused', 6, { weak: true }),
  // X.4.1 / X.4.2: the receiving host did not answer.
  family('server-unresponsive', 'temporary', 'remote-server', 'unresponsive', 6),
  // X.4.7: the attempts ran out.
  family('attempts-given-up', 'temporary', 'delivery-attempt', 'gave-up', 8),
  // 4yz in words: temporary, try again later, deferred.
  family('transient', 'temporary', null, 'transient', 0),
];

/** How far a marker (a family without a subject) counts as standing from its subject: it loses to a tight pair. */
export const markerDistance = 4;

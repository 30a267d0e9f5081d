import type { NotSentReason } from './InvitationBackend.ts';
import { notSentReasons } from './InvitationBackend.ts';
import type { SessionContext } from './SessionContext.ts';

/** What the session knows about mail failing on our own side: why (where known) and the backend's own words. */
export interface SendingProblem {
  /** `null`: a sending-side failure whose exact reason the backend did not name. */
  reason: NotSentReason | null;
  /** The sending service's own text (a refusal, a bounce), when there is one. */
  text: string | null;
}

/** The diagnostics category of bounces caused by our own setup (SPF/DKIM/DMARC, reverse DNS, TLS, relaying). */
export const senderSetupCategory = 'sender-setup';
/** The category `latestDeliveryProblem` gives mail that never left our side. */
export const notSentCategory = 'not-sent';

const senderAuthentication = /\b(?:spf|dkim|dmarc)\b|unauthenticated/i;

/**
 * The sending-side problem the session has evidence of, newest evidence first: a send that just
 * failed `not_sent` (also when a later call cleared `lastError`: the transcript keeps it), the
 * delivery log's current not-sent finding, the backend's sending status, and a bounce caused by
 * our own sender setup. `null` when nothing points at our side.
 */
export function findSendingProblem(context: Pick<SessionContext, 'facts' | 'lastError' | 'transcript'>): SendingProblem | null {
  const { facts, lastError } = context;
  if (lastError?.kind === 'not_sent') return { reason: lastError.reason, text: lastError.message ?? null };
  const delivery = facts.delivery;
  if (delivery?.category === notSentCategory) return { reason: asReason(delivery.reason), text: delivery.raw || null };
  const failedSend = context.transcript.findLast((entry) => entry.type === 'error' && entry.error.kind === 'not_sent');
  if (failedSend?.type === 'error' && failedSend.error.kind === 'not_sent') return { reason: failedSend.error.reason, text: failedSend.error.message ?? null };
  if (facts.sending?.configured === false) return { reason: 'mail_not_configured', text: null };
  if (facts.sending?.problem) return { reason: facts.sending.problem, text: null };
  if (delivery?.category === senderSetupCategory) {
    return { reason: senderAuthentication.test(delivery.raw) ? 'sender_not_authenticated' : null, text: delivery.raw || null };
  }
  return null;
}

function asReason(value: string | undefined): NotSentReason | null {
  return (notSentReasons as readonly string[]).includes(value ?? '') ? (value as NotSentReason) : null;
}

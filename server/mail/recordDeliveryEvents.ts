import type { Kysely } from 'kysely';
import { classifyDeliveryError } from '../../src/diagnostics/index.ts';
import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';
import type { Database } from '../store/Database.ts';

/** A delivery event as a reporter hands it over: the contract's event plus what only the store keeps. */
export interface ReportedDeliveryEvent extends DeliveryEvent {
  /** What the mail was, when the reporter knows (the outbox does; a webhook may not). */
  purpose?: 'invitation' | 'password_reset' | null;
  /** The reporter's own id for this event (a webhook's event id): the same id twice is stored once. */
  externalId?: string;
}

/** Categories after which mailing the address again is pointless until someone confirms it. */
const hardBounceCategories = new Set(['bad-domain', 'bad-mailbox', 'mailbox-disabled']);

/**
 * The one way delivery evidence enters the store, whoever reported it (our SMTP conversation, a
 * bounce message, a provider's webhook). Stores the events, ignoring any whose `externalId` was
 * already stored for the same source (webhook retries), and puts the address on our suppression
 * list after a permanent bounce about the address itself (unknown or disabled mailbox, no such
 * domain) or a spam complaint. A filter's refusal (5.7.x) is not a reason to suppress. Pass a
 * transaction to make it part of an action. Returns how many events were new.
 */
export async function recordDeliveryEvents(db: Kysely<Database>, events: readonly ReportedDeliveryEvent[]): Promise<number> {
  let stored = 0;
  for (const event of events) {
    const email = event.email.toLowerCase();
    const inserted = await db
      .insertInto('deliveryEvents')
      .values({
        email,
        at: new Date(event.at),
        kind: event.kind,
        smtpCode: event.smtpCode ?? null,
        enhancedCode: event.enhancedCode ?? null,
        text: event.text ?? null,
        reason: event.reason ?? null,
        purpose: event.purpose ?? null,
        source: event.source ?? null,
        messageId: event.messageId ?? null,
        externalId: event.externalId ?? null,
      })
      .onConflict((conflict) => conflict.columns(['source', 'externalId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    stored += 1;
    const suppressBecause = suppressionReason(event);
    if (suppressBecause) {
      await db
        .insertInto('suppressions')
        .values({ email, reason: suppressBecause, createdAt: new Date(event.at) })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .execute();
    }
  }
  return stored;
}

function suppressionReason(event: ReportedDeliveryEvent): string | null {
  if (event.kind === 'complained') return 'complaint';
  if (event.kind !== 'bounced') return null;
  const permanent = (event.smtpCode !== undefined && event.smtpCode >= 500) || /^5\./.test(event.enhancedCode ?? '');
  if (!permanent) return null;
  const { category } = classifyDeliveryError(event.text ?? '', event.enhancedCode);
  return hardBounceCategories.has(category) ? 'hard_bounce' : null;
}

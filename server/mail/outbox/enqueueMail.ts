import type { Transaction } from 'kysely';
import { deliveryAttempt } from '../../../src/adapters/index.ts';
import type { Database } from '../../store/Database.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import type { OutgoingMail } from '../MailTransport.ts';
import { recordDeliveryEvents } from '../recordDeliveryEvents.ts';
import { newMessageId } from '../smtp/createSmtpMailTransport.ts';

/** The Message-ID host when the context names none: the policy sender's domain. */
function messageIdHost(context: ServiceContext): string {
  return context.mailSettings?.messageIdHost ?? context.policy.senderAddress.slice(context.policy.senderAddress.lastIndexOf('@') + 1);
}

/**
 * Queues one mail in the action's transaction, so the mail exists exactly when the action does.
 * The row holds no link: the worker derives it from the user's id and link generation when it
 * sends, and a later resend (a new generation) supersedes it. An address on our suppression list
 * is not queued (a `sent` and a `dropped` event say so, in the same transaction) unless `force`:
 * a deliberate resend lifts the suppression and tries again. Returns the queued mail's
 * Message-ID, or null when nothing was queued.
 */
export async function enqueueMail(context: ServiceContext, trx: Transaction<Database>, mail: Pick<OutgoingMail, 'to' | 'purpose'>, now: Date, options: { force?: boolean } = {}): Promise<string | null> {
  const suppressed = await trx.selectFrom('suppressions').select('email').where('email', '=', mail.to).executeTakeFirst();
  if (suppressed && !options.force) {
    await recordDeliveryEvents(
      trx,
      deliveryAttempt(mail.to, now.toISOString(), 'suppressed').map((event) => ({ ...event, purpose: mail.purpose })),
    );
    return null;
  }
  if (suppressed) await trx.deleteFrom('suppressions').where('email', '=', mail.to).execute();
  const user = await trx.selectFrom('users').select(['id', 'linkGeneration', 'language', 'expiresAt']).where('email', '=', mail.to).executeTakeFirst();
  const isInvitation = mail.purpose === 'invitation';
  // Temporary failures are retried while the mail is still of use: the invitation's window, or the reset link's.
  const giveUpAt = isInvitation ? (user?.expiresAt ?? new Date(now.getTime() + context.policy.inviteExpiryMs)) : new Date(now.getTime() + context.policy.resetLinkExpiryMs);
  const messageId = newMessageId(messageIdHost(context));
  await trx
    .insertInto('mailOutbox')
    .values({
      messageId,
      email: mail.to,
      userId: user?.id ?? null,
      purpose: mail.purpose,
      linkGeneration: isInvitation ? (user?.linkGeneration ?? null) : null,
      language: user?.language ?? null,
      state: 'queued',
      nextAttemptAt: now,
      giveUpAt,
      lockedUntil: null,
      lastSmtpCode: null,
      lastText: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return messageId;
}

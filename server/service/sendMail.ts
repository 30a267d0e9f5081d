import type { Transaction } from 'kysely';
import { enqueueMail } from '../mail/outbox/enqueueMail.ts';
import { notePendingMail } from '../mail/outbox/pendingMail.ts';
import type { OutgoingMail } from '../mail/MailTransport.ts';
import type { Database } from '../store/Database.ts';
import type { ServiceContext } from './ServiceContext.ts';

/**
 * Queues one mail in the action's transaction (see `enqueueMail`: our suppression list is
 * honoured there unless `force`). The mail is not sent here: once the action commits, `runAction`
 * asks the mail worker to make the first attempt at once (see `startMailWorker`), and the worker
 * retries it from the queue. `mail.link` is not used: the worker derives the link when it sends,
 * so no link is ever stored.
 */
export async function sendMail(context: ServiceContext, trx: Transaction<Database>, mail: OutgoingMail, at: Date, options: { force?: boolean } = {}): Promise<void> {
  const messageId = await enqueueMail(context, trx, mail, at, options);
  if (messageId) notePendingMail(trx, messageId);
}

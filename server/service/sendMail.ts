import type { Transaction } from 'kysely';
import { deliveryAttempt } from '../../src/adapters/index.ts';
import type { OutgoingMail } from '../mail/MailTransport.ts';
import type { Database } from '../store/Database.ts';
import type { ServiceContext } from './ServiceContext.ts';

/**
 * Sends one mail and stores what the attempt produced, in the action's transaction. An address on
 * our suppression list is not mailed (a `sent` and a `dropped` event say so) unless `force`: a
 * deliberate resend lifts the suppression and tries again.
 */
export async function sendMail(context: ServiceContext, trx: Transaction<Database>, mail: OutgoingMail, at: Date, options: { force?: boolean } = {}): Promise<void> {
  const suppressed = await trx.selectFrom('suppressions').select('email').where('email', '=', mail.to).executeTakeFirst();
  if (suppressed && options.force) await trx.deleteFrom('suppressions').where('email', '=', mail.to).execute();
  const events = suppressed && !options.force ? deliveryAttempt(mail.to, at.toISOString(), 'suppressed') : await context.mail.send(mail, at);
  if (events.length === 0) return;
  await trx
    .insertInto('deliveryEvents')
    .values(
      events.map((event) => ({
        email: mail.to,
        at: new Date(event.at),
        kind: event.kind,
        smtpCode: event.smtpCode ?? null,
        enhancedCode: event.enhancedCode ?? null,
        text: event.text ?? null,
        reason: event.reason ?? null,
        purpose: mail.purpose,
      })),
    )
    .execute();
}

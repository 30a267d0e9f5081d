import type { SendingStatus } from '../../src/engine/InvitationBackend.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';

/** How far back a send-time refusal still counts as a current problem: a day. */
export const sendingProblemWindowMs = 24 * 3_600_000;

/**
 * How outgoing mail is set up, for any caller (it names no address): `configured` is false only
 * for the transport used when no SMTP server is set (no SMTP_URL, no demo world); `provider` names
 * the service without credentials ("SMTP (host:port)"); `from` is MAIL_FROM's address. `problem` is the reason
 * of the latest `not_sent` event of the last day, unless a mail has left since.
 */
export function readSendingStatus(context: ServiceContext): Promise<Result<SendingStatus>> {
  return runRead(context, 'sendingStatus', async () => {
    const since = new Date(context.clock() - sendingProblemWindowMs);
    const refusal = await context.db
      .selectFrom('deliveryEvents')
      .select(['at', 'reason'])
      .where('kind', '=', 'not_sent')
      .where('at', '>=', since)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const leftSince = refusal
      ? // A mail left: `sent`, a delivery (a retry's `delivered` comes without a new `sent`), or an
        // answer about the recipient in our own SMTP conversation (not a late bounce of an older mail).
        await context.db
          .selectFrom('deliveryEvents')
          .select('id')
          .where((eb) => eb.or([eb('kind', 'in', ['sent', 'delivered']), eb.and([eb('source', '=', 'smtp'), eb('kind', 'in', ['deferred', 'bounced'])])]))
          .where('at', '>', refusal.at)
          .limit(1)
          .executeTakeFirst()
      : undefined;
    return ok({
      configured: context.mail.configured !== false,
      ...(context.mail.provider ? { provider: context.mail.provider } : {}),
      from: context.mailSettings?.from ?? context.policy.senderAddress,
      linkOrigin: context.linkOrigin,
      problem: refusal && !leftSince ? refusal.reason : null,
    });
  });
}

import type { MailTransport } from '../MailTransport.ts';

/**
 * The transport when no mail is set up (no SMTP_URL, no demo world): nothing leaves, and every
 * send says so with a `not_sent` event whose reason, mail_not_configured, the wizard's
 * sending-setup branch turns into the fix (set SMTP_URL).
 */
export function createUnconfiguredMailTransport(): MailTransport {
  return {
    configured: false,
    send: async (mail, at) => [
      {
        at: at.toISOString(),
        email: mail.to,
        kind: 'not_sent',
        reason: 'mail_not_configured',
        text: 'No mail server is configured (SMTP_URL is not set), so the mail was not sent.',
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      },
    ],
  };
}

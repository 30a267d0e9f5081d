import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';

/** One mail the server wants delivered. */
export interface OutgoingMail {
  to: string;
  purpose: 'invitation' | 'password_reset';
  /** The invite or reset link inside the mail. A secret: a transport never logs it. */
  link: string | null;
}

/**
 * The seam between the service and whatever delivers mail. It answers with the delivery events
 * the attempt produced so far (`sent`, and an outcome when the receiving side answered at once);
 * the service stores them in the same transaction as the action.
 */
export interface MailTransport {
  /** The sending service as its operator would name it ("SMTP", "Postmark"), for the sending status. */
  readonly provider?: string;
  send(mail: OutgoingMail, at: Date): Promise<DeliveryEvent[]>;
}

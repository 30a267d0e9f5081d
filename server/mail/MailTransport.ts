import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';

/** One mail the server wants delivered. Only `to`, `purpose` and `link` are required. */
export interface OutgoingMail {
  to: string;
  purpose: 'invitation' | 'password_reset';
  /** The invite or reset link inside the mail. A secret: a transport never logs it. */
  link: string | null;
  /**
   * The Message-ID without angle brackets (`random@host`). The outbox makes one per mail and
   * sends it with every attempt; when absent a transport makes a fresh one for this send.
   */
  messageId?: string;
  /** The recipient's language (a locale tag such as `de`); English when absent or unknown. */
  language?: string | null;
  /** Which attempt of this mail this is, from 1. The first attempt's events begin with `sent`. @default 1 */
  attempt?: number;
  /** An invitation sent again with a fresh link (the mail says the earlier link no longer works). */
  resend?: boolean;
  /** When the link stops working, for the mail's text. */
  expiresAt?: Date;
}

/**
 * The seam between the service and whatever delivers mail. It answers with the delivery events
 * the attempt produced (`sent`, and an outcome when the receiving side answered at once), each
 * with the mail's `messageId` and `source` where the transport knows them. The outbox worker
 * stores them with `recordDeliveryEvents`. A transport never throws for a refused mail: every
 * outcome, including "not sent", is an event.
 */
export interface MailTransport {
  /** The sending service as its operator would name it ("SMTP (mail.example.com:587)"), for the sending status. Never credentials. */
  readonly provider?: string;
  /** False for the transport used when no mail is configured. @default true */
  readonly configured?: boolean;
  send(mail: OutgoingMail, at: Date): Promise<DeliveryEvent[]>;
  /** Frees connections, if any. */
  close?(): void;
}

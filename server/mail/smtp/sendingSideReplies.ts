import type { NotSentReason } from '../../../src/engine/InvitationBackend.ts';

/** An SMTP reply, and the From address we sent with (a reply may name it). */
export interface SmtpReply {
  code: number | null;
  enhancedCode: string | null;
  text: string;
  sender?: string;
}

/** One kind of SMTP reply that is about OUR sending account or setup, not about the recipient. */
export interface SendingSideReply {
  /** A name for the row, for tests and reading. */
  name: string;
  reason: NotSentReason;
  /** True when the same mail may succeed later without anyone changing our setup (a rate limit). */
  retry: boolean;
  matches(reply: SmtpReply): boolean;
}

/**
 * Replies that mean the mail never left our side, one meaning per row, first match wins. Order
 * matters where texts overlap: Amazon SES says "Email address is not verified" both for an
 * unverified sender and, in the sandbox, for a recipient, so the sender/domain rows come first.
 * A recipient's full mailbox ("over quota", 4.2.2) is the recipient's problem and matches none.
 */
export const sendingSideReplies: readonly SendingSideReply[] = [
  {
    name: 'authentication refused (535, 530, 5.7.8)',
    reason: 'auth_refused',
    retry: false,
    matches: ({ code, enhancedCode, text }) => code === 535 || code === 530 || enhancedCode === '5.7.8' || /authentication (failed|required|credentials invalid)|invalid (login|credentials)/i.test(text),
  },
  {
    name: 'sending domain or sender identity not verified',
    reason: 'sending_domain_unverified',
    retry: false,
    matches: ({ text, sender }) =>
      /domain (is )?not verified|sender (address |identity )?(is )?not verified|unverified (sending )?domain|not a verified (domain|sender)/i.test(text) ||
      // SES names the identities that failed: when one is our own From address, it is our side.
      (/address is not verified/i.test(text) && sender !== undefined && text.toLowerCase().includes(sender.toLowerCase())),
  },
  {
    name: 'sandboxed account: recipient not verified',
    reason: 'sandbox_recipient',
    retry: false,
    matches: ({ text }) => /email address is not verified|recipient (address )?(is )?not verified|sandbox/i.test(text),
  },
  {
    name: 'our sending quota or rate limit',
    reason: 'provider_rate_limited',
    retry: true,
    matches: ({ text }) =>
      !/mailbox|recipient|user/i.test(text) &&
      /sending quota|message quota|daily (sending )?(quota|limit)|maximum sending rate|rate limit|too many (messages|mails|emails|requests)|throttl|quota exceeded/i.test(text),
  },
];

/** The row a reply matches, or null when the reply is about the recipient (or unknown). */
export function matchSendingSideReply(reply: SmtpReply): SendingSideReply | null {
  return sendingSideReplies.find((row) => row.matches(reply)) ?? null;
}

/** A wait the reply suggests ("try again in 30 seconds", "retry after 5 minutes"), in ms, or null. */
export function suggestedWaitMs(text: string): number | null {
  const match = /(?:try again|retry|wait)\D{0,20}?(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\b/i.exec(text);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 's').toLowerCase();
  const factor = unit.startsWith('h') ? 3_600_000 : unit.startsWith('m') ? 60_000 : 1_000;
  return amount * factor;
}

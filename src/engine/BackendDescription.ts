/**
 * Facts about a backend itself rather than about one user (`InvitationBackend.describe`): where
 * users live, how a resend really works there, and who sends the mail. The wizard reads them to
 * say true things ("the older link stops working" only where it does), and the escalation packet
 * carries them so support knows which system to look in.
 */
export interface BackendDescription {
  /** Where users live: `invite-doctor` (the server's own tables), `demo`, or a provider id such as `clerk`. */
  identity: string;
  /** That system as its operator would name it ("Clerk", "Amazon Cognito"). */
  identityName: string;
  /**
   * How a resend is done there: `native` (the system re-sends the same invitation), `composed`
   * (revoke and create again, or a fresh link mailed by us), or `unsupported`.
   */
  resend: 'native' | 'composed' | 'unsupported';
  /** True when a resend makes every older invite link stop working. */
  resendRotatesLink: boolean;
  /** True when the identity system sends invitation mail itself, so our own mail evidence does not cover it. */
  providerSendsMail: boolean;
  /** Where delivery evidence comes from: `invite-doctor` (our SMTP replies, bounces, webhooks) or a provider id such as `postmark`; empty when none. */
  deliveryEvidence: readonly string[];
}

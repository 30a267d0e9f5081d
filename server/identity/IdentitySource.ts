import type { BackendDescription } from '../../src/engine/BackendDescription.ts';
import type { Clock } from '../../src/engine/Clock.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import type { Result } from '../../src/engine/Result.ts';
import type { CallOptions, Capability, DeliveryEvent, InvitationBackend } from '../../src/engine/InvitationBackend.ts';

/** The capabilities an identity source may offer; the delivery-evidence ones come from a {@link DeliverySource}. */
export type IdentityCapability = Extract<Capability, 'lookup' | 'resend' | 'copyLink' | 'passwordReset' | 'cancel' | 'reinvite' | 'listInvitations'>;

export const identityCapabilities: readonly IdentityCapability[] = ['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'listInvitations'];

/** What an identity source says about itself: the backend description minus where delivery evidence comes from. */
export type IdentityDescription = Omit<BackendDescription, 'deliveryEvidence'>;

/**
 * Where users live: the identity half of the contract. The server's own tables are one source; a
 * provider adapter (Clerk, Auth0, Supabase, WorkOS, Firebase, Cognito, better-auth) is another.
 * Every method resolves a typed `Result`, never throws: provider failures map through
 * `mapProviderFailure` (429 + Retry-After → `rate_limited`, 401/403 → `not_permitted`, 404 →
 * `not_found`, 409 → `conflict`, 5xx, timeouts, network and malformed bodies → `unavailable`).
 * Operations a provider lacks are absent from `capabilities()` and answer `unsupported`.
 *
 * Users map onto the contract's `InvitedUser`: `invited` while an invitation (or a first sign-in)
 * is pending, `active` once signed up (`setupCompleted: false` when setup was never finished),
 * `deactivated` when the provider has the user disabled or banned; `sso` when the user signs in
 * through an enterprise connection. `team` is the provider's organisation id where the adapter is
 * organisation-scoped, otherwise the configured default team.
 */
export interface IdentitySource extends Pick<InvitationBackend, 'findUser' | 'resendInvite' | 'getInviteLink' | 'sendPasswordReset' | 'cancelInvite' | 'inviteUser' | 'listInvitations'> {
  capabilities(): ReadonlySet<IdentityCapability>;
  describe(): IdentityDescription;
  /**
   * What the identity system itself knows about its own mails for this address (Auth0's failed
   * notification logs, a Cognito CodeDeliveryFailure seen at send time, Supabase's send-time
   * errors), newest last, each with `source` set to the provider id. Absent when it knows nothing.
   */
  deliveryEvents?(email: string, options?: CallOptions): Promise<Result<DeliveryEvent[]>>;
  /** Frees clients and connections. */
  close?(): Promise<void>;
}

/** One mail an identity source asks the server to send, for systems that leave sending to the app (Firebase, better-auth). */
export interface IdentityMail {
  to: string;
  purpose: 'invitation' | 'password_reset';
  /** A provider-made link (a secret): sent once, never stored or logged. */
  link: string;
  expiresAt: Date;
  /** An invitation sent again; the mail says whether the earlier link still works. */
  resend?: boolean;
}

/** What the server lends an identity source. */
export interface IdentityContext {
  clock: Clock;
  policy: Policy;
  /** The team users get when the provider has no organisation for them. */
  defaultTeam: string;
  /** How long one provider call may take before it resolves `unavailable` / `timeout`. */
  timeoutMs: number;
  /**
   * Sends a mail through the server's own mail transport at once (one attempt; its events are
   * stored as delivery evidence). Used by sources whose system makes links but sends no mail.
   * Resolves the events of the attempt; a refused mail is an event, not a failure.
   */
  sendMail(mail: IdentityMail): Promise<DeliveryEvent[]>;
}

/**
 * One identity system the server can be pointed at with `IDENTITY=<id>`. `readConfig` reads only
 * its own settings from the environment and throws a `ConfigError` naming a missing or bad one
 * (never its value); `create` builds the source. Loaded lazily, so an unused SDK is never imported.
 */
export interface IdentityProvider<Config> {
  id: string;
  name: string;
  /** The environment variables it reads, required ones first (for the README and error messages). */
  settings: readonly string[];
  readConfig(env: NodeJS.ProcessEnv): Config;
  create(config: Config, context: IdentityContext): IdentitySource | Promise<IdentitySource>;
}

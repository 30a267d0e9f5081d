import type { Result } from '../../src/engine/Result.ts';
import type { CallOptions, DeliveryEvent } from '../../src/engine/InvitationBackend.ts';

/**
 * Where the evidence of what happened to a mail lives: the server's own store (SMTP replies,
 * bounce messages, webhooks) or an email provider's API (Postmark bounces, SendGrid bounces,
 * blocks and suppressions, Mailgun events and suppressions, the SES account suppression list).
 * Combined with an identity source into one backend. Never throws: failures map through
 * `mapProviderFailure` like an identity source's.
 */
export interface DeliverySource {
  /** `invite-doctor` for the server's own store, else the provider id (`postmark`). */
  readonly id: string;
  /** As its operator would name it ("Postmark"). */
  readonly name: string;
  /** What the provider reported for this address, oldest first, each event with `source` set to `id`. */
  deliveryEvents(email: string, options?: CallOptions): Promise<Result<DeliveryEvent[]>>;
  /** Takes the address off the provider's suppression list, where the provider allows it (capability `unsuppress`). */
  clearSuppression?(email: string, options?: CallOptions): Promise<Result<{ clearedAt: string }>>;
  close?(): Promise<void>;
}

/** One email provider the server can read evidence from with `DELIVERY=<id>` (see `IdentityProvider` for the shape's rules). */
export interface DeliveryProvider<Config> {
  id: string;
  name: string;
  settings: readonly string[];
  readConfig(env: NodeJS.ProcessEnv): Config;
  create(config: Config, context: { timeoutMs: number; clock: () => number }): DeliverySource | Promise<DeliverySource>;
}
